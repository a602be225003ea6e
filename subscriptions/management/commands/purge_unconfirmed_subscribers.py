"""Sign-ups never confirmed are deleted SUBSCRIPTIONS_UNCONFIRMED_RETENTION_DAYS after the last
request, with their consent log and e-mails (run daily by the scheduler; docs/newsletter.md)."""

from core.retention import RetentionCommand
from subscriptions.models import Subscriber


class Command(RetentionCommand):
    help = (
        "Cancella le iscrizioni alla newsletter mai confermate più vecchie del periodo di conservazione "
        "(SUBSCRIPTIONS_UNCONFIRMED_RETENTION_DAYS)."
    )
    retention_setting = "SUBSCRIPTIONS_UNCONFIRMED_RETENTION_DAYS"
    rows_label = "iscrizioni alla newsletter non confermate"

    def old_rows(self, age):
        return Subscriber.objects.unconfirmed_since(age)
