"""How projects take part in the site search: their type on /cerca/ and the snippets whose changes
must reindex them (every snippet named in `ProjectPage.search_fields`)."""

from search.indexing import reindex_pages_using
from search.types import ResultType, result_types, short_date

from .models import Fund, FundingProgramme, Organisation, ProjectPage, Territory, Theme


def project_detail(project):
    """The status and dates, e.g. «In corso · dal 01/03/2024 al 28/02/2026»."""
    parts = [project.status_label]
    start, end = project.start_date, project.end_date
    if start and end:
        parts.append(f"dal {short_date(start)} al {short_date(end)}")
    elif start:
        parts.append(f"dal {short_date(start)}")
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
        ),
        ProjectPage,
    )
    reindex_pages_using(Fund, ProjectPage, "fund")
    reindex_pages_using(FundingProgramme, ProjectPage, "programme")
    reindex_pages_using(Organisation, ProjectPage, "organisation_roles__organisation")
    reindex_pages_using(Theme, ProjectPage, "themes")
    reindex_pages_using(Territory, ProjectPage, "territories")
