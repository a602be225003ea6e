"""Relevance of the site search: the everyday queries of tests/search/relevance/queries.yaml against
the demo pages, in a scratch database of the configured kind (SQLite by default, PostgreSQL with
DATABASE_URL). Prints success@3, the mean reciprocal rank and every query that missed the first three;
with --again N, also the CPU-ms and queries of each query sent N more times as a new query string (the
pages it finds shown before).

    .venv/bin/python -m scripts.bench search-relevance
    .venv/bin/python -m scripts.bench search-relevance --again 3
    DATABASE_URL=postgres://postgres@127.0.0.1:54330/asap_search .venv/bin/python -m scripts.bench search-relevance
"""

import argparse
import os
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "asap_site.settings.test")

from .lib import scratch_database, setup_django


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--again", type=int, default=0, metavar="N", help="send every query N more times")
    arguments = parser.parse_args()
    setup_django()
    from django.conf import settings
    from django.db import connection
    from django.test import Client

    from tests.search.relevance.measure import again_report, measure, measure_again, report, seed_demo_pages

    settings.ALLOWED_HOSTS = ["*"]
    started = time.perf_counter()
    with scratch_database(test_name=f"{connection.settings_dict['NAME']}_relevance"):
        seed_demo_pages()
        outcomes = measure(Client())
        print(f"database: {connection.vendor}; {time.perf_counter() - started:.1f}s")
        print("\n".join(report(outcomes)))
        if arguments.again:
            print("\n".join(again_report(measure_again(Client(), rounds=arguments.again))))


if __name__ == "__main__":
    main()
