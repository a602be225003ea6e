"""`make run` as visitors get it: the real scripts/run_site.py (gunicorn, the task worker and the
scheduler, local settings, DEBUG off) on a free port against a scratch SQLite database."""

import contextlib
import gzip
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
# Asks pytest-django for the test database, whose migrated schema the scratch database copies.
pytestmark = pytest.mark.django_db
YEAR = 365 * 24 * 3600

# Give the scratch database a home page and an uploaded image (migrating first unless it is a copy of
# the already migrated test database), and collect the site's own static files: public pages use none
# of the admin's, and hashing and compressing those is what makes a full collectstatic slow.
BUILD_SITE = """
import sys
import django
django.setup()
from django.core.management import call_command
from wagtail.models import Collection, Locale, Page
from tests.factories import ImageFactory, build_home
if "--migrate" in sys.argv:
    call_command("migrate", verbosity=0)
Locale.objects.get_or_create(language_code="it")
root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
if not Collection.get_first_root_node():
    Collection.add_root(name="Root")
build_home(root)
print(ImageFactory(title="Foto caricata").file.url)
call_command("collectstatic", interactive=False, verbosity=0, ignore_patterns=["admin", "wagtail*", "table_block"])
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url, **headers):
    """(status, headers, body) without raising on 4xx/5xx and without decompressing."""
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def descendants(pid):
    """Every live process below `pid`, with its command line."""
    children = {}
    for entry in Path("/proc").iterdir():
        try:
            stat = (entry / "stat").read_text()
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry.name))
        except (ValueError, OSError):
            continue
    found, queue = {}, [pid]
    while queue:
        for child in children.get(queue.pop(), []):
            try:
                found[child] = Path(f"/proc/{child}/cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            queue.append(child)
    return found


def alive(pid):
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.fixture(scope="module")
def site(tmp_path_factory, django_db_setup, django_db_blocker):
    """The running site: (base URL, the supervisor process, URL of the uploaded image)."""
    folder = tmp_path_factory.mktemp("run_site")
    database = folder / "db.sqlite3"
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "PYTEST_"))},
        "DJANGO_SETTINGS_MODULE": "asap_site.settings.local",
        "DATABASE_URL": f"sqlite:///{database}",
        "MEDIA_ROOT": str(folder / "media"),
        "PRIVATE_MEDIA_ROOT": str(folder / "private_media"),
        "STATIC_ROOT": str(folder / "static"),
        "SECRET_KEY": "run-site-test-" + "x" * 40,
        "PYTHONPATH": str(ROOT),
        "PAGE_CACHE_GENERATION_FILE": str(folder / "page-cache-generation"),
        "PAGE_CACHE_MARK_HITS": "1",  # answers from the page cache say so (X-Page-Cache: hit)
    }
    if connection.vendor == "sqlite":  # migrating costs 20 s: copy the session's migrated test database
        with django_db_blocker.unblock(), connection.cursor() as cursor:
            cursor.execute("VACUUM INTO %s", [str(database)])
    built = subprocess.run(
        [sys.executable, "-c", BUILD_SITE, *([] if database.exists() else ["--migrate"])],
        cwd=ROOT,
        env={**env, "TASK_BACKEND": "immediate"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr
    image_url = built.stdout.strip().splitlines()[-1]
    port = free_port()
    log = (folder / "run_site.log").open("w+")
    supervisor = subprocess.Popen(
        [sys.executable, "scripts/run_site.py", "--port", str(port), "--workers", "2"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if get(base + "/")[0] == 200:
                break
        except OSError:
            pass
        if supervisor.poll() is not None or time.monotonic() > deadline:
            supervisor.kill()
            log.seek(0)
            pytest.fail(f"run_site.py did not serve {base}:\n{log.read()}")
        time.sleep(0.3)
    yield base, supervisor, image_url, env
    if supervisor.poll() is None:
        supervisor.kill()
        for pid in descendants(supervisor.pid):
            os.kill(pid, signal.SIGKILL)


REPUBLISH_HOME = """
import django
django.setup()
from wagtail.models import Page
home = Page.objects.get(depth=2).specific
home.title = "Home rinnovata"
home.save_revision().publish()
"""


def republish_home_and_wait_for_the_rebuild(env):
    """Publish the home from another process (as the admin would), then wait until the task worker
    has run every task it queued (the rebuild among them): at most 60 s, polled, never a fixed sleep."""
    subprocess.run([sys.executable, "-c", REPUBLISH_HOME], cwd=ROOT, env=env, check=True, timeout=120)
    database = env["DATABASE_URL"].removeprefix("sqlite:///")
    deadline = time.monotonic() + 60
    with contextlib.closing(sqlite3.connect(database)) as db:
        while True:
            (unfinished,) = db.execute(
                "SELECT COUNT(*) FROM django_tasks_database_dbtaskresult WHERE status IN ('READY', 'RUNNING')"
            ).fetchone()
            (rebuilds,) = db.execute(
                "SELECT COUNT(*) FROM django_tasks_database_dbtaskresult WHERE task_path LIKE '%rebuild_pages'"
            ).fetchone()
            if rebuilds and not unfinished:
                return
            assert time.monotonic() < deadline, "the task worker did not run the rebuild within 60 s"
            time.sleep(0.2)


def test_the_site_serves_pages_static_and_media_with_debug_off_then_one_ctrl_c_stops_everything(site):
    base, supervisor, image_url, env = site

    status, _, body = get(base + "/")
    assert status == 200
    html = body.decode()
    # Full URLs name the address the site answers on (the default site follows HOST and PORT).
    assert f'<link rel="canonical" href="{base}/">' in html

    # Static files: hashed names, compressed on request, cached for a year at least.
    css = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', html)
    assert css, "the page links the hashed stylesheet"
    plain_status, plain_headers, plain = get(base + css.group(1))
    assert plain_status == 200
    assert b"--" in plain  # the real stylesheet (custom properties)
    max_age = int(re.search(r"max-age=(\d+)", plain_headers["Cache-Control"]).group(1))
    assert max_age >= YEAR
    _, gz_headers, gz = get(base + css.group(1), **{"Accept-Encoding": "gzip"})
    assert gz_headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(gz) == plain
    _, br_headers, br = get(base + css.group(1), **{"Accept-Encoding": "br"})
    assert br_headers["Content-Encoding"] == "br"
    assert len(br) < len(plain)

    # A visitor's 404 is the Italian branded page, not Django's technical one.
    status, _, body = get(base + "/no-such-page/")
    assert status == 404
    assert "Pagina non trovata" in body.decode()
    assert "URLconf" not in body.decode()
    assert "DEBUG = True" not in body.decode()

    # Uploaded media.
    status, headers, body = get(base + image_url)
    assert status == 200
    assert headers["Content-Type"].startswith("image/")
    assert body

    # A publish: the task worker renders the page again into the files every gunicorn worker reads,
    # so the next visitor, whichever worker answers, gets the new page from the cache.
    republish_home_and_wait_for_the_rebuild(env)
    for _visit in range(2):  # both workers, most likely; each must find the worker's rebuild
        status, headers, body = get(base + "/")
        assert "Home rinnovata" in body.decode()
        assert headers["X-Page-Cache"] == "hit", "the rebuild after the publish serves the gunicorn workers"

    # web (gunicorn master and its 2 workers), worker and scheduler run under the supervisor...
    processes = descendants(supervisor.pid)
    commands = " | ".join(processes.values())
    assert "gunicorn" in commands
    assert "run_worker" in commands
    assert "run_scheduler" in commands
    assert sum("gunicorn" in command for command in processes.values()) == 3

    # ...and one SIGINT (Ctrl-C) stops them all, cleanly.
    supervisor.send_signal(signal.SIGINT)
    assert supervisor.wait(timeout=30) == 0
    deadline = time.monotonic() + 5
    while any(alive(pid) for pid in processes) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [command for pid, command in processes.items() if alive(pid)]
