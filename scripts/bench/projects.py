"""Benchmark the project catalogue with many projects: prints SQL queries and wall time for the
catalogue (plain, filtered, sorted, deep page), a project page and the CSV export.

Runs in a throw-away test database (never the development data):

    .venv/bin/python -m scripts.bench projects                     # 10,000 projects on SQLite
    DATABASE_URL=postgres://postgres@127.0.0.1:54330/asap_projects .venv/bin/python -m scripts.bench projects

Bulk-created pages are not in the search index, so the text facet is not measured here."""

import argparse
import time

from .lib import fresh_home, measure, scratch_database, setup_django


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    setup_django()
    from django.test import Client
    from wagtail.models import Page

    with scratch_database() as connection:
        from tests.factories.projects import (
            FundFactory,
            OrganisationFactory,
            ProjectIndexPageFactory,
            TerritoryFactory,
            ThemeFactory,
            bulk_projects,
        )

        catalogue = ProjectIndexPageFactory(parent=fresh_home())
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
            "organisation page": f"{catalogue.url}ente/{organisations[0].slug}/",
            "project page": Page.objects.get(pk=pages[len(pages) // 2].pk).url,
            "CSV export, one fund": f"{catalogue.url}dati/csv/?fondo={funds[1].pk}",
        }
        print(f"{'page':<42} {'queries':>8} {'median ms':>10} {'KiB':>7}")
        for label, url in urls.items():
            response, queries, seconds = measure(client, url, args.repeat)
            print(f"{label:<42} {queries:>8} {seconds * 1000:>10.0f} {len(response.content) / 1024:>7.0f}")


if __name__ == "__main__":
    main()
