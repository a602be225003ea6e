"""Every page type is valid HTML5 according to the Nu HTML Checker."""

import os

import pytest
from django.views.defaults import server_error

from courses.models import CoursePage
from tests.factories import ContentPageFactory, ImageFactory

pytestmark = pytest.mark.django_db


def test_pages_are_valid_html5(client, home_page, assert_valid_html, rf):
    home_page.hero_image = ImageFactory(width=1600, height=900)
    home_page.save_revision().publish()
    ContentPageFactory(
        parent=home_page,
        slug="chi-siamo",
        body=[
            ("heading", {"text": "Sezione", "level": "h2"}),
            ("paragraph", "<p>Testo</p>"),
            (
                "image",
                {
                    "image": {"image": ImageFactory(), "decorative": True, "alt_text": ""},
                    "caption": "Foto",
                    "credit": "",
                },
            ),
            (
                "table",
                {
                    "caption": "Cifre",
                    "table": {
                        "first_row_is_table_header": True,
                        "first_col_is_header": True,
                        "data": [["A", "B"], ["1", "2"]],
                    },
                },
            ),
        ],
    )
    urls = ["/", "/chi-siamo/", "/cerca/?q=testo", "/non-esiste/"]
    documents = {url: client.get(url).content.decode() for url in urls}
    documents["500"] = server_error(rf.get("/")).content.decode()
    assert_valid_html(documents)


def test_every_page_type_of_the_demo_site_is_valid_html5(client, wagtail_root, assert_valid_html):
    """The seeded site exercises every page type and catalogue state the apps render."""
    from django.core.management import call_command
    from wagtail.models import Page

    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    urls = {
        "/",
        "/progetti/?stato=concluso&ordine=budget",
        "/corsi/?archivio=on",
        "/cerca/?q=progetti",
        "/cookie/preferenze/",
        "/progetti/enti/",
        "/progetti/enti/?ruolo=partner&fondo=abc",
        "/progetti/ente/regione-lazio/",
        "/cerca/?q=Regione+Lazio",
    }
    for page in Page.objects.live().specific().exclude(depth=1):
        urls.add(page.url)
    first_course = next(page for page in Page.objects.live().type(CoursePage).specific())
    urls.add(f"{first_course.url}richiedi-informazioni/")
    responses = {url: client.get(url) for url in sorted(urls)}
    assert {url: r.status_code for url, r in responses.items() if r.status_code != 200} == {}
    assert_valid_html({url: r.content.decode() for url, r in responses.items()})
