"""What the benchmark scripts share: Django set up from the repository, a throw-away test database
(never the development data), an empty site with a home page, and per-page measurement."""

import os
import statistics
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "asap_site.settings.dev")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def setup_django():
    import django

    django.setup()


@contextmanager
def scratch_database(keepdb=False, test_name=None):
    """Create (or with keepdb reuse) a test database, and drop it afterwards unless kept."""
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    if test_name:
        connection.settings_dict.setdefault("TEST", {})["NAME"] = test_name
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=keepdb)
    try:
        yield connection
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0, keepdb=keepdb)


def fresh_home():
    from wagtail.models import Page

    from tests.factories import build_home

    return build_home(Page.get_first_root_node())


def measure(client, url, repeat, expected_status=200):
    """(response, SQL queries, median seconds) over `repeat` requests after one warm-up request.
    BENCH_SLOWEST=1 also prints the three slowest queries of the last request."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm-up: renditions, site root paths, settings
    timings = []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            timings.append(time.perf_counter() - start)
        assert response.status_code == expected_status, (url, response.status_code)
    if os.environ.get("BENCH_SLOWEST"):
        for query in sorted(queries.captured_queries, key=lambda q: -float(q["time"]))[:3]:
            print(f"    {float(query['time']) * 1000:6.0f} ms  {query['sql'][:400]}")
    return response, len(queries), statistics.median(timings)
