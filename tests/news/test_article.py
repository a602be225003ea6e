"""An article's page (NewsArticle JSON-LD, og:image from its image, documents, links), and where news
shows elsewhere: the home's "Notizie" box, "Aggiornamenti" on a project's and an organisation's page,
the site search's "Notizie" type, the sitemap with lastmod; valid HTML and constant queries."""

import datetime
import json
import re

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news.kinds import Kind
from tests.factories import ImageFactory
from tests.factories.news import NewsArticlePageFactory, call
from tests.factories.projects import OrganisationFactory, ProjectPageFactory, ThemeFactory

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2027, 1, 10, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield


def json_ld(html):
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))


def test_an_article_says_what_it_is_with_newsarticle_data_and_its_image_for_sharing(
    client, news_index, project_catalogue
):
    project = ProjectPageFactory(parent=project_catalogue, title="Sportelli a Latina")
    article = NewsArticlePageFactory(
        parent=news_index,
        title="Al via gli sportelli",
        date=datetime.date(2026, 9, 15),
        image=ImageFactory(),
        links={"related_projects": [project], "themes": [ThemeFactory(name="Integrazione")]},
    )
    html = client.get(article.url).content.decode()
    assert '<time datetime="2026-09-15">15 settembre 2026</time>' in html
    assert '<a href="/progetti/sportelli-a-latina/">Sportelli a Latina</a>' in html.replace(
        project.url, "/progetti/sportelli-a-latina/"
    )
    assert re.search(r'<meta property="og:image" content="http://testserver/media/images/[^"]+\.fill-1200x630\.', html)
    assert '<meta property="og:type" content="article">' in html
    data = json_ld(html)
    assert data["@type"] == "NewsArticle" and data["headline"] == "Al via gli sportelli"
    assert data["datePublished"] == "2026-09-15" and data["articleSection"] == "Notizia"
    assert (
        data["image"].startswith("http://testserver/media/images/") and data["about"][0]["name"] == "Sportelli a Latina"
    )


def test_a_call_shows_its_deadline_and_documents(client, news_index):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    document = get_document_model()(title="Testo dell'avviso")
    document.file.save("avviso.txt", ContentFile(b"Avviso"), save=True)
    page = call(news_index, datetime.date(2027, 1, 15))
    page.documents.create(document=document)
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert html.count("Scade il 15 gennaio 2027") == 2  # beside the date and in the "Scadenza" box
    assert "Testo dell&#x27;avviso" in html and "/documents/" in html


def test_the_home_box_shows_editors_picks_then_the_latest_three(client, news_index):
    for n in range(4):
        NewsArticlePageFactory(
            parent=news_index, title=f"Notizia del giorno {n + 1}", date=datetime.date(2026, 5, n + 1)
        )
    NewsArticlePageFactory(parent=news_index, title="In evidenza", date=datetime.date(2025, 1, 1), featured=True)
    html = client.get("/").content.decode()
    box = re.search(r'<section class="box" id="box-notizie".*?</section>', html, re.S).group(0)
    assert re.findall(r'<a href="[^"]+">([^<]+)</a>', box) == [
        "In evidenza",
        "Notizia del giorno 4",
        "Notizia del giorno 3",
    ]
    assert "4 maggio 2026 · Notizia" in box


def test_publishing_an_article_updates_the_home_box_at_once(client, news_index, page_cache):
    client.get("/")
    article = NewsArticlePageFactory(parent=news_index, title="Appena pubblicata", live=False)
    article.save_revision().publish()
    assert "Appena pubblicata" in client.get("/").content.decode()


def test_projects_and_organisations_show_their_updates(client, news_index, project_catalogue):
    regione = OrganisationFactory(name="Regione Lazio")
    project = ProjectPageFactory(parent=project_catalogue, title="Sportelli")
    NewsArticlePageFactory(parent=news_index, title="Avvio degli sportelli", links={"related_projects": [project]})
    NewsArticlePageFactory(
        parent=news_index, title="Accordo con la Regione", kind=Kind.PRESS, links={"organisations": [regione]}
    )
    NewsArticlePageFactory(parent=news_index, title="Altro", live=False, links={"related_projects": [project]})
    html = client.get(project.url).content.decode()
    assert '<h2 id="aggiornamenti">Aggiornamenti</h2>' in html and "Avvio degli sportelli" in html
    assert "Accordo con la Regione" not in html.split("aggiornamenti")[1] and ">Altro<" not in html
    organisation = client.get(f"{project_catalogue.url}ente/{regione.slug}/").content.decode()
    assert "Aggiornamenti" in organisation and "Accordo con la Regione" in organisation
    other = ProjectPageFactory(parent=project_catalogue)
    assert "Aggiornamenti" not in client.get(other.url).content.decode()


def test_news_has_its_own_type_in_the_site_search(client, news_index):
    NewsArticlePageFactory(parent=news_index, title="Mediatori culturali negli sportelli", summary="Selezione aperta.")
    html = client.get("/cerca/", {"q": "mediatori"}).content.decode()
    assert "Mediatori culturali negli sportelli" in html and "tipo=notizie" in html
    assert "Notizia" in client.get("/cerca/", {"q": "mediatori", "tipo": "notizie"}).content.decode()


def test_the_sitemap_lists_articles_with_lastmod(client, news_index):
    article = NewsArticlePageFactory(parent=news_index, slug="al-via")
    article.save_revision().publish()  # as editors publish
    article.refresh_from_db()
    sitemap = client.get("/sitemap.xml").content.decode()
    entry = re.search(
        r"<url><loc>[^<]*/notizie/al-via/</loc><lastmod>([^<]+)</lastmod>", sitemap.replace("\n", "").replace(" ", "")
    )
    assert entry and article.last_published_at.date().isoformat() in entry.group(1)


def article_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_an_article_costs_the_same_queries_however_many_links_it_has(client, news_index, project_catalogue):
    few = NewsArticlePageFactory(parent=news_index, image=ImageFactory())
    projects = [ProjectPageFactory(parent=project_catalogue) for _ in range(6)]
    themes = [ThemeFactory() for _ in range(4)]
    many = NewsArticlePageFactory(
        parent=news_index, image=ImageFactory(), links={"related_projects": projects, "themes": themes}
    )
    assert article_queries(client, few.url) == article_queries(client, many.url)


def test_news_pages_are_valid_html(client, news_index, project_catalogue, assert_valid_html):
    project = ProjectPageFactory(parent=project_catalogue)
    call(news_index, datetime.date(2027, 1, 15), title="Avviso <aperto>", links={"related_projects": [project]})
    article = NewsArticlePageFactory(parent=news_index, image=ImageFactory(), links={"themes": [ThemeFactory()]})
    urls = [news_index.url, f"{news_index.url}?tipo=bando&anno=x", article.url, project.url, "/"]
    assert_valid_html(
        {url.strip("/").replace("/", "_").replace("?", "_") or "home": client.get(url).content.decode() for url in urls}
    )
