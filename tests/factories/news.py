"""Factories for the news catalogue."""

import datetime

import factory
import wagtail_factories

from news.kinds import Kind
from news.models import NewsArticlePage, NewsIndexPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Notizie"
    slug = "notizie"
    intro = "Le notizie di ASAP."

    class Meta:
        model = NewsIndexPage


class NewsArticlePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Notizia {n}")
    slug = factory.Sequence(lambda n: f"notizia-{n}")
    summary = "Una notizia di prova."
    kind = Kind.NEWS
    date = datetime.date(2026, 3, 1)

    class Meta:
        model = NewsArticlePage
        skip_postgeneration_save = True

    @factory.post_generation
    def links(self, create, extracted, **kwargs):
        """`links={"themes": [...], "related_projects": [...]}`: many-to-many links, then one save."""
        if create and extracted:
            for name, values in extracted.items():
                getattr(self, name).set(values)
            self.save()


def call(parent, deadline_date, deadline_time=None, **fields):
    """A published call for proposals with this deadline."""
    return NewsArticlePageFactory(
        parent=parent, kind=Kind.CALL, deadline_date=deadline_date, deadline_time=deadline_time, **fields
    )
