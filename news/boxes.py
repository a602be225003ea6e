"""Entries for the home page's "Notizie" box: the articles editors put in evidence, then the latest,
three in all (one query)."""

from django.utils.translation import gettext_lazy as _

from core.boxes import BoxEntry
from core.dates import italian_date

from .models import NewsArticlePage

NEWS_BOX_TITLE = _("Notizie")


def latest_news(home, request=None, limit=3):
    """The articles of the visitor's language: those under the home page's translation."""
    articles = (
        NewsArticlePage.objects.descendant_of(home.localized)
        .published()
        .latest_first()
        .order_by("-featured", "-date", "-first_published_at", "-pk")
    )
    return [
        BoxEntry(
            title=article.title,
            url=article.get_url(request),
            description=article.summary,
            meta=f"{italian_date(article.date)} · {article.get_kind_display()}",
        )
        for article in articles[:limit]
    ]
