import pytest
from wagtail.rich_text import RichText

from tests.factories.news import NewsArticlePageFactory, NewsIndexPageFactory
from tests.factories.newsletter import NewsletterIndexPageFactory, NewsletterIssuePageFactory
from tests.factories.subscriptions import topics


@pytest.fixture
def archive(home_page):
    topics()
    return NewsletterIndexPageFactory(parent=home_page)


@pytest.fixture
def news_article(home_page):
    index = NewsIndexPageFactory(parent=home_page)
    return NewsArticlePageFactory(parent=index, title="Aperto il bando FAMI 2027", summary="Scadenza a marzo.")


@pytest.fixture
def issue(archive, news_article):
    return NewsletterIssuePageFactory(
        parent=archive,
        title="Newsletter di dicembre",
        body=[
            ("text", RichText('<p>Cari lettori, <a href="/chi-siamo/">chi siamo</a>.</p>')),
            ("news", news_article),
        ],
        topic_slugs=["notizie"],
    )
