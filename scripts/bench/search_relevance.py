"""Relevance of the site search: the everyday queries of tests/search/relevance/queries.yaml against
the demo pages, in a scratch database of the configured kind (SQLite by default, PostgreSQL with
DATABASE_URL). Prints success@3, the mean reciprocal rank and every query that missed the first three.

    .venv/bin/python -m scripts.bench search-relevance
    DATABASE_URL=postgres://postgres@127.0.0.1:54330/asap_search .venv/bin/python -m scripts.bench search-relevance
"""

import argparse
import os
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "asap_site.settings.test")

from .lib import scratch_database, setup_django


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.parse_args()
    setup_django()
    from django.conf import settings
    from django.db import connection
    from django.test import Client

    from tests.search.relevance.measure import measure, report, seed_demo_pages

    settings.ALLOWED_HOSTS = ["*"]
    started = time.perf_counter()
    with scratch_database(test_name=f"{connection.settings_dict['NAME']}_relevance"):
        seed_demo_pages()
        outcomes = measure(Client())
        print(f"database: {connection.vendor}; {time.perf_counter() - started:.1f}s")
        print("\n".join(report(outcomes)))


if __name__ == "__main__":
    main()
