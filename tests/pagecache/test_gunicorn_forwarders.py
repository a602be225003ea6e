"""The real gunicorn, started as `make run` starts it (`scripts/run_site.py gunicorn_command`), with
the page cache on: a visitor on the same machine (127.0.0.1, gunicorn's trusted forwarder by
default, as is a Varnish passing visitors' headers on) sends `SCRIPT_NAME: /progetti` with
`GET /progetti/`; every later plain visitor must still get the catalogue, not the home page."""

import http.client
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from tests.scaleout.test_two_servers import stop
from tests.serve.test_run_site import free_port

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from run_site import ROOT, gunicorn_command

# The server reads what the test writes: committed, not in a test transaction.
pytestmark = pytest.mark.django_db(transaction=True)
CATALOGUE = "Il catalogo dei progetti."


def get(port, path, **headers):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        return response.status, response.read().decode()
    finally:
        conn.close()


@pytest.fixture
def gunicorn(project_catalogue, tmp_path):
    """The port of a gunicorn serving the test's content with the page cache on."""
    settings_dict = connection.settings_dict
    if connection.vendor == "sqlite":  # the test database is in memory: the server gets a copy
        database = tmp_path / "db.sqlite3"
        with connection.cursor() as cursor:
            cursor.execute("VACUUM INTO %s", [str(database)])
        database_url = f"sqlite:///{database}"
    else:
        database_url = f"postgres://{settings_dict['USER']}@{settings_dict['HOST']}:{settings_dict['PORT']}/{settings_dict['NAME']}"
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "PYTEST_", "REDIS_"))},
        "DJANGO_SETTINGS_MODULE": "asap_site.settings.dev",  # static files without collectstatic
        "DEBUG": "false",
        "DATABASE_URL": database_url,
        "PAGE_CACHE_ENABLED": "true",
        "PAGE_CACHE_GENERATION_FILE": str(tmp_path / "generation"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "PYTHONPATH": str(ROOT),
    }
    port = free_port()
    log = (tmp_path / "gunicorn.log").open("w+")
    process = subprocess.Popen(gunicorn_command("127.0.0.1", port, 1), cwd=ROOT, env=env, stdout=log, stderr=log)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                get(port, "/robots.txt")
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    pytest.fail(f"gunicorn did not start:\n{log.read()}")
                time.sleep(0.3)
        yield port
    finally:
        stop([process])


def test_a_script_name_header_never_replaces_the_catalogue(gunicorn):
    status, forged = get(gunicorn, "/progetti/", SCRIPT_NAME="/progetti")
    assert status in (200, 404)  # whatever it gets, it gets alone
    for _ in range(3):
        status, body = get(gunicorn, "/progetti/")
        assert status == 200 and CATALOGUE in body
    assert CATALOGUE in forged, "gunicorn passes no SCRIPT_NAME header on (gunicorn.conf.py)"
