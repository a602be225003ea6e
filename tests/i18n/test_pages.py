"""Italian at the root, English under /en/: each page says its language, names its translations
(`hreflang`, `x-default`) and offers the other language in the header."""

import re

import pytest

pytestmark = pytest.mark.django_db


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def alternates(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html))


def switch(html):
    """[(lang, hreflang, href, text)] of the language switch's links."""
    block = re.search(r'<div class="language-switch">(.*?)</div></div>', html, re.S)
    assert block, "no language switch"
    return re.findall(r'<a href="([^"]+)" lang="([\w-]+)" hreflang="([\w-]+)"[^>]*>([^<]+)</a>', block.group(1))


def test_italian_pages_keep_their_addresses_and_english_ones_live_under_en(client, bilingual):
    assert '<html lang="it"' in html_of(client, "/chi-siamo/")
    english = html_of(client, "/en/about-us/")
    assert '<html lang="en"' in english
    assert "<h1>About us</h1>" in english
    assert "Funded projects and training" in html_of(client, "/en/")
    assert '<html lang="it"' in html_of(client, "/")


def test_an_italian_address_is_not_answered_under_en_nor_an_english_one_at_the_root(client, bilingual):
    assert client.get("/en/chi-siamo/").status_code == 404
    assert client.get("/about-us/").status_code == 404


def test_both_versions_name_each_other_and_italian_as_the_default(client, bilingual):
    expected = {
        "it": "http://localhost/chi-siamo/",
        "en": "http://localhost/en/about-us/",
        "x-default": "http://localhost/chi-siamo/",
    }
    assert alternates(html_of(client, "/chi-siamo/")) == expected
    assert alternates(html_of(client, "/en/about-us/")) == expected


def test_a_page_in_one_language_names_no_alternates(client, bilingual):
    assert alternates(html_of(client, "/contatti/")) == {}


def test_the_switch_leads_to_the_translation_and_back(client, bilingual):
    assert switch(html_of(client, "/chi-siamo/")) == [("/en/about-us/", "en", "en", "English")]
    assert switch(html_of(client, "/en/about-us/")) == [("/chi-siamo/", "it", "it", "Italiano")]
    assert switch(html_of(client, "/en/")) == [("/", "it", "it", "Italiano")]


def test_without_a_translation_the_switch_leads_to_the_english_home_and_its_note(client, bilingual):
    assert switch(html_of(client, "/contatti/")) == [("/en/#non-tradotta", "en", "en", "English")]
    note = re.search(r'<p id="non-tradotta" class="language-note"[^>]*>([^<]+)</p>', html_of(client, "/en/"))
    assert note and note.group(1) == "This page is not yet available in English."
    assert 'id="non-tradotta"' not in html_of(client, "/en/about-us/")


def test_a_draft_translation_is_neither_offered_nor_named(client, bilingual):
    _about, about_en, _ = bilingual
    about_en.unpublish()
    html = html_of(client, "/chi-siamo/")
    assert alternates(html) == {}
    assert switch(html) == [("/en/#non-tradotta", "en", "en", "English")]


def test_with_no_english_home_there_is_no_switch(client, home_page, english):
    assert 'class="language-switch"' not in html_of(client, "/")
    assert client.get("/en/").status_code == 404


def test_the_sitemap_lists_both_languages_with_their_alternates(client, bilingual):
    xml = client.get("/sitemap.xml").content.decode()
    urls = re.findall(r"<url>(.*?)</url>", xml, re.S)
    by_location = {re.search(r"<loc>([^<]+)</loc>", url).group(1): url for url in urls}
    assert {"http://localhost/chi-siamo/", "http://localhost/en/about-us/", "http://localhost/en/"} <= set(by_location)
    for location in ("http://localhost/chi-siamo/", "http://localhost/en/about-us/"):
        links = dict(
            re.findall(r'<xhtml:link rel="alternate" hreflang="([\w-]+)" href="([^"]+)"/>', by_location[location])
        )
        assert links == {
            "it": "http://localhost/chi-siamo/",
            "en": "http://localhost/en/about-us/",
            "x-default": "http://localhost/chi-siamo/",
        }
    assert "xhtml:link" not in by_location["http://localhost/contatti/"]
