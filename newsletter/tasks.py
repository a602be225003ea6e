"""Background sending: one task run sends for at most NEWSLETTER_RUN_SECONDS, then queues the next,
so a long mailing never holds the worker and other tasks (search index, visitors' e-mails) go on
between its runs. `send_newsletters` (the scheduler, every minute) starts due mailings and queues a
run again for a mailing that made no progress for a while (the worker was restarted)."""

from django.conf import settings
from django.db import transaction
from django_tasks import task

from .sending import send_pending, start


@task()
def send_mailing(mailing_id):
    if send_pending(mailing_id, budget=settings.NEWSLETTER_RUN_SECONDS):
        send_mailing.enqueue(mailing_id)


def start_and_send(mailing_id, now=None):
    """Start a due mailing and queue its sending after commit; False if it was not due."""
    if not start(mailing_id, now=now):
        return False
    transaction.on_commit(lambda: send_mailing.enqueue(mailing_id), robust=True)
    return True
