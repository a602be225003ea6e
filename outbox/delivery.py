"""Queueing e-mails in the outbox and sending each row at most once.

The API for the apps that store a visitor's post: `queue(...)` inside the transaction that stores
the post, then `outbox.tasks.send_after_commit(emails)`.

Sending, so that neither a slow mail server nor a database drop sends an e-mail twice:
1. the row is claimed with a single conditional UPDATE, pending → sending, committed before anything
   goes out (a worker and the command can run together without both sending it);
2. the e-mail is sent with the Message-ID fixed when it was queued;
3. the row is marked sent. If the server refused it (it answered "no"), it goes back to pending.
   If the answer never came (a timeout, a dropped connection), the server may have taken it: the row
   becomes "esito incerto" and is never resent by itself. A row still "in invio" after
   `OUTBOX_STALE_MINUTES` (the database dropped before step 3, or the process died) is the same case.
Staff check uncertain e-mails in the admin (menu "E-mail in uscita") and send one again, with
the same Message-ID, only if it did not arrive. docs/mail.md explains the choice.

The newsletter (newsletter/sending.py) follows the same rule for its own rows and reuses REFUSED,
`error_text` and `close_quietly`."""

import logging
import smtplib
import time
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db.models import F
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


# The server answered "no": the e-mail certainly did not go out and the connection is still usable.
REFUSED = (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused, smtplib.SMTPDataError)


def error_text(exc):
    """An exception as the one line kept in a row's error field (the newsletter's deliveries too)."""
    return f"{type(exc).__name__}: {exc}"[:2000]


def _message(email, connection):
    message = EmailMessage(
        subject=email.subject,
        body=email.body,
        to=email.recipients,
        reply_to=[email.reply_to] if email.reply_to else None,
        headers={"Message-ID": email.message_id},
        connection=connection,
    )
    if email.attachment_name:
        message.attach(email.attachment_name, email.attachment_content, email.attachment_mimetype)
    return message


def deliver(email_id, connection=None):
    """Send one pending e-mail if nobody else has claimed it; return its status afterwards (None if
    it was not ours to send)."""
    Status = OutboundEmail.Status
    claimed = OutboundEmail.objects.filter(pk=email_id, status=Status.PENDING).update(
        status=Status.SENDING, claimed_at=timezone.now(), attempts=F("attempts") + 1
    )
    if not claimed:
        return None
    email = OutboundEmail.objects.get(pk=email_id)
    try:
        _message(email, connection).send()
    except REFUSED as exc:
        logger.warning("E-mail %s rifiutata dal server, resta in coda: %s", email_id, exc)
        status, fields = Status.PENDING, {"last_error": error_text(exc)}
    except Exception as exc:  # no answer: the server may or may not have taken it
        logger.error("E-mail %s: esito incerto, non verrà reinviata da sola (%s)", email_id, exc)
        status, fields = Status.UNCERTAIN, {"last_error": "Nessuna risposta dal server: " + error_text(exc)}
    else:
        status, fields = Status.SENT, {"sent_at": timezone.now(), "last_error": ""}
    OutboundEmail.objects.filter(pk=email_id, status=Status.SENDING).update(status=status, **fields)
    return status


def _not_sent(email_ids, exc):
    """No connection to the server: nothing went out, the e-mails stay pending with the error."""
    logger.warning("Server di posta non raggiungibile, %s e-mail restano in coda: %s", len(email_ids), exc)
    OutboundEmail.objects.filter(pk__in=email_ids, status=OutboundEmail.Status.PENDING).update(
        attempts=F("attempts") + 1, last_error=error_text(exc)
    )


def deliver_many(email_ids, budget=None, clock=time.monotonic):
    """Send the given e-mails over one connection; return how many went out. With a `budget`
    (seconds), no e-mail is started after it has run out: the rest waits for the next run."""
    deadline = None if budget is None else clock() + budget
    remaining, sent, connection = list(email_ids), 0, None
    try:
        while remaining and (deadline is None or clock() < deadline):
            if connection is None:
                connection = get_connection(fail_silently=False)
                try:
                    connection.open()  # a hung server costs one EMAIL_TIMEOUT per run, not one per e-mail
                except Exception as exc:
                    connection = None
                    _not_sent(remaining, exc)
                    break
            status = deliver(remaining.pop(0), connection=connection)
            sent += status == OutboundEmail.Status.SENT
            if status == OutboundEmail.Status.UNCERTAIN:  # the connection is in an unknown state
                close_quietly(connection)
                connection = None
    finally:
        if connection is not None:
            close_quietly(connection)
    return sent


def close_quietly(connection):
    """Close an SMTP connection that may already be dead (after a timeout the server dropped it)."""
    try:
        connection.close()
    except Exception:  # closing a connection the server dropped
        logger.debug("Chiusura della connessione SMTP non riuscita", exc_info=True)


def mark_abandoned_as_uncertain():
    """E-mails left "in invio" longer than OUTBOX_STALE_MINUTES: the process died or the database
    dropped between sending and recording it. Whether they went out is unknown: staff decide."""
    stale = timezone.now() - timedelta(minutes=settings.OUTBOX_STALE_MINUTES)
    return OutboundEmail.objects.filter(status=OutboundEmail.Status.SENDING, claimed_at__lt=stale).update(
        status=OutboundEmail.Status.UNCERTAIN,
        last_error="Invio interrotto prima che l'esito fosse registrato: verificare se è arrivata.",
    )


def pending_ids():
    return list(
        OutboundEmail.objects.filter(status=OutboundEmail.Status.PENDING)
        .order_by("created_at", "pk")
        .values_list("pk", flat=True)
    )


def waiting_count():
    """E-mails not sent yet (pending, being sent, or of uncertain outcome)."""
    return OutboundEmail.objects.exclude(status=OutboundEmail.Status.SENT).count()
