"""The "Aggiornamenti" section on a project's page and an organisation's page: the latest articles
about it, added through `core.sections` (projects does not know news). Kept as a shared part per
subject until editors change something."""

from django.template.loader import render_to_string
from django.utils.translation import get_language

from core.parts import shared_part
from core.sections import register_section
from projects.models import Organisation, ProjectPage

from .models import NewsArticlePage

LIMIT = 3


def updates(request, subject):
    if isinstance(subject, ProjectPage):
        name, articles = f"news:updates:project:{subject.pk}", NewsArticlePage.objects.about_project(subject)
    elif isinstance(subject, Organisation):
        name = f"news:updates:organisation:{subject.pk}"
        articles = NewsArticlePage.objects.about_organisation(subject).filter(locale__language_code=get_language())
    else:
        return ""

    def build():
        latest = list(articles.published().latest_first()[:LIMIT])
        return (
            render_to_string(
                "news/includes/updates.html", {"articles": latest, "contained": isinstance(subject, ProjectPage)}
            )
            if latest
            else ""
        )

    return shared_part(name, request, build)


def register():
    register_section(updates)
