"""The Moderatori's weekly digest: the dashboard's "Da sistemare" lists by e-mail, queued in the
outbox like every other e-mail, at most once per week (Monday to Sunday, Rome time)."""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from core.dates import italian_date
from outbox.delivery import queue
from outbox.mail import admin_url
from outbox.models import OutboundEmail
from outbox.tasks import send_after_commit

from .checks import office_checks

MODERATORS = "Moderatori"


def week_start(now):
    today = timezone.localtime(now).date()
    return today - datetime.timedelta(days=today.weekday())


def subject_for(now):
    return f"Riepilogo della redazione, settimana del {italian_date(week_start(now))}"


def moderator_addresses():
    users = get_user_model().objects.filter(is_active=True, groups__name=MODERATORS).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def send_editorial_digest(now=None):
    """The queued e-mail, or None with the reason: already sent this week, nobody to send it to,
    or nothing to report."""
    now = now or timezone.now()
    subject = subject_for(now)
    if OutboundEmail.objects.filter(kind=OutboundEmail.Kind.STAFF, subject=subject).exists():
        return None, "già inviato questa settimana"
    addresses = moderator_addresses()
    if not addresses:
        return None, "nessun moderatore con un indirizzo e-mail"
    checks = [check for check in office_checks(now) if check.items]
    if not checks:
        return None, "niente da segnalare"
    context = {"checks": checks, "dashboard_url": admin_url("/admin/"), "base_url": admin_url("")}
    body = render_to_string("editorial/digest.txt", context)
    with transaction.atomic():
        email = queue(kind=OutboundEmail.Kind.STAFF, to=addresses, subject=subject, body=body)
        send_after_commit([email])
    return email, f"inviato a {len(addresses)} moderatori"
