import logging
import signal
import threading
import time
from io import StringIO

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import InterfaceError, OperationalError, connection

from serving.resilience import Backoff, drop_broken_connections

logger = logging.getLogger(__name__)

# (command, every N seconds[, lane]): what a one-machine install would otherwise need cron for.
# Each lane is its own thread and runs its jobs in turn; lanes never wait for each other, so a hung
# mail server cannot hold scheduled publishing back. Without a lane a job is maintenance (daily work).
JOBS = [
    ("publish_scheduled", 10, "pubblicazione"),  # a page goes live at most ~10 s after its time
    ("send_pending_mail", 300, "posta"),  # each run stops after OUTBOX_SEND_BUDGET_SECONDS
    ("send_newsletters", 60, "newsletter"),  # due mailings start, stalled ones resume (the worker sends)
    ("purge_search_log", 86400),
    ("purge_course_enquiries", 86400),
    ("purge_contact_messages", 86400),
    ("prune_consent_records", 86400),
    ("purge_accessibility_feedback", 86400),
    ("purge_event_registrations", 86400),
    ("purge_unconfirmed_subscribers", 86400),
    ("send_editorial_digest", 604800),
    ("send_newsletter_alerts", 86400),  # the weekly alerts, each once a week
]
DEFAULT_LANE = "manutenzione"
STOP_GRACE_SECONDS = 15  # under systemd's TimeoutStopSec (30 s) for the scheduler


def lanes(jobs=JOBS):
    """{lane: [(command, every), ...]} in the order of `jobs`."""
    grouped = {}
    for command, every, *lane in jobs:
        grouped.setdefault(lane[0] if lane else DEFAULT_LANE, []).append((command, every))
    return grouped


class Lane:
    """The jobs of one lane and when each is due next. A job that fails is tried again sooner than
    its interval (5 s doubling up to it), so a database restart delays even daily jobs by seconds."""

    def __init__(self, name, jobs, run_job, clock=time.monotonic):
        self.name, self.jobs, self.run_job, self.clock = name, jobs, run_job, clock
        self.due = {command: clock() for command, _ in jobs}
        self.retry = {command: Backoff(first=5, limit=every) for command, every in jobs}

    def run_due(self):
        """Run the jobs that are due, in turn; return the seconds until the next one is."""
        for command, every in self.jobs:
            if self.clock() >= self.due[command]:
                started = self.clock()
                if self.run_job(command):
                    self.retry[command].reset()
                    self.due[command] = started + every
                else:
                    self.due[command] = self.clock() + self.retry[command].next()
        return max(0.0, min(self.due.values()) - self.clock())


class Command(BaseCommand):
    help = (
        "Esegue i comandi periodici finché non viene fermato: pubblicazione programmata ogni 10 secondi, "
        "e-mail rimaste in coda ogni 5 minuti, pulizie ogni giorno; ognuno nella sua corsia, così un "
        "server di posta bloccato non ritarda la pubblicazione. È il processo «scheduler» di `make run` "
        "(al posto di cron)."
    )
    clock = staticmethod(time.monotonic)  # tests drive the lanes with their own clock

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.stopping = threading.Event()

    def handle(self, *args, **options):
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        threads = self.start_lanes()
        while not self.stopping.wait(1.0):
            pass
        # Let the jobs in hand finish, but not for ever: a lane stuck on a hung mail server is a daemon
        # thread and ends with the process (an e-mail cut off mid-send becomes "esito incerto").
        deadline = time.monotonic() + STOP_GRACE_SECONDS
        for thread in threads:
            thread.join(timeout=max(0.0, deadline - time.monotonic()))

    def start_lanes(self, jobs=JOBS):
        threads = []
        for name, lane_jobs in lanes(jobs).items():
            lane = Lane(name, lane_jobs, self.run_job, clock=self.clock)
            thread = threading.Thread(target=self.run_lane, args=(lane,), name=f"corsia {name}", daemon=True)
            thread.start()
            threads.append(thread)
        return threads

    def run_lane(self, lane):
        try:
            while not self.stopping.is_set():
                self.wait(lane.run_due())
        finally:
            if not connection.in_atomic_block:
                connection.close()  # this thread's own connection

    def wait(self, seconds):
        """Sleep until the next job is due, waking at once on SIGTERM (at least every second)."""
        self.stopping.wait(min(seconds, 1.0))

    def run_job(self, name):
        """Run one command; return False if it failed (reported; the lane tries again later)."""
        try:
            call_command(name, stdout=StringIO())
            return True
        except (OperationalError, InterfaceError) as error:
            logger.warning("Database non raggiungibile durante %s (%s): riprovo tra poco.", name, error)
            self.stderr.write(f"{name}: database non raggiungibile ({error}); riprovo tra poco.")
            return False
        except Exception as error:
            self.stderr.write(f"{name} non riuscito: {error!r}")
            return False
        finally:
            # Drop a connection an outage or a long wait left broken; never one inside a transaction
            # (tests run jobs inside one, and closing it there would break the transaction).
            drop_broken_connections()

    def stop(self, signum=None, frame=None):
        self.stopping.set()
