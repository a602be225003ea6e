"""Translatable from birth: once the index and an article are translated, they work under /en/ with
the interface in English (the news app's catalogue), the call's deadline and the feeds included."""

import datetime

import pytest
import time_machine
from wagtail.models import Locale

from tests.factories.news import call
from tests.i18n.conftest import translate

pytestmark = pytest.mark.django_db


def test_the_english_index_article_and_feed_work_under_en(client, home_page, news_index):
    english = Locale.objects.get_or_create(language_code="en")[0]
    article = call(news_index, datetime.date(2027, 1, 15), title="Avviso per mediatori")
    translate(home_page, english, title="Home", slug="home-en", hero_title="Funded projects and training")
    index_en = translate(news_index, english, title="News", slug="news")
    article_en = translate(article, english, title="Call for cultural mediators", summary="We are hiring.")
    with time_machine.travel(datetime.datetime(2027, 1, 10, 10, 0, tzinfo=datetime.UTC), tick=False):
        index = client.get(index_en.url)
        page = client.get(article_en.url).content.decode()
        feed = client.get(f"{index_en.url}feed/bando/").content.decode()
    assert index_en.url.startswith("/en/") and index.status_code == 200
    html = index.content.decode()
    assert "1 news item" in html and "Call for cultural mediators" in html and "Filter the news" in html
    assert "Avviso per mediatori" not in html
    assert "Call for proposals" in page and "Closes " in page and "Scade" not in page
    assert "<title>News: Calls for proposals</title>" in feed and 'term="Call for proposals"' in feed
