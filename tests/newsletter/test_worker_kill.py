"""Issue 23's drill: the task worker `make run` starts (`manage.py run_worker`) is killed with SIGKILL
in the middle of a mailing and started again; every subscriber ends up with one e-mail at most, and
every e-mail that was not in flight at the kill is delivered exactly once.

The worker is a real process on the test database, sending to a real SMTP server in this process
(tests/outbox/smtp_server.py). The kill comes at a known point, not after a guessed delay: the
server holds its answer to the fifth e-mail (after DATA: it has the e-mail; or after RCPT TO: it has
nothing) and the test kills the worker once the answer is held. That e-mail's row is then "in invio"
and, by the outbox's rule (outbox/delivery.py), never resent: "esito incerto" for staff to check.
What the scheduler does between the kill and the end (its lane `newsletter`, `run_due`) is run here
with the moments it would run at passed explicitly. PostgreSQL only: a second process needs the
test's committed rows on a database server (SQLite's file in a transaction is not shared)."""

import os
import subprocess
import sys
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from newsletter.models import Delivery, Mailing
from newsletter.scheduling import run_due
from newsletter.sending import report
from tests.factories.subscriptions import SubscriberFactory
from tests.outbox.smtp_server import SMTPServer

pytestmark = pytest.mark.django_db(transaction=True)
ROOT = Path(__file__).resolve().parents[2]
SUBSCRIBERS, KILLED_AT = 12, 5
Status = Delivery.Status


@pytest.fixture(autouse=True)
def postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("the worker is another process: run with DATABASE_URL=postgres://... (CI's first pass does)")


@pytest.fixture
def database_queue(settings):
    """Tasks queued by this process wait in the database for the worker, as under `make run`."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def worker_environment(smtp_port):
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "PYTEST_", "REDIS_"))},
        "DJANGO_SETTINGS_MODULE": "asap_site.settings.local",  # make run's settings
        "SECRET_KEY": "worker-drill-" + "k" * 40,
        "DATABASE_URL": f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
        "TASK_BACKEND": "database",
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp_port),
        "EMAIL_TIMEOUT": "600",  # the held answer is awaited until the kill, not given up on
        "NEWSLETTER_RATE_PER_SECOND": "20",
        "NEWSLETTER_BATCH_SIZE": "4",  # several batches: the restarted run resumes past the first
    }


def start_worker(env, log):
    """The worker as scripts/run_site.py starts it for `make run`."""
    with open(log, "a") as output:
        return subprocess.Popen(
            [sys.executable, "manage.py", "run_worker", "--no-startup-delay", "--interval", "0.2"],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )


def wait_until(condition, worker, log, within=120.0):
    deadline = time.monotonic() + within
    while not condition():
        if worker.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"the worker did not get there:\n{Path(log).read_text()[-3000:]}")
        time.sleep(0.05)


def statuses(mailing):
    return Counter(mailing.deliveries.values_list("status", flat=True))


@pytest.mark.parametrize(
    ("held", "in_flight_received"),
    [("DATA", 1), ("RCPT", 0)],
    ids=["killed-awaiting-the-servers-ok", "killed-before-the-e-mail-went-out"],
)
def test_a_worker_killed_mid_send_and_restarted_sends_every_remaining_email_once(
    issue, database_queue, tmp_path, held, in_flight_received
):
    subscribers = [SubscriberFactory(topic_slugs=["notizie"]) for _ in range(SUBSCRIBERS)]
    mailing = Mailing.objects.create(
        issue=issue, subject=issue.title, topic_slugs=["notizie"], send_at=timezone.now() - timedelta(minutes=1)
    )
    log = tmp_path / "worker.log"
    with SMTPServer(hold=(held, KILLED_AT)) as server:
        env = worker_environment(server.port)
        worker = start_worker(env, log)
        try:
            assert run_due() == (1, 0), "the scheduler starts the due mailing and queues its sending"
            wait_until(server.holding.is_set, worker, log)
            worker.kill()  # SIGKILL: no handler, no clean-up, as a power cut or the OOM killer
            worker.wait()
            server.release()
            assert len(server.messages) == KILLED_AT - 1 + in_flight_received
            assert statuses(mailing) == {
                Status.SENT: KILLED_AT - 1,
                Status.SENDING: 1,
                Status.PENDING: SUBSCRIBERS - KILLED_AT,
            }, "claimed and committed before the e-mail went out"

            worker = start_worker(env, log)  # run_site.py (or systemd) starts it again
            # The killed run's task stays "running" in the queue: the scheduler's lane resumes a
            # mailing that made no progress for 2 × NEWSLETTER_RUN_SECONDS.
            later = timezone.now() + timedelta(minutes=9)
            assert run_due(now=later) == (0, 1)
            wait_until(lambda: statuses(mailing)[Status.SENT] == SUBSCRIBERS - 1, worker, log)
            assert statuses(mailing)[Status.SENDING] == 1, "the row in flight at the kill is not resent"
            # OUTBOX_STALE_MINUTES after its claim, the scheduler settles it and closes the mailing.
            run_due(now=timezone.now() + timedelta(hours=1))
        finally:
            worker.kill()
            worker.wait()

    received = Counter(address for message in server.messages for address in message["to"])
    in_flight = mailing.deliveries.get(status=Status.UNCERTAIN)
    assert received[in_flight.subscriber.email] == in_flight_received
    others = [s.email for s in subscribers if s.pk != in_flight.subscriber_id]
    assert [received[address] for address in others] == [1] * (SUBSCRIBERS - 1)
    assert sum(received.values()) == len(server.messages) == SUBSCRIBERS - 1 + in_flight_received
    message_ids = {m["to"][0]: m["message"]["Message-ID"] for m in server.messages}
    for delivery in mailing.deliveries.select_related("subscriber"):
        if delivery.subscriber.email in message_ids:
            assert message_ids[delivery.subscriber.email] == delivery.message_id
    assert "verificare se è arrivata" in in_flight.error
    mailing = report(Mailing.objects.filter(pk=mailing.pk)).get()
    assert mailing.status == Mailing.Status.SENT
    assert (mailing.sent_count, mailing.failed_count, mailing.pending_count) == (SUBSCRIBERS - 1, 1, 0)
