"""What the scheduler does every minute (`send_newsletters`): start the mailings whose time has come,
resume the ones whose worker stopped, and settle rows abandoned mid-send."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from .models import Mailing
from .sending import finish_if_done, mark_abandoned_as_uncertain
from .tasks import send_mailing, start_and_send


def run_due(now=None):
    """Return (started, resumed) mailing counts."""
    now = now or timezone.now()
    mark_abandoned_as_uncertain(now)
    started = 0
    for mailing_id in Mailing.objects.filter(status=Mailing.Status.SCHEDULED, send_at__lte=now).values_list(
        "pk", flat=True
    ):
        started += start_and_send(mailing_id, now=now)
    stalled = now - timedelta(seconds=2 * settings.NEWSLETTER_RUN_SECONDS)
    resumed = 0
    for mailing_id in (
        Mailing.objects.filter(status=Mailing.Status.SENDING)
        .filter(Q(progress_at__lt=stalled) | Q(progress_at__isnull=True))
        .values_list("pk", flat=True)
    ):
        if not finish_if_done(mailing_id):
            Mailing.objects.filter(pk=mailing_id).update(progress_at=now)
            send_mailing.enqueue(mailing_id)
            resumed += 1
    return started, resumed
