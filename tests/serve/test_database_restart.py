"""Issue 19.4 drills: PostgreSQL restarted under the worker and under the scheduler. Both keep going
and do work that arrives after the restart. The database sits behind a relay cut as a stopping
server cuts its connections (tests/security/faults.py)."""

import logging
import threading
import time
from datetime import timedelta
from io import StringIO

import pytest
from django.db import connection
from django.utils import timezone

from outbox.delivery import queue
from outbox.models import OutboundEmail
from outbox.tasks import send_after_commit
from serving.management.commands.run_scheduler import Command as Scheduler
from serving.management.commands.run_worker import ResilientWorker
from standardpages.models import ContentPage
from tests.factories import ContentPageFactory
from tests.security.faults import database_behind_relay

OUTAGE_LINE = "Database non raggiungibile"


def wait_until(condition, within=20.0):
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def relay(request):
    """The test's database reached through a relay that can be stopped and started again."""
    if connection.vendor != "postgresql":
        pytest.skip("runs when DATABASE_URL is PostgreSQL (CI's first pass)")
    with database_behind_relay(connection, CONN_MAX_AGE=getattr(request, "param", 0)) as relay:
        yield relay


def restart(relay, caplog, threads):
    """Stop the database until the process has noticed (or died of it), then start it again."""
    relay.stop()
    noticed = lambda: any(OUTAGE_LINE in r.getMessage() for r in caplog.records)  # noqa: E731
    assert wait_until(lambda: noticed() or not all(thread.is_alive() for thread in threads))
    relay.start()
    connection.close()  # the test's own connection died too


def sent(email):
    return OutboundEmail.objects.filter(pk=email.pk, status=OutboundEmail.Status.SENT).exists()


def queue_email(subject):
    email = queue(kind=OutboundEmail.Kind.STAFF, to=["info@asap.example"], subject=subject, body="Testo")
    send_after_commit([email])  # autocommit: the task is queued at once
    return email


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("relay", [0, 60], ids=["new-connection-each-turn", "persistent-connection"], indirect=True)
def test_the_worker_survives_a_database_restart(relay, settings, caplog):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    worker = ResilientWorker(
        queue_names=["default"],
        interval=0.1,
        batch=False,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="drill",
        excluded_queue_names=[],
    )
    thread = threading.Thread(target=worker.run, daemon=True)
    thread.start()
    try:
        before = queue_email("Prima del riavvio")
        assert wait_until(lambda: sent(before))
        # its own logger: `db_worker --verbosity 0` run by another test in this process silences it
        with caplog.at_level(logging.WARNING, logger="django_tasks_db"):
            restart(relay, caplog, [thread])
        after = queue_email("Dopo il riavvio")
        assert wait_until(lambda: sent(after)), "the worker runs a task queued after the restart"
        assert thread.is_alive()
    finally:
        worker.running = False
        thread.join(timeout=10)


@pytest.mark.django_db(transaction=True)
def test_the_scheduler_survives_a_database_restart(relay, home_page, caplog):
    scheduler = Scheduler(stdout=StringIO(), stderr=StringIO())
    virtual = [0.0]  # the lane's clock: each wait moves it on (publishing every 10 s, retries after 5 s)
    scheduler.clock = lambda: virtual[0]
    scheduler.wait = lambda seconds: (virtual.__setitem__(0, virtual[0] + seconds), time.sleep(0.05))
    threads = scheduler.start_lanes([("publish_scheduled", 10, "pubblicazione")])
    try:
        with caplog.at_level(logging.WARNING):
            restart(relay, caplog, threads)
        page = ContentPageFactory(parent=home_page, slug="dopo-il-riavvio", live=False)
        page.go_live_at = timezone.now() + timedelta(seconds=1)
        page.save_revision().publish()
        assert wait_until(lambda: ContentPage.objects.get(pk=page.pk).live), "published after the restart"
        assert all(thread.is_alive() for thread in threads)
    finally:
        scheduler.stop()
        for thread in threads:
            thread.join(timeout=10)
