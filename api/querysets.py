"""What each API list reads, in a constant number of queries whatever the number of rows: the
Italian (source) rows of every collection, their relations prefetched, and the organisations' totals
computed in the same query as the organisations."""

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Prefetch, Subquery, Sum, Value

from courses.models import CoursePage
from events.models import EventPage
from news.models import NewsArticlePage
from projects.models import Fund, FundingProgramme, Organisation, ProjectPage
from projects.models.inlines import ProjectOrganisation
from transparency.models import PublicContribution

ITALIAN = {"locale__language_code": settings.LANGUAGE_CODE}


def published_projects():
    """Every project a visitor may see, in Italian, with its status (the catalogue's starting set)."""
    return ProjectPage.objects.published().filter(**ITALIAN).with_status()


def project_list_rows():
    """What a project in a list shows: its fund, programme, roles with their organisations,
    territories, themes and services, one query per relation whatever the number of rows."""
    roles = ProjectOrganisation.objects.select_related("organisation").order_by("sort_order")
    return (
        published_projects()
        .defer_streamfields()
        .select_related("fund", "programme")
        .prefetch_related(Prefetch("organisation_roles", queryset=roles), "territories", "themes", "asap_services")
    )


def project_detail_rows():
    """A project's own answer adds its indicators."""
    return project_list_rows().prefetch_related("results")


def _total(queryset, expression):
    """One figure over `queryset` as a subquery (a GROUP BY on a constant, so empty gives NULL)."""
    grouped = queryset.order_by().annotate(_all=Value(1)).values("_all")
    return Subquery(grouped.annotate(figure=expression).values("figure")[:1])


def organisations_with_totals():
    """Organisations with the published projects they take part in: how many, their total cost and
    EU contribution, each project counted once whatever the roles."""
    takes_part = ProjectOrganisation.objects.filter(project=OuterRef("pk"), organisation=OuterRef(OuterRef("pk")))
    involved = ProjectPage.objects.published().filter(**ITALIAN).filter(Exists(takes_part))
    return Organisation.objects.annotate(
        project_count=_total(involved, Count("pk")),
        project_cost=_total(involved, Sum("total_cost")),
        project_eu=_total(involved, Sum("eu_contribution")),
    ).order_by("name")


def funds_with_programmes():
    programmes = FundingProgramme.objects.select_related("responsible_authority").order_by("code", "name")
    return (
        Fund.objects.filter(**ITALIAN)
        .prefetch_related(Prefetch("programmes", queryset=programmes))
        .order_by("acronym", "name")
    )


def published_contributions():
    return PublicContribution.objects.filter(live=True).select_related("granting_body").order_by("-received_on", "-pk")


def published_courses():
    return CoursePage.objects.published().filter(**ITALIAN).for_listing().order_by("title", "pk")


def published_news():
    return NewsArticlePage.objects.published().filter(**ITALIAN).defer_streamfields().order_by("-date", "-pk")


def published_events():
    return EventPage.objects.published().filter(**ITALIAN).for_listing().with_seats_taken().order_by("-start", "-pk")
