"""Weigh every page type of the demo site: SQL queries, median time and HTML size per page, and the
total a first visit downloads (HTML, CSS, JS). Runs `seed_demo` in a throw-away test database:

    .venv/bin/python scripts/bench_pages.py [--repeat 20]
    DATABASE_URL=postgres://postgres@127.0.0.1:54330/asap_bench .venv/bin/python scripts/bench_pages.py
"""

import argparse
import os
import re
from pathlib import Path

from benchlib import measure, scratch_database, setup_django


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    setup_django()
    from django.contrib.staticfiles import finders
    from django.core.management import call_command
    from django.test import Client
    from wagtail.models import Page

    with scratch_database() as connection:
        call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
        client = Client()
        urls = ["/", "/chi-siamo/", "/cerca/?q=fondo", "/non-esiste/"]
        for model in (
            "projects.projectindexpage",
            "projects.projectpage",
            "courses.courseindexpage",
            "courses.coursepage",
        ):
            app_label, model_name = model.split(".")
            page = Page.objects.live().filter(content_type__app_label=app_label, content_type__model=model_name).first()
            if page:
                urls.append(page.url)
        print(f"{connection.vendor}: {'URL':52} {'status':>6} {'queries':>7} {'median ms':>9} {'HTML KB':>8}")
        assets = set()
        for url in urls:
            status = 404 if url == "/non-esiste/" else 200
            response, queries, median = measure(client, url, args.repeat, expected_status=status)
            html = response.content.decode()
            assets.update(re.findall(r'(?:href|src)="/static/([^"]+\.(?:css|js))"', html))
            print(
                f"{'':{len(connection.vendor) + 2}}{url:52} {response.status_code:6d} {queries:7d} {median * 1000:9.1f} {len(html) / 1024:8.1f}"
            )
        sizes = {asset: Path(finders.find(asset)).stat().st_size for asset in sorted(assets)}
        print(f"static CSS and JS on any page (uncompressed): {sum(sizes.values()) / 1024:.1f} KB")
        for asset, size in sizes.items():
            print(f"  {asset:50} {size / 1024:6.1f} KB")


if __name__ == "__main__":
    main()
