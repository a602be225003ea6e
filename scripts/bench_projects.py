"""Benchmark the project catalogue with many projects: prints SQL queries and wall time for the
catalogue (plain, filtered, sorted, deep page), a project page and the CSV export.

Runs in a throw-away test database (never the development data):

    .venv/bin/python scripts/bench_projects.py                      # 10,000 projects on SQLite
    DATABASE_URL=postgres://postgres@127.0.0.1:54330/asap_projects .venv/bin/python scripts/bench_projects.py

Bulk-created pages are not in the search index, so the text facet is not measured here."""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "asap_site.settings.dev")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def measure(client, url, repeat):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm-up: renditions, site root paths
    timings = []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            timings.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    if os.environ.get("BENCH_SLOWEST"):
        for query in sorted(queries.captured_queries, key=lambda q: -float(q["time"]))[:3]:
            print(f"    {float(query['time']) * 1000:6.0f} ms  {query['sql'][:300]}")
    return len(queries), statistics.median(timings), len(response.content)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment
    from wagtail.models import Page

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        from tests.factories import HomePageFactory, make_site
        from tests.factories.projects import (
            FundFactory,
            OrganisationFactory,
            ProjectIndexPageFactory,
            TerritoryFactory,
            ThemeFactory,
            bulk_projects,
        )

        root = Page.get_first_root_node()
        for child in root.get_children():
            child.delete()
        root.refresh_from_db()
        home = HomePageFactory(parent=root)
        make_site(home)
        catalogue = ProjectIndexPageFactory(parent=home)
        funds = [FundFactory() for _ in range(6)]
        themes = [ThemeFactory() for _ in range(10)]
        territories = [TerritoryFactory() for _ in range(25)]
        organisations = [OrganisationFactory() for _ in range(300)]
        start = time.perf_counter()
        pages = bulk_projects(
            catalogue, args.projects, funds=funds, themes=themes, territories=territories, organisations=organisations
        )
        print(f"{connection.vendor}: created {args.projects} projects in {time.perf_counter() - start:.1f} s")

        client = Client()
        urls = {
            "catalogue": catalogue.url,
            "catalogue, fund + status + theme": f"{catalogue.url}?fondo={funds[0].pk}&stato=concluso&tema={themes[0].slug}",
            "catalogue, sorted by budget, page 400": f"{catalogue.url}?ordine=budget&page=400",
            "organisation page": f"{catalogue.url}ente/{organisations[0].pk}/",
            "project page": Page.objects.get(pk=pages[len(pages) // 2].pk).url,
            "CSV export, one fund": f"{catalogue.url}dati/csv/?fondo={funds[1].pk}",
        }
        print(f"{'page':<42} {'queries':>8} {'median ms':>10} {'KiB':>7}")
        for label, url in urls.items():
            queries, seconds, size = measure(client, url, args.repeat)
            print(f"{label:<42} {queries:>8} {seconds * 1000:>10.0f} {size / 1024:>7.0f}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
