"""Exactly-once mail (issue 19.5): an e-mail keeps the Message-ID it was queued with on every attempt,
and neither a server that answers after EMAIL_TIMEOUT nor a database that drops between sending and
recording it makes the site send it a second time."""

import smtplib
from datetime import timedelta
from unittest import mock

import pytest
import time_machine
from django.core import mail
from django.core.mail import EmailMessage
from django.core.management import call_command
from django.db import DatabaseError, OperationalError, connection
from django.db.backends.utils import CursorWrapper
from django.utils import timezone

from outbox.delivery import deliver_many, queue
from outbox.models import OutboundEmail
from tests.security.faults import database_behind_relay

from .smtp_server import SMTPServer, use_smtp

UNCERTAIN = OutboundEmail.Status.UNCERTAIN


def staff_email():
    return queue(kind=OutboundEmail.Kind.STAFF, to=["info@asap.example"], subject="Nuova richiesta", body="Testo")


def later_runs():
    """What the scheduler does afterwards: its next run, and one after OUTBOX_STALE_MINUTES."""
    call_command("send_pending_mail")
    with time_machine.travel(timezone.now() + timedelta(hours=1)):
        call_command("send_pending_mail")


@pytest.mark.django_db
def test_every_attempt_sends_the_message_id_fixed_when_queued():
    email = staff_email()
    assert email.message_id.startswith("<") and email.message_id.endswith("@localhost>")
    assert staff_email().message_id != email.message_id
    refusal = smtplib.SMTPRecipientsRefused({"info@asap.example": (450, b"mailbox busy")})
    with mock.patch("django.core.mail.backends.locmem.EmailBackend.send_messages", side_effect=refusal):
        assert deliver_many([email.pk]) == 0
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.PENDING, "a refusal is certain: it is tried again"
    assert deliver_many([email.pk]) == 1
    [message] = mail.outbox
    assert message.message()["Message-ID"] == email.message_id


@pytest.mark.django_db(transaction=True)
def test_a_server_answering_after_the_timeout_receives_the_email_once(settings):
    with SMTPServer(data_reply_delay=2) as server:
        use_smtp(settings, server.port)
        settings.EMAIL_TIMEOUT = 1
        email = staff_email()
        assert deliver_many([email.pk]) == 0, "no answer within EMAIL_TIMEOUT"
        server.data_reply_delay = 0
        later_runs()
    assert len(server.messages) == 1
    assert server.messages[0]["message"]["Message-ID"] == email.message_id
    email.refresh_from_db()
    assert email.status == UNCERTAIN and email.get_status_display() == "Esito incerto"
    assert "Nessuna risposta dal server" in email.last_error


@pytest.mark.django_db(transaction=True)
def test_a_database_error_between_sending_and_recording_never_sends_again(settings):
    recorded = CursorWrapper.execute

    def drop_when_recording_sent(cursor, sql, params=None):
        if sql.startswith("UPDATE") and "sent" in (params or ()) and not dropped:
            dropped.append(sql)
            raise OperationalError("server closed the connection unexpectedly")
        return recorded(cursor, sql, params)

    dropped = []
    with SMTPServer() as server:
        use_smtp(settings, server.port)
        email = staff_email()
        with mock.patch.object(CursorWrapper, "execute", drop_when_recording_sent), pytest.raises(OperationalError):
            deliver_many([email.pk])
        assert dropped and len(server.messages) == 1
        later_runs()
    assert len(server.messages) == 1
    email.refresh_from_db()
    assert email.status == UNCERTAIN
    assert "verificare se è arrivata" in email.last_error


@pytest.mark.django_db(transaction=True)
def test_postgresql_stopped_between_sending_and_recording_never_sends_again(settings):
    if connection.vendor != "postgresql":
        pytest.skip("runs when DATABASE_URL is PostgreSQL (CI's first pass)")
    send = EmailMessage.send

    def send_then_stop_the_database(message, *args, **kwargs):
        sent = send(message, *args, **kwargs)
        relay.stop()
        return sent

    with database_behind_relay(connection) as relay, SMTPServer() as server:
        use_smtp(settings, server.port)
        email = staff_email()
        with mock.patch.object(EmailMessage, "send", send_then_stop_the_database), pytest.raises(DatabaseError):
            deliver_many([email.pk])
        relay.start()
        connection.close()  # what the worker and the scheduler do between runs
        later_runs()
        assert len(server.messages) == 1
        assert server.messages[0]["message"]["Message-ID"] == email.message_id
        email.refresh_from_db()
        assert email.status == UNCERTAIN


@pytest.mark.django_db
def test_a_run_starts_no_email_after_its_time_budget():
    emails = [staff_email() for _ in range(5)]
    ticks = iter(range(0, 1000, 10))  # each look at the clock: 10 s later
    assert deliver_many([e.pk for e in emails], budget=25, clock=lambda: next(ticks)) == 2
    assert OutboundEmail.objects.filter(status=OutboundEmail.Status.PENDING).count() == 3
