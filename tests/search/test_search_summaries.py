"""Result summaries and the search index hold what a page says, never a block's internal labels
(the heading level "Titolo di sezione (H2)", a button's wording)."""

import re

import pytest

from standardpages.models import ContentPage
from tests.factories import ContentPageFactory
from tests.search.helpers import result_titles

pytestmark = pytest.mark.django_db

HEADING = {"text": "Il Fondo FEI", "level": "h2"}
BODY = [
    ("heading", HEADING),
    ("paragraph", "<p>Il Fondo FEI, gestito dal Ministero dell'Interno, finanzia l'integrazione.</p>"),
    ("heading", {"text": "Le azioni comunitarie", "level": "h3"}),
    (
        "call_to_action",
        {"title": "Leggi il bando", "text": "", "page": None, "url": "https://example.org/", "button_label": "Vai"},
    ),
]


@pytest.fixture
def fei_page(home_page):
    return ContentPageFactory(parent=home_page, title="Regione Lazio e FEI", intro="", body=BODY)


def test_indexed_body_has_the_heading_text_and_no_labels(fei_page):
    page = ContentPage.objects.get(pk=fei_page.pk)
    content = " ".join(page.body.stream_block.get_searchable_content(page.body))
    assert "Il Fondo FEI" in content and "Le azioni comunitarie" in content and "Leggi il bando" in content
    for label in ("Titolo di sezione", "Sottotitolo", "H2", "h2", "H3", "Vai"):
        assert not re.search(rf"\b{label}\b", content), label


def test_the_summary_reads_as_the_page_does(fei_page, search_page):
    _, html = search_page(q="FEI")
    summary = re.search(r'class="search-result__summary">(.*?)</p>', html, re.S).group(1)
    assert "Il Fondo <mark>FEI</mark>" in summary
    assert "Titolo di sezione" not in summary and "(H2)" not in summary and "Sottotitolo" not in summary


def test_a_block_label_finds_nothing(fei_page, search_page):
    _, html = search_page(q="sottotitolo")
    assert result_titles(html) == []
