"""Queueing e-mails in the outbox and sending each row at most once (short of a crash in mid-send).

The API for the apps that store a visitor's post: `queue(...)` inside the transaction that stores
the post, then `send_after_commit(emails)`.

A row is claimed with a single conditional UPDATE (pending → sending), so a worker and the
management command can run at the same time without sending twice. A failure puts the row back to
pending with the error; a claim left behind by a crashed process is taken again after
`OUTBOX_STALE_MINUTES`."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from .models import OutboundEmail

logger = logging.getLogger(__name__)


def queue(*, kind, to, subject, body, reply_to="", attachment=None, about=None):
    """Store an e-mail to send; call inside the transaction that stores `about`, what it is about."""
    name, content, mimetype = attachment or ("", "", "")
    return OutboundEmail.objects.create(
        kind=kind,
        to=", ".join(to),
        reply_to=reply_to,
        subject=subject[:255],
        body=body,
        attachment_name=name,
        attachment_content=content,
        attachment_mimetype=mimetype,
        about=about,
    )


def send_after_commit(emails):
    """Queue the background task once the post is committed. A queue failure is only logged:
    the rows stay pending and `send_pending_mail` picks them up."""
    ids = [email.pk for email in emails]
    if not ids:
        return

    def enqueue():
        from .tasks import send_outbound_emails

        send_outbound_emails.enqueue(ids)

    transaction.on_commit(enqueue, robust=True)


def _claimable():
    stale = timezone.now() - timedelta(minutes=settings.OUTBOX_STALE_MINUTES)
    return Q(status=OutboundEmail.Status.PENDING) | Q(status=OutboundEmail.Status.SENDING, claimed_at__lt=stale)


def deliver(email_id, connection=None):
    """Send one e-mail if nobody else has; return True when it went out now."""
    claimed = OutboundEmail.objects.filter(_claimable(), pk=email_id).update(
        status=OutboundEmail.Status.SENDING, claimed_at=timezone.now(), attempts=F("attempts") + 1
    )
    if not claimed:
        return False
    email = OutboundEmail.objects.get(pk=email_id)
    message = EmailMessage(
        subject=email.subject,
        body=email.body,
        to=email.recipients,
        reply_to=[email.reply_to] if email.reply_to else None,
        connection=connection,
    )
    if email.attachment_name:
        message.attach(email.attachment_name, email.attachment_content, email.attachment_mimetype)
    try:
        message.send()
    except Exception as exc:  # any failure (DNS, refused, auth, timeout) means "try later"
        logger.warning("E-mail %s non inviata, resta in coda: %s", email_id, exc)
        OutboundEmail.objects.filter(pk=email_id).update(
            status=OutboundEmail.Status.PENDING, last_error=f"{type(exc).__name__}: {exc}"[:2000]
        )
        return False
    OutboundEmail.objects.filter(pk=email_id).update(
        status=OutboundEmail.Status.SENT, sent_at=timezone.now(), last_error=""
    )
    return True


def deliver_many(email_ids):
    """Send the given e-mails over one connection."""
    sent = 0
    connection = get_connection(fail_silently=False)
    for email_id in email_ids:
        if deliver(email_id, connection=connection):
            sent += 1
    return sent


def pending_ids():
    return list(OutboundEmail.objects.filter(_claimable()).order_by("created_at", "pk").values_list("pk", flat=True))


def waiting_count():
    """E-mails not sent yet (pending, or claimed by a sender that has not finished)."""
    return OutboundEmail.objects.exclude(status=OutboundEmail.Status.SENT).count()
