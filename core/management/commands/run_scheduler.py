import signal
import time
from io import StringIO

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections, connection

# (command, every N seconds): what a one-machine install would otherwise need cron for.
JOBS = [
    ("publish_scheduled", 60),
    ("send_pending_mail", 300),
    ("purge_search_log", 86400),
    ("send_editorial_digest", 604800),
]


class Command(BaseCommand):
    help = (
        "Esegue i comandi periodici finché non viene fermato: pubblicazione programmata ogni minuto, "
        "e-mail rimaste in coda ogni 5 minuti, registro delle ricerche scaduto ogni giorno. "
        "È il processo «scheduler» di `make run` (al posto di cron)."
    )

    def handle(self, *args, **options):
        self.running = True
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        due = dict.fromkeys((name for name, _ in JOBS), 0.0)
        while self.running:
            for name, every in JOBS:
                if self.running and time.monotonic() >= due[name]:
                    due[name] = time.monotonic() + every
                    self.run_job(name)
            time.sleep(0.5)

    def run_job(self, name):
        # A failed run (a locked database, a mail server down) is reported and retried at the next turn.
        try:
            call_command(name, stdout=StringIO())
        except Exception as error:
            self.stderr.write(f"{name} non riuscito: {error!r}")
        finally:
            # Drop a connection a long wait left broken; never one inside a transaction (tests run
            # jobs inside one, and closing it there would break the transaction).
            if not connection.in_atomic_block:
                close_old_connections()

    def stop(self, signum, frame):
        self.running = False
