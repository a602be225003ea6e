"""Registrations are kept EVENTS_REGISTRATION_RETENTION_DAYS after they arrived, then deleted with
their e-mails (run daily by the scheduler; docs/retention.md)."""

from django.utils import timezone

from core.retention import RetentionCommand
from events.models import EventRegistration


class Command(RetentionCommand):
    help = "Cancella le iscrizioni agli eventi più vecchie del periodo di conservazione (EVENTS_REGISTRATION_RETENTION_DAYS)."
    retention_setting = "EVENTS_REGISTRATION_RETENTION_DAYS"
    rows_label = "iscrizioni agli eventi"

    def old_rows(self, age):
        return EventRegistration.objects.filter(created_at__lt=timezone.now() - age)
