"""The results page, in each of its states, is valid HTML5 (Nu HTML Checker)."""

import pytest

from tests.factories import ContentPageFactory
from tests.factories.search import SearchPromotionFactory, SearchQueryDayFactory

pytestmark = pytest.mark.django_db


def test_search_pages_are_valid_html5(client, home_page, assert_valid_html):
    for n in range(12):
        ContentPageFactory(parent=home_page, title=f"Fondo <sociale> {n}", intro="Il fondo & le attività")
    SearchPromotionFactory(query_string="fondo", page=ContentPageFactory(parent=home_page, title="Contatti"))
    SearchQueryDayFactory(query="fondo", searches=3)
    urls = ["/cerca/", "/cerca/?q=fondo", "/cerca/?q=fondo&page=2", "/cerca/?q=fondo&tipo=pagine", "/cerca/?q=zzzz"]
    assert_valid_html({url.replace("?", "_").replace("&", "_"): client.get(url).content.decode() for url in urls})
