"""Entries for the home page's "Notizie" box: the articles editors put in evidence, then the latest,
three in all (one query). A republish purges the box only if it shows the article or changes what
the box orders by (`BOX_FACTS`, connected in `apps.py`): not on every page at each publish."""

from django.utils.translation import gettext_lazy as _

from core.boxes import BoxEntry
from core.dates import italian_date
from core.parts import listed_by_first_publish

from .models import NewsArticlePage

NEWS_BOX_TITLE = _("Notizie")
BOX_FACTS = "news:box-facts"


def box_facts(article):
    """What the box orders the articles by, besides their first publication."""
    return (article.featured, article.date)


def latest_news(home, request=None, limit=3):
    """The articles of the visitor's language: those under the home page's translation."""
    articles = (
        NewsArticlePage.objects.descendant_of(home.localized)
        .published()
        .latest_first()
        .order_by("-featured", "-date", "-first_published_at", "-pk")
    )
    with listed_by_first_publish(NewsArticlePage, facts=[BOX_FACTS]):
        articles = list(articles[:limit])
    return [
        BoxEntry(
            title=article.title,
            url=article.get_url(request),
            description=article.summary,
            meta=f"{italian_date(article.date)} · {article.get_kind_display()}",
        )
        for article in articles
    ]
