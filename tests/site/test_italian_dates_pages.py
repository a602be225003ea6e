"""The demo as a visitor reads it: months in lower case on every page type that shows dates, no
01/02/2026 in search results, and search summaries without block labels."""

import io
import re

import pytest
from django.core.management import call_command

from courses.models import CoursePage
from courses.status import CourseStatus
from projects.models import ProjectPage
from standardpages.models import ContentPage

pytestmark = pytest.mark.django_db

MONTHS = "Gennaio|Febbraio|Marzo|Aprile|Maggio|Giugno|Luglio|Agosto|Settembre|Ottobre|Novembre|Dicembre"
CAPITALISED_MONTH = re.compile(rf"\d[ \u00a0]({MONTHS})\b")  # "1 Settembre 2011"
SHORT_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b")
LOWER_CASE_DATE = re.compile(
    r"\b\d{1,2} (gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre) \d{4}\b"
)


@pytest.fixture
def demo(wagtail_root):
    call_command("seed_demo", stdout=io.StringIO())


def visible_text(html):
    return re.sub(r"<[^>]+>", " ", html)


def test_pages_write_months_in_lower_case_and_search_summaries_have_no_block_labels(demo, client):
    running = next(c for c in CoursePage.objects.live() if c.status() == CourseStatus.RUNNING)
    urls = [
        ProjectPage.objects.live().get(slug="fei-regione-lazio-2011").url,
        running.url,
        "/corsi/",
        "/corsi/?archivio=on",
        "/progetti/",
        ContentPage.objects.live().first().url,
        "/cerca/?q=corso",
        "/cerca/?q=progetti",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        text = visible_text(response.content.decode())
        assert not CAPITALISED_MONTH.search(text), (url, CAPITALISED_MONTH.search(text).group(0))
        if url.startswith("/cerca/"):
            assert not SHORT_DATE.search(text), (url, SHORT_DATE.search(text).group(0))
    # the pages do show dates, so the checks above have something to look at
    assert LOWER_CASE_DATE.search(visible_text(client.get(running.url).content.decode()))
    assert LOWER_CASE_DATE.search(visible_text(client.get("/cerca/?q=corso").content.decode()))

    # (one test: seeding the demo is the slow part) the FEI page's body starts with a heading
    html = client.get("/cerca/", {"q": "FEI"}).content.decode()
    summaries = " ".join(re.findall(r'class="search-result__summary">(.*?)</p>', html, re.S))
    assert "FEI" in summaries
    assert "Titolo di sezione" not in summaries and "(H2)" not in summaries and "Sottotitolo" not in summaries
