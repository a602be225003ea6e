"""How news takes part in the site search: its own type on /cerca/ ("Notizie", with the date and
kind as the detail line) and the snippets whose renaming must reindex the articles."""

from django.utils.translation import gettext_lazy as _

from core.dates import italian_date
from projects.models import Organisation, Territory, Theme
from search.indexing import reindex_pages_using
from search.types import ResultType, result_types

from .models import NewsArticlePage


def article_detail(article):
    """«Avviso o bando · 3 marzo 2026 · Scade il 15 gennaio 2027»."""
    parts = [str(article.get_kind_display()), italian_date(article.date)]
    if deadline := article.deadline():
        parts.append(deadline.label)
    return " · ".join(parts)


def register():
    result_types.register(
        ResultType(
            "notizie",
            _("Notizie"),
            _("Notizia"),
            order=25,
            summary_fields=("search_description", "summary"),
            detail=article_detail,
            # Calls are articles of a kind: "bandi aperti" steers to news, where the call is.
            keywords=("notizia", "notizie", "news", "avviso", "avvisi", "bando", "bandi", "comunicato", "comunicati"),
        ),
        NewsArticlePage,
    )
    reindex_pages_using(Theme, NewsArticlePage, "themes")
    reindex_pages_using(Territory, NewsArticlePage, "territories")
    reindex_pages_using(Organisation, NewsArticlePage, "organisations")
