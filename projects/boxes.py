"""Entries for the "Progetti" box: the latest published projects."""

from core.boxes import BoxEntry

from .models import ProjectPage


def latest_projects(home, request=None, limit=3):
    projects = ProjectPage.objects.descendant_of(home).published().latest_first()[:limit]
    return [
        BoxEntry(
            title=project.title,
            url=project.get_url(request),
            description=project.summary,
            meta=project.fund.acronym if project.fund_id else "",
        )
        for project in projects
    ]
