"""How late a scheduled page goes live while the mail server hangs (docs/processes.md): the
scheduler's lanes exist so that it is seconds, not minutes.

    DATABASE_URL=postgres://.../asap_measure .venv/bin/python -m scripts.bench scheduler-delay <checkout> <pending e-mails>

Runs <checkout>'s `manage.py run_scheduler` (its own .venv) against the migrated database of
DATABASE_URL, with <pending e-mails> queued and a mail server that accepts and never answers
(EMAIL_TIMEOUT=10). Once the scheduler's mail job is waiting on it, a page is scheduled 5 s ahead;
the script prints how long after its time it went live. It deletes the outbox rows of that database."""

import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
version_dir = sys.argv[1]
pending = int(sys.argv[2])
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "asap_site.settings.dev")

import django  # noqa: E402

django.setup()
from django.utils import timezone  # noqa: E402
from wagtail.models import Page  # noqa: E402

from outbox.delivery import queue  # noqa: E402
from outbox.models import OutboundEmail  # noqa: E402
from standardpages.models import ContentPage  # noqa: E402
from tests.outbox.smtp_server import StalledSMTPServer  # noqa: E402

OutboundEmail.objects.all().delete()
ContentPage.objects.filter(slug__startswith="misura-").delete()
for n in range(pending):
    queue(kind="staff", to=["info@asap.example"], subject=f"In coda {n}", body="Testo")
parent = Page.objects.filter(depth=2).first()
page = parent.add_child(instance=ContentPage(title="Misura", slug=f"misura-{int(time.time())}", live=False, intro="x"))
server = StalledSMTPServer()
env = {
    **os.environ,
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "EMAIL_HOST": "127.0.0.1",
    "EMAIL_PORT": str(server.port),
    "EMAIL_TIMEOUT": "10",
    "PYTHONUNBUFFERED": "1",
}
scheduler = subprocess.Popen(
    [f"{version_dir}/.venv/bin/python", "manage.py", "run_scheduler"], cwd=version_dir, env=env
)
while not server.connections:  # booted, and its mail job is now waiting on the hung server
    time.sleep(0.1)
page.go_live_at = timezone.now() + timedelta(seconds=5)
page.save_revision().publish()
started = time.monotonic()
while not ContentPage.objects.get(pk=page.pk).live and time.monotonic() - started < 400:
    time.sleep(0.2)
page.refresh_from_db()
scheduler.send_signal(signal.SIGTERM)
try:
    scheduler.wait(timeout=30)
except subprocess.TimeoutExpired:
    scheduler.kill()
server.close()
print(
    f"{version_dir}: {pending} e-mail in coda, EMAIL_TIMEOUT=10: pagina dovuta {page.go_live_at:%H:%M:%S}, "
    f"pubblicata {page.last_published_at:%H:%M:%S}, ritardo {(page.last_published_at - page.go_live_at).total_seconds():.1f} s; "
    f"connessioni SMTP {len(server.connections)}; scheduler fermato con codice {scheduler.returncode}"
)
