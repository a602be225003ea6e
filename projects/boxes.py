"""Entries for the "Progetti" box: the latest published projects."""

from core.boxes import BoxEntry
from core.parts import listed_by_first_publish

from .models import ProjectPage


def latest_projects(home, request=None, limit=3):
    with listed_by_first_publish(ProjectPage):  # newest first: a republish moves nothing in or out
        projects = list(ProjectPage.objects.descendant_of(home).published().latest_first()[:limit])
    return [
        BoxEntry(
            title=project.title,
            url=project.get_url(request),
            description=project.summary,
            meta=project.fund.acronym if project.fund_id else "",
        )
        for project in projects
    ]
