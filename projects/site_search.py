"""How projects take part in the site search: their type on /cerca/, the snippets whose changes
must reindex them (every snippet named in `ProjectPage.search_fields`), and the organisations' pages
(routes of the catalogue, not pages: a source of results of their own type, "Ente")."""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils.translation import gettext, ngettext
from modelsearch.backends import get_search_backend

from core.dates import italian_date_range
from core.language import active_locale_id
from core.parts import shared_part
from search.indexing import reindex_pages_using
from search.matches import ids_matching
from search.plans import backend_query
from search.query import fold, search_terms
from search.synonyms import expand, synonym_groups
from search.types import ResultType, result_types

from .models import Fund, FundingProgramme, Organisation, ProjectIndexPage, ProjectPage, Territory, Theme

ORGANISATIONS = "enti"


def project_detail(project):
    """The status and dates, e.g. «In corso · 1 marzo 2024 - 28 febbraio 2026»."""
    parts = [project.status_label]
    if project.start_date:
        parts.append(italian_date_range(project.start_date, project.end_date))
    return " · ".join(parts)


@dataclass
class OrganisationResult:
    """An organisation's page as a search result (what search/results.html reads)."""

    title: str
    url: str
    search_description: str
    detail: str
    search_type: str = ORGANISATIONS
    last_published_at: None = None


def published_projects():
    """The projects a visitor may see, in the address's language."""
    return ProjectPage.objects.published().filter(locale_id=active_locale_id()).values("pk")


def _prefix(word):
    return fold(word)[:4]


def organisation_word_prefixes(request):
    """The first four letters of every word of the organisations' names and acronyms (what their
    search index holds), kept as a shared part: a query none of whose words (or synonyms) starts
    like one of them cannot name an organisation, and asks the database nothing about them."""
    return shared_part(
        "search:organisation-words",
        request,
        lambda: {
            _prefix(word)
            for names in Organisation.objects.values_list("name", "acronym")
            for name in names
            for word in search_terms(name or "")
        },
    )


def may_name_an_organisation(plan, request):
    prefixes = organisation_word_prefixes(request)
    slots = expand(list(plan.terms), synonym_groups(request))
    return all(any(_prefix(word) in prefixes for words in alternatives for word in words) for alternatives in slots)


def organisations_address(request):
    """Where the organisations' pages start ("/progetti/ente/"), or "" without a public catalogue: a
    shared part, renewed when editors publish."""

    def build():
        catalogue = ProjectIndexPage.objects.live().public().filter(locale=active_locale_id()).first()
        return catalogue.get_url(request) + "ente/" if catalogue is not None else ""

    return shared_part("search:organisations-address", request, build)


def organisations_with_projects(request):
    """The organisations with published projects in the address's language, by name, each with its
    number of projects (`projects`): a shared part, renewed when editors publish, so a search that
    matches organisations reads them without a query of its own."""

    def build():
        # The count reuses the filter's join: the organisation's distinct published projects.
        found = Organisation.objects.filter(project_roles__project__in=published_projects())
        found = found.annotate(projects=Count("project_roles__project", distinct=True))
        return list(found.only("name", "acronym", "slug", "kind").order_by("name"))

    return shared_part("search:organisations-with-projects", request, build)


class OrganisationPages:
    """The organisations whose name or acronym has every word of the query (or, for the plan that
    looks inside titles, the text), among those with projects in the catalogue of the address's
    language. Words that match only some of a name (the any-word plan) find none: a page about the
    words ranks better. What a plan matches, with each one's number of projects, is asked once per
    request (the type counts and the results both need it): one full-text query, and none when no
    organisation's words could match."""

    @staticmethod
    def matching(plan, request):
        if plan.any_word or (not plan.in_titles and not may_name_an_organisation(plan, request)):
            return []
        if plan.in_titles:
            found = Organisation.objects.filter(Q(name__icontains=plan.text) | Q(acronym__iexact=plan.text))
            ids = set(found.values_list("pk", flat=True))
        else:
            query = backend_query(plan, request)
            ids = (ids_matching([query], Organisation) or [None])[0]
            if ids is None:  # the backend's queryset
                hits = get_search_backend().search(query, Organisation.objects.all(), order_by_relevance=False)
                ids = hits.get_queryset().values_list("pk", flat=True)
            ids = set(ids)
        if not ids:
            return []
        return [organisation for organisation in organisations_with_projects(request) if organisation.pk in ids]

    def matched(self, plan, request):
        kept = getattr(request, "_organisation_matches", {}) if request is not None else {}
        if plan not in kept:
            kept[plan] = list(self.matching(plan, request))
            if request is not None:
                request._organisation_matches = kept
        return kept[plan]

    def count(self, plan, request=None):
        return len(self.matched(plan, request))

    def results(self, plan, request=None):
        organisations = self.matched(plan, request)
        base = organisations_address(request) if organisations else ""
        if not base:
            return []
        return [
            OrganisationResult(
                title=str(organisation),
                url=f"{base}{organisation.slug}/",
                search_description=gettext("I progetti di %(name)s con ASAP: ruoli, fondi e importi.")
                % {"name": organisation.name},
                detail=" · ".join(
                    [
                        str(organisation.get_kind_display()),
                        ngettext("%(n)d progetto", "%(n)d progetti", organisation.projects)
                        % {"n": organisation.projects},
                    ]
                ),
            )
            for organisation in organisations
        ]


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
    result_types.register_source(
        ResultType(
            ORGANISATIONS,
            "Enti",
            "Ente",
            order=15,
            summary_fields=("search_description",),
            detail=lambda result: result.detail,
            keywords=("ente", "enti", "organisation", "organisations", "organization"),
        ),
        OrganisationPages(),
    )
    reindex_pages_using(Fund, ProjectPage, "fund")
    reindex_pages_using(FundingProgramme, ProjectPage, "programme")
    reindex_pages_using(Organisation, ProjectPage, "organisation_roles__organisation")
    reindex_pages_using(Theme, ProjectPage, "themes")
    reindex_pages_using(Territory, ProjectPage, "territories")
