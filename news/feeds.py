"""The Atom feeds of a news index: all its articles (`feed/`) and those of one kind (`feed/bando/`),
the latest first, each with its kind as category."""

from django.http import HttpResponse
from django.utils import feedgenerator
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .kinds import PLURALS

FEED_LENGTH = 30


def atom_feed(request, index, kind=None):
    articles = index.articles().latest_first()
    if kind is not None:
        articles = articles.filter(kind=kind)
    title = f"{index.title}: {PLURALS[kind]}" if kind else index.title
    feed = feedgenerator.Atom1Feed(
        title=title,
        link=index.get_full_url(request),
        description=index.intro or _("Le notizie più recenti."),
        language=get_language(),
        feed_url=request.build_absolute_uri(),
    )
    for article in articles[:FEED_LENGTH]:
        url = article.get_full_url(request)
        feed.add_item(
            title=article.title,
            link=url,
            description=article.summary,
            unique_id=url,
            pubdate=article.first_published_at,
            updateddate=article.last_published_at,
            categories=[str(article.get_kind_display())],
        )
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response
