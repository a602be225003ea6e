"""The news catalogue: newest first, filters by kind, theme, year and open calls with counts, its
state in the address, Atom feeds (all and per kind) named in the page's head, constant queries."""

import datetime
import re
from html import unescape
from urllib.parse import urlencode
from xml.etree import ElementTree

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from news.kinds import Kind
from tests.factories.news import NewsArticlePageFactory, call
from tests.factories.projects import ThemeFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
NOW = datetime.datetime(2027, 1, 10, 10, 0, tzinfo=datetime.UTC)


def titles(response):
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


def options(response, name):
    html = response.content.decode()
    select = re.search(rf'<select name="{name}" id="filtro-{name}">(.*?)</select>', html, re.S).group(1)
    return [text.strip() for text in re.findall(r">([^<]+)</option>", select)]


@pytest.fixture
def newsroom(news_index):
    theme = ThemeFactory(name="Integrazione", slug="integrazione")
    NewsArticlePageFactory(parent=news_index, title="Avvio del progetto", date=datetime.date(2025, 9, 1))
    NewsArticlePageFactory(
        parent=news_index,
        title="Risultati del primo anno",
        date=datetime.date(2026, 6, 1),
        links={"themes": [theme]},
    )
    NewsArticlePageFactory(parent=news_index, title="Nuova sede", kind=Kind.PRESS, date=datetime.date(2026, 2, 1))
    call(news_index, datetime.date(2027, 2, 1), title="Avviso aperto", date=datetime.date(2026, 12, 1))
    call(news_index, datetime.date(2026, 12, 20), title="Bando chiuso", date=datetime.date(2026, 11, 1))
    return theme


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield


def test_the_latest_news_come_first_with_their_kind_and_the_calls_state(client, news_index, newsroom):
    response = client.get(news_index.url)
    assert titles(response) == [
        "Avviso aperto",
        "Bando chiuso",
        "Risultati del primo anno",
        "Nuova sede",
        "Avvio del progetto",
    ]
    html = unescape(response.content.decode())
    assert "5 notizie" in html
    assert "Scade il 1 febbraio 2027" not in html and "Scade l'1 febbraio 2027" in html
    assert "Scaduto" in html and "Comunicato stampa" in html


def test_filters_by_kind_theme_year_and_open_calls_with_counts(client, news_index, newsroom):
    by_kind = client.get(news_index.url, {"tipo": "bando"})
    assert titles(by_kind) == ["Avviso aperto", "Bando chiuso"]
    assert options(by_kind, "tipo") == ["Tutti", "Notizia (2)", "Avviso o bando (2)", "Comunicato stampa (1)"]
    assert options(by_kind, "anno") == ["Tutti", "2026 (2)"]
    assert titles(client.get(news_index.url, {"tema": "integrazione"})) == ["Risultati del primo anno"]
    assert titles(client.get(news_index.url, {"anno": "2025"})) == ["Avvio del progetto"]
    assert titles(client.get(news_index.url, {"aperti": "on"})) == ["Avviso aperto"]
    combined = client.get(news_index.url, {"tipo": "notizia", "anno": "2026"})
    assert titles(combined) == ["Risultati del primo anno"]
    assert "Rimuovi filtro: </span>Tipo: Notizia" in combined.content.decode()


def test_the_filters_work_without_javascript_and_bad_values_are_reported(client, news_index, newsroom):
    html = client.get(news_index.url, {"tipo": "nessuno", "anno": "duemila"}).content.decode()
    assert "<form" in html and 'method="get"' in html
    assert "Valore non valido: scegli una delle opzioni proposte." in html
    assert "5 notizie" in html


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.tuples(st.sampled_from(["q", "tipo", "tema", "anno", "aperti", "page"]), st.text(max_size=20)), max_size=5
    )
)
def test_any_query_string_gives_a_page_not_an_error(client, news_index, pairs):
    assert client.get(f"{news_index.url}?{urlencode(pairs)}").status_code == 200


def test_pagination_keeps_the_filters(client, news_index):
    news_index.articles_per_page = 2
    news_index.save_revision().publish()
    for n in range(5):
        NewsArticlePageFactory(parent=news_index, title=f"Notizia {n}", date=datetime.date(2026, 1, n + 1))
    html = client.get(news_index.url, {"tipo": "notizia", "page": 2}).content.decode()
    assert "Pagina 2 di 3" in html
    assert 'href="?page=3&amp;tipo=notizia"' in html


def test_atom_feeds_of_all_news_and_of_each_kind_are_named_in_the_head(client, news_index, newsroom):
    html = client.get(news_index.url).content.decode()
    assert f'<link rel="alternate" type="application/atom+xml" title="Notizie" href="{news_index.url}feed/">' in html
    assert f'href="{news_index.url}feed/bando/"' in html
    everything = client.get(f"{news_index.url}feed/")
    assert everything["Content-Type"] == "application/atom+xml; charset=utf-8"
    entries = ElementTree.fromstring(everything.content).findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries][:2] == ["Avviso aperto", "Bando chiuso"]
    calls = ElementTree.fromstring(client.get(f"{news_index.url}feed/bando/").content)
    assert calls.find(f"{ATOM}title").text == "Notizie: Avvisi e bandi"
    assert [e.find(f"{ATOM}category").get("term") for e in calls.findall(f"{ATOM}entry")] == ["Avviso o bando"] * 2
    assert client.get(f"{news_index.url}feed/altro/").status_code == 404


def index_queries(client, url):
    client.get(url)  # warm what every page shares (site, renditions)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_queries_do_not_grow_with_the_number_of_articles(client, news_index, newsroom):
    urls = [news_index.url, f"{news_index.url}?tipo=bando&tema=integrazione", f"{news_index.url}?aperti=on"]
    few = [index_queries(client, url) for url in urls]
    for _ in range(30):
        NewsArticlePageFactory(parent=news_index, links={"themes": [newsroom]}, date=datetime.date(2026, 1, 1))
    many = [index_queries(client, url) for url in urls]
    assert few == many
    assert few[0] <= 2, "kept parts: only the routing and the next deadline are asked"
