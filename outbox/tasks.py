"""Background work: sending the e-mails a visitor's post queued, once the post is committed."""

from django.db import transaction
from django_tasks import task

from .delivery import deliver_many


@task()
def send_outbound_emails(email_ids):
    return deliver_many(email_ids)


def send_after_commit(emails):
    """Queue the background task once the post is committed. A queue failure is only logged:
    the rows stay pending and `send_pending_mail` picks them up."""
    ids = [email.pk for email in emails]
    if not ids:
        return

    def enqueue():
        send_outbound_emails.enqueue(ids)

    transaction.on_commit(enqueue, robust=True)
