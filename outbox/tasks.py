"""Background work: sending the e-mails a visitor's post queued."""

from django_tasks import task

from .delivery import deliver_many


@task()
def send_outbound_emails(email_ids):
    return deliver_many(email_ids)
