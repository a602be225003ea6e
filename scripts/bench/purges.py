"""What an editor's change to a snippet, a setting, a news or course page or the news section's
address purges, on the seeded demo, in-process: every address of the sitemap (both languages) and
of the API, feeds, calendars, exports and searches is kept, one row is changed to show a marker,
and each address is asked again (from the cache where it was not purged) and then once more with
everything rebuilt. An address whose kept answer lacks a marker its rebuilt answer shows is stale:
the run exits 1 if there is any.

    .venv/bin/python -m scripts.bench purges

Prints, per change, the addresses that show the marker, the stale ones (must be 0) and those still
answered from the cache after the change (before issue 27's table purges: none)."""

import os
import re
import sys
import time

os.environ["PAGE_CACHE_MARK_HITS"] = "1"  # the cache marks its answers (X-Page-Cache)

from .pages import demo_database

EXTRA = [
    "/tema.css",
    "/robots.txt",
    "/api/v3/progetti/",
    "/api/v3/enti/",
    "/api/v3/fondi/",
    "/api/v3/contributi/",
    "/api/v3/corsi/",
    "/api/v3/eventi/",
    "/progetti/feed/",
    "/progetti/dati/json/",
    "/contributi-pubblici/dati/json/",
    "/dati-aperti/catalogo.ttl",
    "/eventi/calendario.ics",
    "/cookie/preferenze/",
    "/en/cookie/preferences/",
    "/cerca/?q=progetto",
    "/cerca/?q=lazio",
    "/en/search/?q=project",
    "/progetti/?tema=istruzione",
    "/corsi/?sede=1",
]


def changes():
    """(what, marker, change): one row of each kind of snippet and setting the demo has."""
    from cookie_consent.models import Cookie, CookieGroup
    from wagtail.models import Page

    from consent.models import CookieBannerSettings
    from core.site_settings import NavigationItem, OrganisationSettings
    from courses.models import CoursePage, Venue
    from news.models import NewsArticlePage, NewsIndexPage
    from projects.models import Fund, FundingProgramme, Organisation, Territory, Theme
    from projects.visibility import FundLogo
    from transparency.models import PublicContribution

    news = NewsIndexPage.objects.filter(locale__language_code="it")

    def edit(queryset, **values):
        def change():
            row = queryset.first()
            for name, value in values.items():
                setattr(row, name, value(getattr(row, name)) if callable(value) else value)
            row.save_revision().publish() if isinstance(row, Page) else row.save()  # as an editor publishes

        return change

    return [
        ("organisation settings", "MARCAORG", edit(OrganisationSettings.objects, footer_text="MARCAORG")),
        ("menu entry", "MARCAMENU", edit(NavigationItem.objects.order_by("sort_order"), label="MARCAMENU")),
        ("cookie banner", "MARCABANNER", edit(CookieBannerSettings.objects, title="MARCABANNER")),
        ("cookie group", "MARCAGRUPPO", edit(CookieGroup.objects.order_by("pk"), name="MARCAGRUPPO")),
        ("cookie", "MARCACOOKIE", edit(Cookie.objects.order_by("pk"), description="MARCACOOKIE")),
        ("organisation", "MARCAENTE", edit(Organisation.objects.order_by("slug"), name=lambda v: f"{v} MARCAENTE")),
        ("fund", "MARCAFONDO", edit(Fund.objects.order_by("pk"), acronym="MARCAFONDO")),
        ("funding programme", "MARCAPROG", edit(FundingProgramme.objects.order_by("pk"), name="MARCAPROG")),
        ("fund logo", "MARCALOGO", edit(FundLogo.objects.order_by("pk"), alt_text="MARCALOGO")),
        ("theme", "MARCATEMA", edit(Theme.objects.order_by("pk"), name="MARCATEMA")),
        ("territory", "MARCATERR", edit(Territory.objects.order_by("pk"), name="MARCATERR")),
        ("venue", "MARCASEDE", edit(Venue.objects.order_by("pk"), name="MARCASEDE")),
        ("public contribution", "MARCACONTR", edit(PublicContribution.objects.filter(live=True), reason="MARCACONTR")),
        # Pages every page's boxes may list, republished by an editor: the oldest, which they do not show.
        (
            "news article republished",
            "MARCANOTIZIA",
            edit(NewsArticlePage.objects.live().order_by("date", "pk"), summary="MARCANOTIZIA"),
        ),
        ("course republished", "MARCACORSO", edit(CoursePage.objects.live().order_by("-pk"), summary="MARCACORSO")),
        # Last: the addresses below the news change, the old ones answer with Wagtail's redirects.
        (
            "news section moved",
            "/chi-siamo/notizie/",
            move(news, under=Page.objects.filter(url_path="/home/chi-siamo/")),
        ),
        ("news section's new slug", "/comunicati/", edit(news, slug="comunicati")),
    ]


def move(pages, under):
    def change():
        pages.first().move(under.first(), pos="last-child")  # as the admin's "Sposta" does

    return change


def main():
    with demo_database():
        from django.conf import settings
        from django.db import transaction
        from django.test import Client

        from serving.pagecache import store

        settings.PAGE_CACHE_ENABLED, settings.PAGE_CACHE_REBUILD = True, False
        settings.ALLOWED_HOSTS = ["*"]
        settings.API_RATE_LIMIT = settings.SEARCH_LOG_RATE_LIMIT = 10**9
        client = Client()

        def answer(url):
            response = client.get(url)
            body = b"".join(response.streaming_content) if response.streaming else response.content
            return response.get("X-Page-Cache", ""), body.decode("utf-8", "replace")

        sitemap = answer("/sitemap.xml")[1]
        urls = list(dict.fromkeys(re.findall(r"<loc>https?://[^/]+(/[^<]*)</loc>", sitemap) + EXTRA))
        print(f"{len(urls)} addresses\n\n| change | showing it | stale | still from the cache after it |")
        print("|---|---:|---:|---:|")
        stale_anywhere, started = 0, time.monotonic()
        for what, marker, change in changes():
            for _ in range(2):
                for url in urls:
                    answer(url)
            with transaction.atomic():
                change()
            cached = {url: answer(url) for url in urls}
            store.bump_generation()
            fresh = {url: answer(url)[1] for url in urls}
            showing = [url for url in urls if marker in fresh[url]]
            stale = [url for url in urls if fresh[url].count(marker) != cached[url][1].count(marker)]
            hits = sum(1 for url in urls if "hit" in cached[url][0])
            stale_anywhere += len(stale)
            print(f"| {what} | {len(showing)} | {len(stale)} | {hits} of {len(urls)} |", flush=True)
            for url in stale:
                print(f"  stale: {url}", file=sys.stderr)
        print(f"\n{time.monotonic() - started:.0f} s")
    sys.exit(1 if stale_anywhere else 0)


if __name__ == "__main__":
    main()
