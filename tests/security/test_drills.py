"""Mail drills: a stalled mail server never holds a visitor's request, and many simultaneous
enquiries each store their row and send their e-mails exactly once."""

import socket
import threading

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from courses.enquiries import CourseEnquiry
from outbox.models import OutboundEmail
from tests.courses.test_enquiries import valid_post

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


class StalledSMTPServer:
    """A TCP socket that accepts connections and never says a word, like a hung mail server."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.2)
        self.port = self.listener.getsockname()[1]
        self.connections = []
        self.running = True
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while self.running:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                continue
            self.connections.append(conn)

    def close(self):
        self.running = False
        self.thread.join()
        for conn in self.connections:
            conn.close()
        self.listener.close()


@pytest.fixture
def stalled_smtp():
    server = StalledSMTPServer()
    yield server
    server.close()


@pytest.mark.django_db
def test_a_stalled_mail_server_never_holds_a_request(
    client, settings, course, stalled_smtp, django_capture_on_commit_callbacks
):
    settings.TASKS = DATABASE_TASKS
    settings.FORM_RATE_LIMIT = 1000
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = stalled_smtp.port
    settings.EMAIL_TIMEOUT = 1

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(course.url + "richiedi-informazioni/", valid_post())

    assert response.status_code == 302
    assert response["Location"] == course.url + "richiedi-informazioni/grazie/"
    assert CourseEnquiry.objects.count() == 1
    emails = OutboundEmail.objects.all()
    assert emails.count() >= 1
    assert all(email.status == OutboundEmail.Status.PENDING for email in emails)
    queued = DBTaskResult.objects.ready().filter(task_path="outbox.tasks.send_outbound_emails")
    assert queued.count() == 1
    assert stalled_smtp.connections == []

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload")

    assert stalled_smtp.connections  # the worker, not the request, waited on the mail server
    for email in OutboundEmail.objects.all():
        assert email.status == OutboundEmail.Status.PENDING
        assert email.sent_at is None
        assert email.attempts == 1
        assert "timed out" in email.last_error
    assert mail.outbox == []
