from django.utils import timezone

from accessibility.feedback import AccessibilityFeedback, FeedbackStatus
from core.retention import RetentionCommand


class Command(RetentionCommand):
    help = (
        "Cancella le segnalazioni di accessibilità a cui si è risposto da più del periodo di conservazione "
        "(ACCESSIBILITY_FEEDBACK_RETENTION_DAYS), con le loro e-mail. Quelle senza risposta restano."
    )
    retention_setting = "ACCESSIBILITY_FEEDBACK_RETENTION_DAYS"
    rows_label = "segnalazioni con risposta"

    def old_rows(self, age):
        # Counted from the reply: until then the report is open, and AgID's escalation runs from it.
        return AccessibilityFeedback.objects.filter(
            status=FeedbackStatus.ANSWERED, replied_on__lt=timezone.localdate() - age
        )
