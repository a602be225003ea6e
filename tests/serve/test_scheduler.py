"""The scheduler process of `make run` (manage.py run_scheduler): what cron would do on one machine."""

import threading
import time
from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
import time_machine
from django.utils import timezone

from outbox.delivery import queue
from outbox.models import OutboundEmail
from serving.management.commands.run_scheduler import JOBS, Command, Lane, lanes
from standardpages.models import ContentPage
from tests.factories import ContentPageFactory
from tests.outbox.smtp_server import StalledSMTPServer, use_smtp


def test_a_page_scheduled_to_go_live_is_published_when_its_time_comes(home_page, client):
    page = ContentPageFactory(parent=home_page, slug="bando-in-arrivo", live=False)
    page.go_live_at = timezone.now() + timedelta(minutes=30)
    page.save_revision().publish()
    assert client.get("/bando-in-arrivo/").status_code == 404

    with time_machine.travel(timezone.now() + timedelta(hours=1)):
        Command(stdout=StringIO(), stderr=StringIO()).run_job("publish_scheduled")

    assert client.get("/bando-in-arrivo/").status_code == 200


def test_a_failing_job_is_reported_and_the_scheduler_goes_on(db):
    errors = StringIO()
    Command(stdout=StringIO(), stderr=errors).run_job("comando_che_non_esiste")
    assert "comando_che_non_esiste non riuscito" in errors.getvalue()


def test_publishing_mail_and_maintenance_run_in_lanes_that_never_wait_for_each_other():
    grouped = lanes(JOBS)
    publishing = next(lane for lane, jobs in grouped.items() if ("publish_scheduled", 10) in jobs)
    mail_lane = next(lane for lane, jobs in grouped.items() if any(job == "send_pending_mail" for job, _ in jobs))
    assert grouped[publishing] == [("publish_scheduled", 10)], "nothing else can hold publishing back"
    assert mail_lane != publishing
    assert ("purge_search_log", 86400) in grouped["manutenzione"]


def test_a_failed_job_is_tried_again_within_seconds_then_less_often():
    now, outcomes = [0.0], iter([False, False, False, True])
    lane = Lane("manutenzione", [("purge_search_log", 86400)], lambda name: next(outcomes), clock=lambda: now[0])
    waits = []
    for _ in range(4):
        waits.append(lane.run_due())
        now[0] += waits[-1]
    assert waits == [5, 10, 20, 86400]


@pytest.fixture
def stalled_smtp():
    server = StalledSMTPServer()
    yield server
    if server.running:
        server.close()


@pytest.mark.django_db(transaction=True)  # the lanes are threads with their own connections
def test_a_hung_mail_server_does_not_delay_a_scheduled_page(home_page, settings, stalled_smtp):
    """Issue 26: with mail pending and the mail server hung, a page due at 05:57 went live at 06:01.
    The lanes run on a virtual clock (each wait moves it on), so the delay is measured exactly."""
    use_smtp(settings, stalled_smtp.port)
    settings.EMAIL_TIMEOUT = 60  # longer than the test: the mail lane stays stuck throughout
    queue(kind=OutboundEmail.Kind.STAFF, to=["info@asap.example"], subject="In coda", body="Testo")
    start = datetime(2026, 3, 2, 5, 56, 3, tzinfo=UTC)
    with time_machine.travel(start, tick=False) as traveller:
        page = ContentPageFactory(parent=home_page, slug="bando-delle-5-57", live=False)
        page.go_live_at = datetime(2026, 3, 2, 5, 57, tzinfo=UTC)
        page.save_revision().publish()

        command = Command(stdout=StringIO(), stderr=StringIO())
        command.clock = time.time  # the virtual clock
        command.wait = lambda seconds: (traveller.shift(seconds), time.sleep(0.001))
        published = threading.Event()

        def run_job(name):  # the lane's own thread checks (SQLite's shared cache forbids a reader here)
            done = Command.run_job(command, name)
            if ContentPage.objects.filter(pk=page.pk, live=True).exists():
                published.set()
            return done

        command.run_job = run_job
        threads = command.start_lanes([job for job in JOBS if job[0] in ("publish_scheduled", "send_pending_mail")])
        published.wait(timeout=30)
        command.stop()
        assert stalled_smtp.connections, "the mail lane was stuck on the hung server meanwhile"
        stalled_smtp.close()  # the mail lane gives up; every lane has ended before the test's flush
        for thread in threads:
            thread.join(timeout=10)
    page.refresh_from_db()
    assert page.live
    assert timedelta(0) <= page.last_published_at - page.go_live_at <= timedelta(seconds=15)
