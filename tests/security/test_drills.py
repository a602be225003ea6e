"""Mail drills: a stalled mail server never holds a visitor's request, and many simultaneous
enquiries each store their row and send their e-mails exactly once."""

from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from django.core import mail
from django.db import connection
from django_tasks_db.models import DBTaskResult

from courses.enquiries import CourseEnquiry
from outbox.models import OutboundEmail
from tests.courses.test_enquiries import valid_post
from tests.outbox.smtp_server import StalledSMTPServer

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


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

    # What `db_worker` does with the queued task (the command itself closes the test's connection).
    queued_task = queued.get()
    queued_task.task.call(*queued_task.args_kwargs["args"], **queued_task.args_kwargs["kwargs"])

    assert stalled_smtp.connections  # the worker, not the request, waited on the mail server
    for email in OutboundEmail.objects.all():
        assert email.status == OutboundEmail.Status.PENDING
        assert email.sent_at is None
        assert email.attempts == 1
        assert "timed out" in email.last_error
    assert mail.outbox == []


ENQUIRIES = 200
THREADS = 8


def post_enquiry(form_url, number):
    """One visitor: open the form (for the CSRF cookie), then send it, as a browser does."""
    with requests.Session() as visitor:
        visitor.get(form_url, timeout=30).raise_for_status()
        data = valid_post(email=f"visitatore{number}@esempio.it")
        data["csrfmiddlewaretoken"] = visitor.cookies["csrftoken"]
        response = visitor.post(form_url, data=data, allow_redirects=False, timeout=30)
        return response.status_code, response.headers.get("Location", "")


@pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="SQLite's shared in-memory test database fails concurrent writers "
    "('cannot release savepoint'); CI's PostgreSQL pass runs this drill",
)
@pytest.mark.django_db(transaction=True)
def test_two_hundred_concurrent_enquiries_give_two_hundred_rows_and_each_email_sent_once(
    settings, course, live_server, mailoutbox
):
    settings.FORM_RATE_LIMIT = 1000
    form_url = live_server.url + course.url + "richiedi-informazioni/"

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        answers = list(pool.map(lambda number: post_enquiry(form_url, number), range(ENQUIRIES)))

    assert answers == [(302, course.url + "richiedi-informazioni/grazie/")] * ENQUIRIES
    assert CourseEnquiry.objects.count() == ENQUIRIES
    emails = OutboundEmail.objects.all()
    assert emails.count() == 2 * ENQUIRIES
    assert set(emails.values_list("status", flat=True)) == {OutboundEmail.Status.SENT}
    assert set(emails.values_list("attempts", flat=True)) == {1}
    assert len(mailoutbox) == 2 * ENQUIRIES
    sent = [(tuple(message.to), message.subject, message.body) for message in mailoutbox]
    assert len(set(sent)) == len(sent)
