"""The scale-out path on one machine: two app servers (gunicorn, production settings, DEBUG off) and
a task worker share one PostgreSQL database, one Redis and one S3 bucket (moto's S3 server), behind
Debian's Varnish with deploy/varnish/default.vcl taking the two servers in turn. What a visitor or an
editor does through one server is seen through the other, and a publish through Varnish at once.

The servers need committed data, which pytest-django's per-test transactions never give, so they get
a scratch database copied from the migrated test database (PostgreSQL's CREATE DATABASE ... TEMPLATE,
a file copy: no migration) and dropped afterwards. On SQLite the test is skipped: CI's PostgreSQL
pass runs it."""

import io
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import boto3
import psycopg2
import pytest
import requests
from django.db import connection
from PIL import Image

from tests.courses.test_enquiries import valid_post
from tests.security.faults import RedisServer, free_port, wait_for_port

from .bucket import BUCKET, PUBLIC_IMAGES_POLICY

# django_db asks pytest-django for the test database, whose migrated schema the scratch database copies.
pytestmark = [pytest.mark.scaleout, pytest.mark.django_db]

ROOT = Path(__file__).resolve().parents[2]
VCL = ROOT / "deploy" / "varnish" / "default.vcl"
PASSWORD = "password-della-prova-1"
# The site the servers share: a course to enquire about, a project to illustrate, a page with a draft.
SEED = """
import sys
import django
django.setup()
from django.contrib.auth import get_user_model
from wagtail.models import Collection, Locale, Page
from tests.factories import ContentPageFactory, build_home
from tests.factories.courses import CourseIndexPageFactory, CoursePageFactory, CourseSessionFactory
from tests.factories.projects import ProjectIndexPageFactory, ProjectPageFactory
Locale.objects.get_or_create(language_code="it")
if not Collection.get_first_root_node():
    Collection.add_root(name="Root")
home = build_home(Page.get_first_root_node())
course = CoursePageFactory(parent=CourseIndexPageFactory(parent=home), title="Rendicontazione", slug="rendicontazione")
CourseSessionFactory(course=course, edition="Primavera")
ProjectPageFactory(parent=ProjectIndexPageFactory(parent=home), title="Sportelli", slug="sportelli")
page = ContentPageFactory(parent=home, title="Chi siamo", slug="chi-siamo")
page.title = "Chi siamo oggi"
page.save_revision()
get_user_model().objects.create_superuser("admin", "admin@asap.example", sys.argv[1])
print(page.pk)
"""

# What an editor does in the page editor, by the model API: the uploaded image illustrates a project.
ILLUSTRATE = """
import sys
import django
django.setup()
from wagtail.images import get_image_model
from projects.models import ProjectPage
project = ProjectPage.objects.get(slug="sportelli")
project.image = get_image_model().objects.get(pk=int(sys.argv[1]))
project.save_revision().publish()
"""


def need(path, what):
    if path is None:
        message = f"the two-server test needs {what}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


def start(command, log_path, env=None):
    with open(log_path, "w") as log:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    process.stdout_path = log_path
    return process


def stop(processes):
    """SIGTERM to all at once, SIGKILL to whatever still runs a few seconds later."""
    for process in processes:
        if process.poll() is None:
            process.terminate()
    deadline = time.monotonic() + 5
    for process in processes:
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_for_http(url, process, timeout=120):
    deadline = time.monotonic() + timeout
    while True:
        try:
            return requests.get(url, timeout=30)
        except (requests.ConnectionError, requests.Timeout):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"{url} did not answer:\n{Path(process.stdout_path).read_text()[-3000:]}")
            time.sleep(0.2)


def two_backend_vcl(ports):
    """deploy/varnish/default.vcl with one backend per app server in its round-robin director."""
    vcl = VCL.read_text()
    backend = re.search(r"backend app1 \{.*?\n\}\n", vcl, re.S).group(0)
    backends = "\n".join(backend.replace("app1", f"app{n}").replace('"8000"', f'"{port}"') for n, port in ports)
    vcl = vcl.replace(backend, backends, 1)
    adds = "\n".join(f"    app_servers.add_backend(app{n});" for n, _ in ports)
    return vcl.replace("    app_servers.add_backend(app1);", adds, 1)


@pytest.fixture(scope="module")
def scratch_database(django_db_setup, django_db_blocker):
    """A committed copy of the migrated test database, for processes outside this one."""
    if connection.vendor != "postgresql":
        pytest.skip("two servers share a PostgreSQL database: run with DATABASE_URL=postgres://... (CI does)")
    params = connection.settings_dict
    server = {"host": params["HOST"] or None, "port": params["PORT"] or None, "user": params["USER"]}
    server["password"] = params["PASSWORD"] or None
    name = f"{params['NAME']}_scaleout"[:63]
    with django_db_blocker.unblock():
        connection.close()  # a template database must have no other connection
        admin = psycopg2.connect(dbname="postgres", **server)
        admin.autocommit = True
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
            cursor.execute(f'CREATE DATABASE "{name}" TEMPLATE "{params["NAME"]}"')
    host = f"{server['host'] or '127.0.0.1'}:{server['port'] or 5432}"
    auth = server["user"] + (f":{server['password']}" if server["password"] else "")
    try:
        yield f"postgres://{auth}@{host}/{name}", server, name
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@pytest.fixture(scope="module")
def cluster(scratch_database, tmp_path_factory):
    """Moto's S3, Redis, Varnish, two gunicorns and a task worker; yields their addresses."""
    database_url, server, database_name = scratch_database
    varnishd = need(
        shutil.which("varnishd") or shutil.which("varnishd", path="/usr/sbin:/usr/local/sbin"), "Debian's varnish"
    )
    need(shutil.which("redis-server"), "Debian's redis-server")
    folder = tmp_path_factory.mktemp("scaleout")
    processes = {}
    log = lambda name: folder / f"{name}.log"  # noqa: E731
    redis = RedisServer()
    try:
        moto_port, varnish_port, port_a, port_b = (free_port() for _ in range(4))
        processes["moto"] = start([sys.executable, "-m", "moto.server", "-p", str(moto_port)], log("moto"))
        redis.start()
        (folder / "default.vcl").write_text(two_backend_vcl([(1, port_a), (2, port_b)]))
        processes["varnish"] = start(
            [varnishd, "-F", "-j", "none", "-n", str(folder / "varnish"), "-a", f"127.0.0.1:{varnish_port}",
             "-f", str(folder / "default.vcl"), "-s", "malloc,32m", "-T", "none"],
            log("varnish"),
        )  # fmt: skip
        s3_url = f"http://127.0.0.1:{moto_port}"
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "PYTEST_", "AWS_"))},
            "DJANGO_SETTINGS_MODULE": "tests.scaleout.settings",
            "PYTHONPATH": str(ROOT),
            "SECRET_KEY": "scaleout-test-" + "s" * 40,  # every app server signs with the same key
            "DATABASE_URL": database_url,
            "REDIS_URL": redis.url,
            "FRONTEND_CACHE_URL": f"http://127.0.0.1:{varnish_port}",
            "AWS_STORAGE_BUCKET_NAME": BUCKET,
            "AWS_S3_ENDPOINT_URL": s3_url,
            "AWS_S3_REGION_NAME": "us-east-1",
            "AWS_S3_ADDRESSING_STYLE": "path",
            "AWS_ACCESS_KEY_ID": "prova",
            "AWS_SECRET_ACCESS_KEY": "prova-segreta",
            "TASK_BACKEND": "database",
            "PAGE_CACHE_ENABLED": "true",
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
        }
        servers = {}
        for name, port in (("A", port_a), ("B", port_b)):
            access_log = folder / f"access-{name}.log"
            servers[name] = (f"http://127.0.0.1:{port}", access_log)
            gunicorn = [sys.executable, "-m", "gunicorn", "asap_site.wsgi:application", "--bind", f"127.0.0.1:{port}",
                        "--workers", "1", "--no-control-socket", "--access-logfile", str(access_log)]  # fmt: skip
            processes[name] = start(gunicorn, log(f"gunicorn-{name}"), env)
        worker = [sys.executable, "manage.py", "db_worker", "--no-startup-delay", "--interval", "0.2"]
        processes["worker"] = start(worker, log("worker"), env)
        # The servers start while the content is made: they need only the schema until the first request.
        seeded = subprocess.run(
            [sys.executable, "-c", SEED, PASSWORD], cwd=ROOT, env={**env, "TASK_BACKEND": "immediate"},
            capture_output=True, text=True, timeout=180,
        )  # fmt: skip
        assert seeded.returncode == 0, seeded.stderr
        draft_page_id = int(seeded.stdout.split()[-1])
        wait_for_http(f"{s3_url}/", processes["moto"])
        s3 = boto3.client("s3", endpoint_url=s3_url, region_name="us-east-1",
                          aws_access_key_id="prova", aws_secret_access_key="prova-segreta")  # fmt: skip
        s3.create_bucket(Bucket=BUCKET)
        s3.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(PUBLIC_IMAGES_POLICY))
        for name in "AB":
            wait_for_http(f"{servers[name][0]}/robots.txt", processes[name])
        wait_for_port(varnish_port)
        yield {
            "A": servers["A"][0], "B": servers["B"][0], "logs": {n: s[1] for n, s in servers.items()},
            "varnish": f"http://127.0.0.1:{varnish_port}", "env": env, "draft_page_id": draft_page_id,
            "queue": (server, database_name),
        }  # fmt: skip
    finally:
        stop(processes.values())
        redis.stop()


def sign_in(base_url):
    """An editor's browser session, signed in through `base_url`."""
    browser = requests.Session()
    login = browser.get(f"{base_url}/admin/login/", timeout=10)
    assert login.status_code == 200
    answer = browser.post(
        f"{base_url}/admin/login/",
        data={"username": "admin", "password": PASSWORD, "csrfmiddlewaretoken": browser.cookies["csrftoken"]},
        allow_redirects=False,
        timeout=10,
    )
    assert answer.status_code == 302, answer.text[-2000:]
    return browser


def png(colour):
    data = io.BytesIO()
    Image.new("RGB", (1200, 900), colour).save(data, "PNG")
    return data.getvalue()


def wait_for_tasks(queue, timeout=20):
    """Until the worker has run every queued task (Wagtail's PURGE, our BAN, the e-mails)."""
    server, name = queue
    deadline = time.monotonic() + timeout
    with psycopg2.connect(dbname=name, **server) as db, db.cursor() as cursor:
        while True:
            db.rollback()
            cursor.execute(
                "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status IN ('READY', 'RUNNING')"
            )
            if cursor.fetchone()[0] == 0:
                return
            assert time.monotonic() < deadline, "the task worker did not empty the queue"
            time.sleep(0.2)


def image_sources(html, fragment):
    return [src for src in re.findall(r'<img[^>]+src="([^"]+)"', html) if fragment in src]


def test_two_servers_share_enquiries_images_sessions_and_publishing(cluster):
    server_a, server_b, varnish = cluster["A"], cluster["B"], cluster["varnish"]

    # A visitor's enquiry, posted with its CSRF token to server A...
    visitor = requests.Session()
    form_url = f"{server_a}/corsi/rendicontazione/richiedi-informazioni/"
    assert visitor.get(form_url, timeout=10).status_code == 200
    data = valid_post(first_name="Ornella", last_name="Vanoni", csrfmiddlewaretoken=visitor.cookies["csrftoken"])
    sent = visitor.post(form_url, data=data, allow_redirects=False, timeout=10)
    assert sent.status_code == 302 and sent.headers["Location"].endswith("/richiedi-informazioni/grazie/")

    # ...is in the admin listing of server B, for an editor who signed in on server A: one session store.
    editor = sign_in(server_a)
    listing = editor.get(f"{server_b}/admin/course_enquiries/", allow_redirects=False, timeout=10)
    assert listing.status_code == 200
    assert "Ornella Vanoni" in listing.text

    # An image uploaded through server A goes to the bucket; server B makes renditions of it.
    upload_form = editor.get(f"{server_a}/admin/images/multiple/add/", timeout=10)
    collection = re.search(r'name="collection"[^>]*>\s*<option value="(\d+)"', upload_form.text)
    uploaded = editor.post(
        f"{server_a}/admin/images/multiple/add/",
        data={
            "csrfmiddlewaretoken": editor.cookies["csrftoken"],
            **({"collection": collection[1]} if collection else {}),
        },
        files={"files[]": ("sportello.png", png("#1f6f8b"), "image/png")},
        headers={"X-Requested-With": "XMLHttpRequest"},
        timeout=30,
    )
    assert uploaded.status_code == 200 and uploaded.json()["success"], uploaded.text[-2000:]
    image_id = uploaded.json()["image_id"]
    bucket_url = f"{cluster['env']['AWS_S3_ENDPOINT_URL']}/{BUCKET}/"

    admin_images = editor.get(f"{server_b}/admin/images/", timeout=30)
    thumbnails = image_sources(admin_images.text, "/images/sportello")
    assert thumbnails and all(src.startswith(bucket_url) for src in thumbnails), thumbnails

    illustrated = subprocess.run(
        [sys.executable, "-c", ILLUSTRATE, str(image_id)], cwd=ROOT, env={**cluster["env"], "TASK_BACKEND": "immediate"},
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert illustrated.returncode == 0, illustrated.stderr
    project_page = requests.get(f"{server_b}/progetti/sportelli/", timeout=30)
    assert project_page.status_code == 200
    (rendition_url,) = image_sources(project_page.text, ".fill-960x540")
    assert rendition_url.startswith(bucket_url)
    rendition = requests.get(rendition_url, timeout=10)
    assert rendition.status_code == 200
    picture = Image.open(io.BytesIO(rendition.content))
    assert picture.size == (960, 540)
    assert all(
        abs(got - sent) <= 2 for got, sent in zip(picture.getpixel((480, 270))[:3], (0x1F, 0x6F, 0x8B), strict=True)
    )  # JPEG

    # Varnish takes the two servers in turn.
    for n in (1, 2):
        assert requests.get(f"{varnish}/chi-siamo/?giro={n}", timeout=10).headers["X-Cache"] == "MISS"
    # A server writes its access log line just after it answers: give the lines a moment to land.
    deadline = time.monotonic() + 10
    while True:
        logs = [log.read_text() for log in cluster["logs"].values()]
        if all("giro=" in log for log in logs) or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert all("giro=" in log for log in logs), "Varnish sent every request to one server"

    # A publish through server A: the very next request through Varnish shows it.
    cached = [requests.get(f"{varnish}/chi-siamo/", timeout=10) for _ in range(2)]
    assert cached[1].headers["X-Cache"] == "HIT" and "<h1>Chi siamo</h1>" in cached[1].text
    wait_for_tasks(cluster["queue"])
    bulk_publish = f"{server_a}/admin/bulk/wagtailcore/page/publish/?id={cluster['draft_page_id']}&next=/admin/pages/"
    assert editor.get(bulk_publish, timeout=10).status_code == 200
    published = editor.post(bulk_publish, data={"csrfmiddlewaretoken": editor.cookies["csrftoken"]}, timeout=30)
    assert published.status_code == 200
    wait_for_tasks(cluster["queue"])
    after = requests.get(f"{varnish}/chi-siamo/", timeout=10)
    assert after.headers["X-Cache"] == "MISS"
    assert "<h1>Chi siamo oggi</h1>" in after.text
