"""Figures for the consent app: SQL queries per request and timings, on a scratch SQLite database
with the demo content (or DATABASE_URL). Run: .venv/bin/python -m scripts.bench consent"""

import datetime
import io
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "asap_site.settings.test")
scratch = tempfile.mkdtemp(prefix="asap-consent-figures-")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{scratch}/figures.sqlite3")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402


def measure(client, label, method, url, repeat=50, **kwargs):
    getattr(client, method)(url, **kwargs)  # warm caches
    connection.queries_log.clear()  # a full log (9000 entries) would hide new queries
    with CaptureQueriesContext(connection) as queries:
        getattr(client, method)(url, **kwargs)
    query_count = len(queries)  # read now: the next request resets Django's query log
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = getattr(client, method)(url, **kwargs)
        timings.append((time.perf_counter() - start) * 1000)
    print(
        f"{label:<48} {response.status_code}  {query_count:>3} queries  "
        f"median {statistics.median(timings):6.1f} ms  p90 {sorted(timings)[int(repeat * 0.9)]:6.1f} ms"
    )


def main():
    # as Django's test runner does: keep one connection so the queries of a request can be counted
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    call_command("migrate", verbosity=0)
    call_command("seed_demo", stdout=io.StringIO())
    from wagtail.models import Page

    from analytics.models import DailyPageView
    from consent.models import CookiePolicyPage

    pages = list(Page.objects.live().filter(depth__gte=2))
    today = timezone.localdate()
    DailyPageView.objects.bulk_create(
        DailyPageView(day=today - datetime.timedelta(days=day), page=page, device_class="desktop", views=day + 1)
        for day in range(365)
        for page in pages
    )
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("figure", "f@example.org", "x")

    visitor = Client()
    print(f"database: {connection.vendor}; {DailyPageView.objects.count()} daily rows, {len(pages)} pages")
    measure(visitor, "home page (anonymous, banner included)", "get", "/")
    measure(visitor, "cookie policy page", "get", CookiePolicyPage.objects.get(locale__language_code="it").url)
    measure(visitor, "GET /cookie/stato/", "get", "/cookie/stato/")
    measure(visitor, "POST /cookie/scelta/ (accept_all)", "post", "/cookie/scelta/", data={"action": "accept_all"})
    body = json.dumps({"page": pages[0].pk, "device": "desktop", "referrer": "https://www.google.com/"})
    measure(visitor, "POST beacon", "post", "/statistiche/visita/", data=body, content_type="text/plain")
    editor = Client()
    editor.force_login(admin)
    measure(editor, "admin report, 30 days", "get", "/admin/statistiche/", repeat=20)
    start = (today - datetime.timedelta(days=365)).isoformat()
    measure(editor, "admin report, 366 days", "get", f"/admin/statistiche/?start={start}&end={today}", repeat=20)
    measure(
        editor, "XLSX export, 366 days", "get", f"/admin/statistiche/?start={start}&end={today}&export=xlsx", repeat=10
    )


if __name__ == "__main__":
    main()
