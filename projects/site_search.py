"""How projects take part in the site search: their type on /cerca/ and the snippets whose changes
must reindex them (every snippet named in `ProjectPage.search_fields`)."""

from core.dates import italian_date_range
from search.indexing import reindex_pages_using
from search.types import ResultType, result_types

from .models import Fund, FundingProgramme, Organisation, ProjectPage, Territory, Theme


def project_detail(project):
    """The status and dates, e.g. «In corso · 1 marzo 2024 - 28 febbraio 2026»."""
    parts = [project.status_label]
    if project.start_date:
        parts.append(italian_date_range(project.start_date, project.end_date))
    return " · ".join(parts)


def register():
    result_types.register(
        ResultType(
            "progetti",
            "Progetti",
            "Progetto",
            order=10,
            summary_fields=("search_description", "summary"),
            detail=project_detail,
            keywords=("progetto", "progetti", "project", "projects"),
        ),
        ProjectPage,
    )
    reindex_pages_using(Fund, ProjectPage, "fund")
    reindex_pages_using(FundingProgramme, ProjectPage, "programme")
    reindex_pages_using(Organisation, ProjectPage, "organisation_roles__organisation")
    reindex_pages_using(Theme, ProjectPage, "themes")
    reindex_pages_using(Territory, ProjectPage, "territories")
