"""/cerca/ is Italian: an English translation never shows among its results."""

import pytest

pytestmark = pytest.mark.django_db


def test_italian_search_shows_the_italian_page_and_not_its_english_translation(search_page, bilingual):
    _response, html = search_page(q="About us")
    assert "/en/about-us/" not in html
    _response, html = search_page(q="sommario")  # the Italian pages' intro ("chi", "siamo" are stop words)
    assert 'href="/chi-siamo/"' in html
    assert "/en/about-us/" not in html
