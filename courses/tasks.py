"""Background work: sending the e-mails an enquiry or a contact message recorded."""

from django_tasks import task

from .outbox import deliver_many


@task()
def send_outbound_emails(email_ids):
    return deliver_many(email_ids)
