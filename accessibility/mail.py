"""The e-mails a report causes, queued in the outbox in the report's transaction: a notice to the
staff (the organisation's e-mail) and an acknowledgement to the sender, which names the 30-day
deadline and AgID's procedure for when no answer comes."""

from core.dates import italian_on
from inbox.mail import FormMails

from .feedback import AGID_PROCEDURE_URL


class FeedbackMails(FormMails):
    staff_template = "accessibility/email/feedback_staff.txt"
    visitor_template = "accessibility/email/feedback_visitor.txt"
    admin_view = "accessibility_feedback:edit"
    context_name = "feedback"

    def staff_subject(self):
        return f"Segnalazione di accessibilità: rispondere entro {italian_on(self.message.reply_deadline)}"

    def visitor_subject(self):
        return "Abbiamo ricevuto la tua segnalazione di accessibilità"

    def context(self):
        return {**super().context(), "agid_url": AGID_PROCEDURE_URL}
