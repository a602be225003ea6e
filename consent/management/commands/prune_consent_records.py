from django.utils import timezone

from consent.models import ConsentRecord
from core.retention import RetentionCommand


class Command(RetentionCommand):
    help = "Cancella le registrazioni del consenso più vecchie del periodo di conservazione."
    retention_setting = "CONSENT_RECORD_RETENTION_DAYS"
    rows_label = "registrazioni"

    def old_rows(self, age):
        return ConsentRecord.objects.filter(created_at__lt=timezone.now() - age)
