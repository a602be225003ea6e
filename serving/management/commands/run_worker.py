"""django-tasks-db's `db_worker`, made to outlive a database restart.

The stock worker lets any database error other than "database is locked" out of its loop (claiming
a task, or recording a task's result after the connection dropped: `InterfaceError: connection
already closed`), and the process ends. This one catches OperationalError and InterfaceError around
the loop, drops the broken connections, waits (1 s doubling up to 60 s, reset once the worker has
run for a while) and goes on. A task that was running when the connection dropped keeps its
"running" status in the queue: the outbox's own `send_pending_mail` covers e-mails."""

import logging
import time

from django.db import InterfaceError, OperationalError
from django_tasks_db.management.commands import db_worker

from serving.resilience import Backoff, drop_broken_connections

logger = logging.getLogger("django_tasks_db")
STABLE_SECONDS = 60  # running this long without a database error resets the pause to its first value


class ResilientWorker(db_worker.Worker):
    clock = staticmethod(time.monotonic)
    sleep = staticmethod(time.sleep)

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.backoff = Backoff(first=1, limit=60)

    def run(self):
        while True:
            started = self.clock()
            try:
                return super().run()
            except (OperationalError, InterfaceError) as error:
                if self.clock() - started >= STABLE_SECONDS:
                    self.backoff.reset()
                delay = self.backoff.next()
                logger.warning(
                    "Database non raggiungibile (%s: %s): il worker riprova tra %s s. "
                    "(Database unreachable: the worker retries in %s s.)",
                    type(error).__name__,
                    " ".join(str(error).split()),
                    delay,
                    delay,
                )
                drop_broken_connections()
                self.startup_delay = False
                if not self.running:
                    return None
                self.sleep(delay)


class Command(db_worker.Command):
    help = (
        "Esegue i compiti in coda nel database (e-mail, indice di ricerca, pulizie) come `db_worker`, "
        "ma sopravvive a un riavvio del database: si riconnette e continua."
    )

    def handle(self, *args, **options):
        # db_worker builds its Worker by name inside handle(): point that name at ours for this call.
        original, db_worker.Worker = db_worker.Worker, ResilientWorker
        try:
            return super().handle(*args, **options)
        finally:
            db_worker.Worker = original
