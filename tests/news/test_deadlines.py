"""A call says "Scade il ..." until its deadline and "Scaduto" after it, without anyone editing, on its
page, on its card and in the "open calls" listing, and no cached copy outlives the deadline. The clock
is always frozen (time_machine): nothing here depends on today's date."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine

from news.deadlines import closing_instant, deadline_state
from tests.factories.news import NewsArticlePageFactory, call

pytestmark = pytest.mark.django_db
ROME = ZoneInfo("Europe/Rome")


def titles(html):
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', html)


def at(*args):
    return datetime.datetime(*args, tzinfo=ROME)


def test_a_deadline_without_a_time_lasts_the_whole_day_in_rome():
    assert closing_instant(datetime.date(2027, 1, 15)) == at(2027, 1, 16, 0, 0)
    assert closing_instant(datetime.date(2027, 1, 15), datetime.time(12, 0)) == at(2027, 1, 15, 12, 0)
    day = datetime.date(2027, 1, 15)
    assert deadline_state(day, None, at(2027, 1, 15, 23, 59)).label == "Scade il 15 gennaio 2027"
    assert deadline_state(day, None, at(2027, 1, 16, 0, 0)).label == "Scaduto"
    assert deadline_state(datetime.date(2027, 3, 8), datetime.time(9, 30), at(2027, 1, 1)).label == (
        "Scade l'8 marzo 2027, ore 9:30"
    )


def test_news_and_press_releases_have_no_deadline(news_index):
    article = NewsArticlePageFactory(parent=news_index)
    assert article.deadline(at(2027, 1, 1)) is None
    assert article.closes_at is None


def test_the_page_turns_to_scaduto_at_the_deadline_even_from_the_page_cache(client, news_index, page_cache):
    page = call(news_index, datetime.date(2027, 1, 15), datetime.time(12, 0), title="Avviso per mediatori")
    with time_machine.travel(at(2027, 1, 15, 11, 58), tick=False):
        first = client.get(page.url)
        assert "Scade il 15 gennaio 2027, ore 12:00" in first.content.decode()
        # kept, but only until the deadline: s-maxage says so to Varnish too
        assert "s-maxage=120" in first["Cache-Control"]
        assert "Scade il" in client.get(page.url).content.decode()
    with time_machine.travel(at(2027, 1, 15, 12, 0, 1), tick=False):
        html = client.get(page.url).content.decode()
    assert "Scaduto" in html and "Scade il" not in html


def test_the_card_and_the_open_calls_listing_follow_the_clock(client, news_index, page_cache):
    call(news_index, datetime.date(2027, 1, 15), title="Bando che scade")
    call(news_index, datetime.date(2027, 6, 30), title="Bando ancora aperto")
    NewsArticlePageFactory(parent=news_index, title="Notizia senza scadenza")
    open_calls = f"{news_index.url}?aperti=on"
    with time_machine.travel(at(2027, 1, 15, 23, 57), tick=False):
        html = client.get(open_calls).content.decode()
        assert titles(html) == ["Bando ancora aperto", "Bando che scade"] and "2 notizie" in html
        assert "Scade il 15 gennaio 2027" in client.get(news_index.url).content.decode()
    with time_machine.travel(at(2027, 1, 16, 0, 0, 1), tick=False):
        html = client.get(open_calls).content.decode()
        assert titles(html) == ["Bando ancora aperto"] and "1 notizia" in html
        index = client.get(news_index.url).content.decode()
    assert "Scaduto" in index and "Scade il 15 gennaio 2027" not in index
    assert "Scade il 30 giugno 2027" in index
    assert titles(index) == ["Notizia senza scadenza", "Bando ancora aperto", "Bando che scade"]


def test_an_editor_cannot_give_a_deadline_to_plain_news(news_index):
    from django.core.exceptions import ValidationError

    article = NewsArticlePageFactory.build(deadline_date=datetime.date(2027, 1, 1))
    with pytest.raises(ValidationError) as error:
        article.clean()
    assert "Solo un avviso o bando ha una scadenza." in str(error.value)
