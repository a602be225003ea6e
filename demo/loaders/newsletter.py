"""The newsletter's archive (newsletter.yaml) with one past issue, so the archive and an issue's web
version have something to show; and two territory topics for the sign-up form."""

from wagtail.rich_text import RichText

from courses.models import CoursePage
from demo.helpers import add_page, child_page, ensure_page, home_page, read
from news.models import NewsArticlePage
from newsletter.models import NewsletterIndexPage, NewsletterIssuePage
from subscriptions.models import Topic


def seed():
    data = read("newsletter")
    for order, fields in enumerate(data["territory_topics"], start=10):
        Topic.objects.get_or_create(slug=fields["slug"], defaults={**fields, "sort_order": order})
    home = home_page()
    if home is None:
        return 0
    index, created = ensure_page(home, NewsletterIndexPage, data["index"])
    for fields in data["issues"]:
        if child_page(index, NewsletterIssuePage, fields["slug"]) is not None:
            continue
        body = [("text", RichText(fields["text"]))]
        body += [("news", page) for page in NewsArticlePage.objects.filter(slug__in=fields["news"])]
        body += [("course", page) for page in CoursePage.objects.filter(slug__in=fields["courses"])]
        issue = NewsletterIssuePage(slug=fields["slug"], title=fields["title"], intro=fields["intro"], body=body)
        issue.topics = list(Topic.objects.filter(slug__in=fields["topics"]))
        add_page(index, issue)
        created += 1
    return created
