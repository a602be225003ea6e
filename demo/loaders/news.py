"""The news catalogue (news.yaml): the "Notizie" page and a dozen articles linked to the demo's
projects, courses, themes, territories and organisations. The calls' dates are counted from the day
the demo is loaded, so one call is always open and one always closed."""

import datetime

from django.utils import timezone

from courses.models import CoursePage
from demo.helpers import (
    add_page,
    child_page,
    cover_image,
    ensure_page,
    home_page,
    read,
    site_image,
    stream,
    text_document,
)
from news.models import NewsArticlePage, NewsDocument, NewsIndexPage
from projects.models import Organisation, ProjectPage, Territory, Theme


def seed():
    home = home_page()
    if home is None:
        return 0
    data = read("news")
    index, created = ensure_page(home, NewsIndexPage, data["index"])
    today = timezone.localdate()
    for fields in data["articles"]:
        if child_page(index, NewsArticlePage, fields["slug"]) is None:
            add_page(index, build_article(fields, today))
            created += 1
    return created


def build_article(fields, today):
    days_ago = fields.get("days_ago")
    article = NewsArticlePage(
        slug=fields["slug"],
        title=fields["title"],
        kind=fields["kind"],
        date=today - datetime.timedelta(days=days_ago) if days_ago is not None else fields["date"],
        summary=fields["summary"],
        body=stream(fields.get("body", [])),
        image=site_image(fields["image"]) if "image" in fields else cover_image(fields["title"], fields["cover"]),
    )
    if "deadline_in_days" in fields:
        article.deadline_date = today + datetime.timedelta(days=fields["deadline_in_days"])
        if "deadline_time" in fields:
            article.deadline_time = datetime.time.fromisoformat(fields["deadline_time"])
    article.related_projects = list(ProjectPage.objects.filter(slug__in=fields.get("projects", [])))
    article.related_courses = list(CoursePage.objects.filter(slug__in=fields.get("courses", [])))
    article.themes = list(Theme.objects.filter(slug__in=fields.get("themes", [])))
    article.territories = list(Territory.objects.filter(name__in=fields.get("territories", [])))
    article.organisations = list(Organisation.objects.filter(name__in=fields.get("organisations", [])))
    article.documents = [
        NewsDocument(document=text_document(doc["title"], doc["filename"], doc["content"]), title=doc["title"])
        for doc in fields.get("documents", [])
    ]
    return article
