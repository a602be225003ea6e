"""`make bench` (`python -m scripts.bench pages`): every page type served by gunicorn as `make run`
serves it (2 sync workers, local production-like settings, DEBUG off) on a scratch database seeded
with the demo, with a trivial WSGI app under the same server as the yardstick.

    make bench                                   # SQLite, 5 s of wrk per page
    make bench BENCH_ARGS="--duration 15 --projects 10000 --cached"
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/asap make bench   # on a scratch test_asap
    .venv/bin/python -m scripts.bench pages --duration 1 --only "home|404"   # a quick look

For each page: SQL queries and HTML size (raw and gzip), measured in-process with Django's test
client; then requests per second and CPU-ms per request from `wrk -t2 -c8 -d<N>s` (Debian package
`wrk`), where CPU-ms = the gunicorn workers' user+system time from /proc, before and after, divided
by the requests served. `--cached` measures every page again on a second server after a warm-up
request: the figures of the full-page cache (the first pass runs with the page cache off, the
site-wide cached parts on, as on a running site after a change); without it the column says n/a.
"""

import argparse
import gzip
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "asap_site.settings.local")
os.environ["TASK_BACKEND"] = "immediate"  # the demo is indexed while seeding; no worker runs here

from scripts.run_site import gunicorn_command  # noqa: E402

from .lib import scratch_database, setup_django  # noqa: E402

WORKERS = 2
TRIVIAL_APP = "trivial_wsgi:application"
# Environment that switches the full-page cache off for the uncached pass.
UNCACHED_ENV = {"PAGE_CACHE_ENABLED": "false"}
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def status_of(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


class Server:
    """gunicorn on a free port; the CPU time its workers have used so far."""

    def __init__(self, env, app="asap_site.wsgi:application", stderr=subprocess.DEVNULL):
        self.port = free_port()
        command = gunicorn_command("127.0.0.1", self.port, WORKERS, app=app)
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, stderr=stderr)
        deadline = time.monotonic() + 60
        while True:
            try:
                status_of(self.url("/"))
                break
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"gunicorn did not start: {' '.join(command)}") from None
                time.sleep(0.2)

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def worker_cpu_seconds(self):
        total = 0
        for entry in Path("/proc").iterdir():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            if entry.name.isdigit() and int(fields[1]) == self.process.pid:
                total += int(fields[11]) + int(fields[12])  # utime + stime
        return total / CLOCK_TICKS

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)


def load(server, path, duration):
    """(requests per second, CPU-ms per request) under wrk, after a few warm-up requests."""
    for _ in range(10):
        status_of(server.url(path))
    before = server.worker_cpu_seconds()
    result = subprocess.run(
        ["wrk", "-t2", "-c8", f"-d{duration}s", "--timeout", "10s", server.url(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    cpu = server.worker_cpu_seconds() - before
    requests = int(re.search(r"(\d+) requests in", result.stdout).group(1))
    if errors := re.search(r"Socket errors:.*", result.stdout):
        print(f"  {path}: wrk {errors.group(0)}", file=sys.stderr)
    per_second = float(re.search(r"Requests/sec:\s+([\d.]+)", result.stdout).group(1))
    return per_second, cpu * 1000 / max(requests, 1)


def page_urls():
    """One URL per page type of the seeded demo: the richest page of each kind."""
    from django.db.models import Count
    from wagtail.models import Page

    from courses.models import CourseIndexPage, CoursePage
    from events.models import EventIndexPage, EventPage
    from news.models import NewsArticlePage, NewsIndexPage
    from projects.models import Organisation, ProjectIndexPage, ProjectPage

    italian, english = {"locale__language_code": "it"}, {"locale__language_code": "en"}
    catalogue = ProjectIndexPage.objects.live().filter(**italian).first()
    organisation = Organisation.objects.annotate(roles=Count("project_roles")).order_by("-roles").first()
    content = Page.objects.live().filter(content_type__model="contentpage", **italian).order_by("path").first()
    richest_project = ProjectPage.objects.live().annotate(n=Count("organisation_roles")).order_by("-n", "path")
    richest_course = CoursePage.objects.live().annotate(n=Count("sessions")).order_by("-n", "path")
    return {
        "home": "/",
        "content page": content.url,
        "project catalogue": catalogue.url,
        "catalogue by cost, page 500": f"{catalogue.url}?ordine=budget&page=500",
        "project page": richest_project.filter(**italian)[0].url,
        "organisation page": f"{catalogue.url}ente/{organisation.slug}/",
        "course catalogue": CourseIndexPage.objects.live().filter(**italian).first().url,
        "course page": richest_course.filter(**italian)[0].url,
        "news index": NewsIndexPage.objects.live().first().url,
        "news article (a call)": NewsArticlePage.objects.live().filter(kind="bando").order_by("path")[0].url,
        "events index": EventIndexPage.objects.live().first().url,
        "event page": EventPage.objects.live().order_by("start").last().url,
        "English home": "/en/",
        "English project catalogue": ProjectIndexPage.objects.live().filter(**english).first().url,
        "English project page": richest_project.filter(**english)[0].url,
        "English course page": richest_course.filter(**english)[0].url,
        "English search ?q=projects": "/en/search/?q=projects",
        "search ?q=progetti": "/cerca/?q=progetti",
        "404": "/pagina-che-non-esiste/",
        "API project list": "/api/v3/progetti/",
        "API project detail": f"/api/v3/progetti/{richest_project.filter(**italian)[0].pk}/",
    }


def add_projects(count, numbered_from=0):
    """--projects N: N bulk-created projects in the demo catalogue, with its funds, themes and organisations."""
    from projects.models import Fund, Organisation, ProjectIndexPage, Territory, Theme
    from tests.factories.projects import bulk_projects

    bulk_projects(
        ProjectIndexPage.objects.live().first(),
        count,
        funds=list(Fund.objects.all()),
        themes=list(Theme.objects.all()),
        territories=list(Territory.objects.all()),
        organisations=list(Organisation.objects.all()),
        numbered_from=numbered_from,
    )


def settle(connection):
    """Statistics for the planner and, on PostgreSQL, the vacuum that autovacuum would otherwise run
    in the middle of the measurements after the bulk insert (competing for the same two cores)."""
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


@contextmanager
def demo_database(projects=0):
    """Django on a scratch database seeded with the demo (a SQLite file in a temporary folder, or
    `test_<name>` on DATABASE_URL), media in that folder; all dropped afterwards. Also used by
    `make screenshots` and `make lighthouse`, which serve the same site."""
    with tempfile.TemporaryDirectory(prefix="asap-bench-") as folder:
        os.environ["MEDIA_ROOT"] = str(Path(folder) / "media")  # the demo's images, not in the project's media/
        # Its own cache generation: a purge elsewhere on the machine (another run, `make run`) must
        # not rebuild this run's shared parts.
        os.environ["PAGE_CACHE_GENERATION_FILE"] = str(Path(folder) / "page-cache-generation")
        setup_django()
        from django.core.management import call_command

        sqlite_file = str(Path(folder) / "db.sqlite3")
        with scratch_database(test_name=None if os.environ.get("DATABASE_URL") else sqlite_file) as connection:
            print("Seeding the demo...", file=sys.stderr)
            call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
            if projects:
                add_projects(projects)
            settle(connection)
            yield connection


def in_process(urls):
    """{label: (status, queries, raw bytes, gzip bytes)} from Django's test client."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    client, figures = Client(), {}
    for label, url in urls.items():
        client.get(url)  # warm-up: renditions, settings, site root paths, the shared parts
        with override_settings(PAGE_CACHE_ENABLED=False), CaptureQueriesContext(connection) as queries:
            response = client.get(url)  # an uncached page, as in the first pass
        figures[label] = (
            response.status_code,
            len(queries),
            len(response.content),
            len(gzip.compress(response.content)),
        )
    return figures


def server_env(database_url):
    # The API's throttle (docs/api.md) would answer wrk's flood with 429s: the bench measures serving.
    env = {**os.environ, "DATABASE_URL": database_url, "API_RATE_LIMIT": "100000000"}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return env


def scratch_url(connection):
    """DATABASE_URL of the scratch database the benchmark just created."""
    name = connection.settings_dict["NAME"]
    if connection.vendor == "sqlite":
        return f"sqlite:///{name}"
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path=f"/{name}"))


def machine():
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor() or "?",
    )
    memory = int(Path("/proc/meminfo").read_text().split()[1]) / 1024 / 1024
    return f"{model}, {os.cpu_count()} cores, {memory:.0f} GiB, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=5, help="seconds of wrk per page (default 5)")
    parser.add_argument("--projects", type=int, default=0, help="bulk-create this many more projects")
    parser.add_argument("--cached", action="store_true", help="measure every page again after a warm-up")
    parser.add_argument("--only", default="", help='these pages only, e.g. "project catalogue|home"')
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("make bench needs wrk: apt-get install wrk")

    with demo_database(args.projects) as connection:
        urls = page_urls()
        if args.only:
            urls = {label: url for label, url in urls.items() if label in args.only.split("|")}
        figures = in_process(urls)
        connection.close()  # SQLite: let the servers have the file to themselves

        env = server_env(scratch_url(connection))
        rows = {}
        for mode, extra in [("uncached", UNCACHED_ENV), ("cached", {})][: 2 if args.cached else 1]:
            print(f"Measuring ({mode}, {args.duration} s per page)...", file=sys.stderr)
            server = Server({**env, **extra})
            try:
                for label, url in urls.items():
                    rows.setdefault(label, {})[mode] = load(server, url, args.duration)
            finally:
                server.stop()
        yardstick = Server({**env, "PYTHONPATH": str(HERE)}, app=TRIVIAL_APP)
        try:
            trivial = load(yardstick, "/", args.duration)
        finally:
            yardstick.stop()
        vendor = connection.vendor
        print_table(args, vendor, urls, figures, rows, trivial)


def print_table(args, vendor, urls, figures, rows, trivial):
    def cached(label):
        if "cached" not in rows[label]:
            return "n/a | n/a"
        per_second, cpu_ms = rows[label]["cached"]
        return f"{per_second:,.0f} | {cpu_ms:.1f}"

    extra = f", {args.projects:,} more projects" if args.projects else ""
    print(f"\n{datetime.now().astimezone():%Y-%m-%d %H:%M %Z}, {machine()}")
    print(f"{vendor}{extra}; gunicorn {WORKERS} sync workers, DEBUG off; wrk -t2 -c8 -d{args.duration}s per page")
    print(f"load average at the end (other processes share the CPUs): {os.getloadavg()[0]:.1f}\n")
    print(
        "| page | URL | status | queries | HTML KB | gzip KB | req/s | CPU-ms/req | cached req/s | cached CPU-ms/req |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for label, url in urls.items():
        status, queries, raw, packed = figures[label]
        per_second, cpu_ms = rows[label]["uncached"]
        print(
            f"| {label} | `{url}` | {status} | {queries} | {raw / 1024:.1f} | {packed / 1024:.1f} "
            f"| {per_second:,.0f} | {cpu_ms:.1f} | {cached(label)} |"
        )
    print(f"| trivial WSGI app | `/` | 200 | 0 | 0.0 | 0.0 | {trivial[0]:,.0f} | {trivial[1]:.2f} | n/a | n/a |")


if __name__ == "__main__":
    main()
