"""Does a worker process outlive a database restart? (docs/processes.md)

    .venv/bin/python -m scripts.bench worker-outage <db_worker|run_worker> <seconds down> <database name>

Starts `manage.py <command>` (settings.local, database tasks) against PostgreSQL on 127.0.0.1:54330
through a TCP relay, cuts the relay for <seconds down> once the worker is polling, then queues an
e-mail task and reports whether the process is alive and ran it."""

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
command, outage, database = sys.argv[1], float(sys.argv[2]), sys.argv[3]
settings = {"DJANGO_SETTINGS_MODULE": "asap_site.settings.local", "TASK_BACKEND": "database"}
os.environ.update(DATABASE_URL=f"postgres://postgres@127.0.0.1:54330/{database}", **settings)

import django  # noqa: E402

django.setup()

from outbox.delivery import queue  # noqa: E402
from outbox.models import OutboundEmail  # noqa: E402
from outbox.tasks import send_after_commit  # noqa: E402
from tests.security.faults import TCPRelay  # noqa: E402

relay = TCPRelay("127.0.0.1", 54330)
relay.start()
env = {
    **os.environ,
    "DATABASE_URL": f"postgres://postgres@127.0.0.1:{relay.port}/{database}",
    "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    "PYTHONUNBUFFERED": "1",
}
worker = subprocess.Popen(
    [sys.executable, "manage.py", command, "--no-startup-delay"],
    cwd=ROOT,
    env=env,
    stdout=subprocess.PIPE,
    stderr=subprocess.STDOUT,
    text=True,
)
lines = []
threading.Thread(target=lambda: lines.extend(line.rstrip() for line in worker.stdout), daemon=True).start()
while not any("Starting worker" in line for line in lines) and worker.poll() is None:
    time.sleep(0.1)
time.sleep(2)
relay.stop()
time.sleep(outage)
relay.start()
email = queue(kind="staff", to=["info@asap.example"], subject="Dopo il riavvio", body="Testo")
send_after_commit([email])
sent = OutboundEmail.objects.filter(pk=email.pk, status=OutboundEmail.Status.SENT)
deadline = time.monotonic() + 90
while time.monotonic() < deadline and worker.poll() is None and not sent.exists():
    time.sleep(0.2)
done, alive = sent.exists(), worker.poll() is None
if alive:
    worker.send_signal(signal.SIGTERM)
worker.wait(timeout=30)
relay.stop()
print("\n".join(line for line in lines if "Database non raggiungibile" in line or line.startswith("django.db")))
print(
    f"{command}, database fermo {outage:g} s: processo vivo={alive}, compito accodato dopo il riavvio eseguito={done}"
)
