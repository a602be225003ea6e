"""Benchmark the site search on PostgreSQL: index 10,000 projects and 1,000 courses (plus some
content pages) in a scratch database, then time searches and print p50/p95.

    DATABASE_URL=postgres://postgres@127.0.0.1:54330/asap_search .venv/bin/python -m scripts.bench search

Options: --projects N --courses N --pages N --runs N. The scratch database (`<name>_bench`) is created
with Django's test machinery and dropped at the end. Without the projects or courses apps, the same
number of content pages stands in for them (the output says so). Two figures per query set: the
search service alone (counts per type + first results page) and the whole `/cerca/` response.
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import time
import uuid
from decimal import Decimal

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "asap_site.settings.test")

from .lib import fresh_home, scratch_database, setup_django

WORDS = [
    "integrazione",
    "inclusione",
    "sociale",
    "formazione",
    "lavoro",
    "giovani",
    "donne",
    "migranti",
    "cittadini",
    "comunità",
    "scuola",
    "università",
    "ricerca",
    "innovazione",
    "digitale",
    "ambiente",
    "energia",
    "mobilità",
    "salute",
    "anziani",
    "disabilità",
    "cultura",
    "turismo",
    "agricoltura",
    "impresa",
    "startup",
    "competenze",
    "orientamento",
    "accoglienza",
    "mediazione",
    "linguistica",
    "territorio",
    "periferie",
    "rigenerazione",
    "urbana",
    "legalità",
    "sicurezza",
    "sport",
    "volontariato",
    "cooperazione",
    "monitoraggio",
    "rendicontazione",
    "progettazione",
    "valutazione",
    "assistenza",
    "tecnica",
    "partenariato",
    "rete",
]
FUNDS = [
    ("Fondo Europeo per l'Integrazione di cittadini di paesi terzi", "FEI"),
    ("Fondo Asilo, Migrazione e Integrazione", "FAMI"),
    ("Fondo Sociale Europeo Plus", "FSE+"),
    ("Fondo Europeo di Sviluppo Regionale", "FESR"),
]
ORGANISATIONS = [
    "Regione Lazio",
    "Roma Capitale",
    "Ministero dell'Interno",
    "Università degli Studi di Roma Tor Vergata",
    "Provincia di Latina",
    "Comune di Viterbo",
    "Cooperativa Sociale Il Ponte",
    "Associazione Lavoro e Integrazione",
]
VENUES = [("Sala Tevere", "Roma"), ("Centro Congressi Frentani", "Roma"), ("Aula Magna", "Latina")]
QUERIES = [
    "integrazione",
    "progetto",
    "formazione giovani",
    "FEI",
    "fondo asilo migrazione",
    "Regione Lazio",
    "Tor Vergata",
    "rendicontazione",
    "attivita",
    "mediazione linguistica",
    "innovazione digitale impresa",
    "Sala Tevere",
    "ASAP-0042",
    "J81H12000340006",
    "periferie",
    "zzzz",
    "corso",
    "cooperativa ponte",
    "monitoraggio valutazione",
    "sport legalità",
]


def sentence(rng, words=12):
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def bulk_pages(parent, model, rows):
    """Insert live pages of `model` under `parent` without treebeard's per-page queries; `rows` are
    (title, {specific field: value}). Not indexed: run update_index afterwards."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Page

    content_type = ContentType.objects.get_for_model(model)
    parent = Page.objects.get(pk=parent.pk)
    now = timezone.now()
    with transaction.atomic():
        last = parent.get_children().order_by("-path").first()
        first_step = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
        pages = Page.objects.bulk_create(
            [
                Page(
                    title=title,
                    draft_title=title,
                    slug=f"{model._meta.model_name}-{first_step + i}",
                    path=Page._get_path(parent.path, parent.depth + 1, first_step + i),
                    depth=parent.depth + 1,
                    numchild=0,
                    url_path=f"{parent.url_path}{model._meta.model_name}-{first_step + i}/",
                    content_type=content_type,
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=now,
                    last_published_at=now,
                    locale_id=parent.locale_id,
                    translation_key=uuid.uuid4(),
                )
                for i, (title, _) in enumerate(rows)
            ],
            batch_size=1000,
        )
        for page, (_, fields) in zip(pages, rows, strict=True):
            model(page_ptr_id=page.pk, **fields).save_base(raw=True)
        Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(rows))
    return pages


def build_site(args, rng, log):
    from django.apps import apps

    from standardpages.models import ContentPage

    home = fresh_home()

    if apps.is_installed("projects"):
        from projects.models import Fund, Organisation, ProjectIndexPage, ProjectOrganisation, ProjectPage

        funds = [Fund.objects.create(name=name, acronym=acronym, level=Fund.Level.EU) for name, acronym in FUNDS]
        organisations = [Organisation.objects.create(name=name, city="Roma") for name in ORGANISATIONS]
        index = home.add_child(instance=ProjectIndexPage(title="Progetti", slug="progetti"))
        rows = []
        for i in range(args.projects):
            start = datetime.date(2008 + i % 17, 1 + i % 12, 1)
            rows.append(
                (
                    f"{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} {rng.choice(WORDS)} {i}",
                    {
                        "acronym": f"PRJ{i}",
                        "cup": f"J81H{i:011d}",
                        "summary": sentence(rng, 25),
                        "fund": funds[i % len(funds)],
                        "total_cost": Decimal(10000 + i),
                        "planned_start": start,
                        "planned_end": start + datetime.timedelta(days=700),
                    },
                )
            )
        projects = bulk_pages(index, ProjectPage, rows)
        ProjectOrganisation.objects.bulk_create(
            [
                ProjectOrganisation(
                    project_id=page.pk, organisation=organisations[i % len(organisations)], sort_order=0
                )
                for i, page in enumerate(projects)
            ],
            batch_size=1000,
        )
        log(f"{args.projects} projects")
    else:
        bulk_pages(home, ContentPage, [(sentence(rng, 4), {"intro": sentence(rng, 25)}) for _ in range(args.projects)])
        log(f"projects app not installed: {args.projects} content pages stand in for the projects")

    if apps.is_installed("courses"):
        from django.utils import timezone

        from courses.models import Area, CourseIndexPage, CoursePage, CourseSession, DeliveryMode, Venue

        venues = [Venue.objects.create(name=name, city=city, address="Via Nazionale 89") for name, city in VENUES]
        index = home.add_child(instance=CourseIndexPage(title="Corsi", slug="corsi"))
        areas = [choice for choice, _ in Area.choices]
        rows = [
            (
                f"Corso di {rng.choice(WORDS)} e {rng.choice(WORDS)} {i}",
                {
                    "code": f"ASAP-{i:04d}",
                    "summary": sentence(rng, 20),
                    "area": areas[i % len(areas)],
                    "target_audience": "Operatori pubblici e del terzo settore.",
                    "delivery_mode": DeliveryMode.IN_PERSON,
                    "total_hours": Decimal("16"),
                    "is_free": True,
                },
            )
            for i in range(args.courses)
        ]
        courses = bulk_pages(index, CoursePage, rows)
        now = timezone.now()
        CourseSession.objects.bulk_create(
            [
                CourseSession(
                    course_id=page.pk,
                    edition="Prima edizione",
                    start=now + datetime.timedelta(days=10 + i % 300),
                    end=now + datetime.timedelta(days=10 + i % 300, hours=8),
                    venue=venues[i % len(venues)],
                    seats=20,
                    sort_order=0,
                )
                for i, page in enumerate(courses)
            ],
            batch_size=1000,
        )
        log(f"{args.courses} courses")
    else:
        bulk_pages(home, ContentPage, [(sentence(rng, 4), {"intro": sentence(rng, 20)}) for _ in range(args.courses)])
        log(f"courses app not installed: {args.courses} content pages stand in for the courses")

    bulk_pages(home, ContentPage, [(sentence(rng, 3), {"intro": sentence(rng, 30)}) for _ in range(args.pages)])
    log(f"{args.pages} content pages")


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def time_calls(call, runs):
    timings = []
    for _ in range(runs):
        for query in QUERIES:
            started = time.perf_counter()
            call(query)
            timings.append((time.perf_counter() - started) * 1000)
    return timings


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--projects", type=int, default=10_000)
    parser.add_argument("--courses", type=int, default=1_000)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="keep the scratch database, and reuse it next time")
    args = parser.parse_args()

    setup_django()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    if connection.vendor != "postgresql":
        sys.exit("The benchmark runs on PostgreSQL: set DATABASE_URL=postgres://...")
    settings.WAGTAILSEARCH_BACKENDS["default"]["AUTO_UPDATE"] = False  # index once, in bulk
    settings.ALLOWED_HOSTS = ["*"]
    settings.SEARCH_RESULTS_SECONDS = 0  # time each search, not the results kept from the warm-up
    started = time.perf_counter()

    def log(message):
        print(f"[{time.perf_counter() - started:6.1f}s] {message}", flush=True)

    # Not pytest's test_<name>: a test run must not drop a kept benchmark database, nor the reverse.
    with scratch_database(keepdb=args.keep, test_name=f"{connection.settings_dict['NAME']}_bench"):
        log(f"scratch database {connection.settings_dict['NAME']} migrated")
        from home.models import HomePage

        if args.keep and HomePage.objects.exists():
            log("reusing the kept scratch database")
        else:
            build_site(args, random.Random(5), log)
            index_started = time.perf_counter()
            call_command("update_index", verbosity=0)
            log(f"indexed in {time.perf_counter() - index_started:.1f}s")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

        from search.services import SiteSearch

        def service(query):
            search = SiteSearch.run(query)
            list(search.results()[:10])

        client = Client()

        def page(query):
            response = client.get("/cerca/", {"q": query})
            assert response.status_code == 200, response.status_code

        for call in (service, page):  # warm up caches and the connection
            for query in QUERIES:
                call(query)
        for query in QUERIES[:6]:
            search = SiteSearch.run(query)
            counts = ", ".join(f"{result_type.label} {count}" for result_type, count in search.counts)
            log(f"«{query}»: {search.total} results ({counts})")
        print(f"\n{len(QUERIES)} queries x {args.runs} runs on PostgreSQL {connection.pg_version // 10000}")
        for name, call in (("search service (counts + first page)", service), ("whole /cerca/ response", page)):
            timings = time_calls(call, args.runs)
            print(
                f"{name:40s} p50 {statistics.median(timings):6.1f} ms   p95 {percentile(timings, 0.95):6.1f} ms"
                f"   max {max(timings):6.1f} ms"
            )


if __name__ == "__main__":
    main()
