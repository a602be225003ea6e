"""Composing an issue: the e-mail previews (HTML for mail clients, plain text) and the web archive."""

import re

import pytest

pytestmark = pytest.mark.django_db


def preview(issue, mode):
    return issue.make_preview_request(preview_mode=mode)


def test_the_html_preview_is_an_email_with_absolute_links_and_no_tracking(issue, news_article):
    response = preview(issue, "email")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Newsletter di dicembre" in html and "Aperto il bando FAMI 2027" in html
    assert f'href="http://testserver{news_article.url}"' in html or news_article.get_full_url() in html
    assert 'href="http://testserver/chi-siamo/"' in html  # an internal link in the free text, made absolute
    assert "<script" not in html and "stylesheet" not in html and "<style" not in html
    assert all(link.startswith("http") for link in re.findall(r'(?:href|src)="([^"]+)"', html))
    assert "Annulla l'iscrizione" in html and "<table" in html


def test_the_text_preview_reads_as_plain_text(issue, news_article):
    response = preview(issue, "text")
    text = response.content.decode()
    assert response["Content-Type"].startswith("text/plain")
    assert "Aperto il bando FAMI 2027" in text and news_article.get_full_url() in text
    assert "Cari lettori, chi siamo." in text and "<" not in text


def test_the_web_preview_is_the_archive_page(issue):
    assert b"Aperto il bando FAMI 2027" in preview(issue, "").content


def test_the_archive_lists_published_issues(client, issue, archive):
    response = client.get(archive.url)
    assert "Newsletter di dicembre" in response.content.decode()
    assert client.get(issue.url).status_code == 200


def test_the_demo_has_an_archive_with_one_issue(client, home_page):
    from demo.loaders import newsletter
    from tests.factories.subscriptions import topics

    topics()
    assert newsletter.seed() == 2 and newsletter.seed() == 0
    response = client.get("/archivio-newsletter/")
    assert "Newsletter di novembre: mediatori culturali e nuovi corsi" in response.content.decode()
