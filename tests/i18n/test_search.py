"""/cerca/ is Italian: an English translation never shows among its results."""

import pytest

pytestmark = pytest.mark.django_db


def test_italian_search_shows_the_italian_page_and_not_its_english_translation(search_page, bilingual):
    _response, html = search_page(q="About us")
    assert "/en/about-us/" not in html
    _response, html = search_page(q="sommario")  # the Italian pages' intro ("chi", "siamo" are stop words)
    assert 'href="/chi-siamo/"' in html
    assert "/en/about-us/" not in html


def test_english_search_speaks_english_and_shows_only_english_pages(client, bilingual):
    html = client.get("/en/search/", {"q": "about us"}).content.decode()  # stop words in PostgreSQL's English
    assert '<html lang="en"' in html
    assert "1 result for “about us”" in html
    assert 'href="/en/about-us/"' in html
    assert 'href="/chi-siamo/"' not in html
    assert "Filter by kind" in html and ">Pages <" in html and "Page</p>" in html
    assert "Search the site" in html
    html = client.get("/en/search/", {"q": "nothing-here"}).content.decode()
    assert "No results" in html


def test_english_word_forms_match_on_the_english_site(client, bilingual):
    from tests.i18n.conftest import translate

    about, _about_en, untranslated = bilingual
    translate(
        untranslated,
        about.locale.__class__.objects.get(language_code="en"),
        title="Funded projects",
        slug="funded-projects",
    )
    for query in ("project", "projects", "Projects"):
        html = client.get("/en/search/", {"q": query}).content.decode()
        assert 'href="/en/funded-projects/"' in html, query


def test_english_suggestions_are_english_pages(client, bilingual):
    answer = client.get("/en/search/suggestions/", {"q": "abou"}).json()
    assert answer["label"] == "Suggestions"
    assert answer["results"] == [{"title": "About us", "type": "Page", "url": "/en/about-us/"}]
