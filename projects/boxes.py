"""Entries for the home page's "Progetti" box: the latest published projects."""

from core.boxes import BoxEntry

from .models import ProjectPage


def latest_projects(home, request=None, limit=3):
    projects = (
        ProjectPage.objects.descendant_of(home)
        .live()
        .public()
        .defer_streamfields()
        .select_related("fund")
        .order_by("-first_published_at", "-pk")[:limit]
    )
    return [
        BoxEntry(
            title=project.title,
            url=project.get_url(request),
            description=project.summary,
            meta=project.fund.acronym if project.fund_id else "",
        )
        for project in projects
    ]
