"""The project catalogue's facets, on the shared toolkit (`core.catalogue`): text, fund, programme,
status, theme, territory, organisation, ASAP's role, start year and the order. Every facet counts
the projects it would give with the other facets applied, one grouped query per facet, so the number
of queries does not depend on the number of projects."""

from django import forms
from django.db.models import Count, F, Q
from django.db.models.functions import ExtractYear

from core.catalogue import CatalogueFilterSet, ChoiceFacet, FacetFilter, Option, SortFilter, TextFilter, id_facet
from search.query import clean_query
from search.services import matching_ids

from .inlines import ProjectOrganisation
from .snippets import AsapService, Fund, FundingProgramme, Organisation, Territory, Theme
from .status import Status

SEARCH_RESULT_LIMIT = 5000
SORTS = {
    "recenti": ("Inizio più recente", [F("effective_start").desc(nulls_last=True), "title"]),
    "fine": ("Fine più recente", [F("effective_end").desc(nulls_last=True), "title"]),
    "titolo": ("Titolo (A-Z)", ["title"]),
    "budget": ("Costo totale più alto", [F("total_cost").desc(nulls_last=True), "title"]),
}


def grouped_counts(queryset, column):
    return {row[column]: row["n"] for row in queryset.order_by().values(column).annotate(n=Count("pk"))}


def through_counts(through, project_column, column, projects):
    """Projects per related object, through a many-to-many table or the roles."""
    rows = (
        through.objects.filter(**{f"{project_column}__in": projects.order_by().values("pk")})
        .order_by()
        .values(column)
        .annotate(n=Count(project_column, distinct=True))
    )
    return {row[column]: row["n"] for row in rows}


def counted_options(objects, counts, selected, value_of=lambda o: o.pk, label_of=str):
    """An option for every object with projects, and for the chosen one even without."""
    options = []
    for obj in objects:
        value = value_of(obj)
        if counts.get(value) or value == selected:
            options.append(Option(str(value), label_of(obj), counts.get(value, 0)))
    return options


def programme_and_descendants(programme_id):
    """Projects filed under an action or an annual programme also belong to the programmes above."""
    return (
        Q(programme_id=programme_id)
        | Q(programme__parent_id=programme_id)
        | Q(programme__parent__parent_id=programme_id)
    )


def search_projects(model, text):
    """Ids of live projects matching `text`; the catalogue keeps those a visitor may see."""
    return matching_ids(model.objects.live(), text, SEARCH_RESULT_LIMIT, ranked=False)


class ProjectFilterSet(CatalogueFilterSet):
    q = TextFilter(match=search_projects, clean=clean_query)
    fondo = id_facet("Fondo", field_name="fund_id")
    programma = id_facet("Programma", method="filter_programme")
    stato = ChoiceFacet(label="Stato", choices=Status.choices, field_name="computed_status")
    tema = FacetFilter(forms.SlugField, label="Tema", field_name="themes__slug")
    territorio = id_facet("Territorio", field_name="territories")
    ente = id_facet("Organizzazione", method="filter_organisation")
    servizio = FacetFilter(forms.SlugField, label="Ruolo di ASAP", field_name="asap_services__code")
    anno = FacetFilter(
        forms.IntegerField, label="Anno di inizio", min_value=1900, max_value=2200, field_name="effective_start__year"
    )
    ordine = SortFilter(sorts=SORTS, default="recenti")

    @classmethod
    def for_catalogue(cls, request, index, organisation=None):
        """The published projects of `index`, or on an organisation's page those it takes part in."""
        projects = index.projects().with_status()
        if organisation is None:
            return cls(request.GET, projects, request=request)
        return cls(request.GET, projects.involving(organisation.pk), request=request, exclude=["ente"])

    def filter_programme(self, projects, name, programme_id):
        return projects.filter(programme_and_descendants(programme_id))

    def filter_organisation(self, projects, name, organisation_id):
        return projects.involving(organisation_id)

    # --- the options of each facet, with their counts ---

    def options_fondo(self, projects, selected):
        counts = grouped_counts(projects, "fund_id")
        return counted_options(Fund.objects.filter(pk__in=[*counts, selected or 0]), counts, selected)

    def options_programma(self, projects, selected):
        """A programme counts the projects of its annual programmes and actions too."""
        direct = grouped_counts(projects, "programme_id")
        programmes = list(FundingProgramme.objects.select_related("fund").order_by("fund__acronym", "code", "name"))
        parents = {p.pk: p.parent_id for p in programmes}
        counts = {}
        for programme_id, count in direct.items():
            seen = set()
            while programme_id and programme_id not in seen:
                seen.add(programme_id)
                counts[programme_id] = counts.get(programme_id, 0) + count
                programme_id = parents.get(programme_id)
        return counted_options(programmes, counts, selected, label_of=lambda p: f"{p.fund.acronym} · {p}")

    def options_stato(self, projects, selected):
        counts = grouped_counts(projects, "computed_status")
        return [
            Option(value, label, counts.get(value, 0))
            for value, label in Status.choices
            if counts.get(value) or value == selected
        ]

    def options_tema(self, projects, selected):
        counts = through_counts(projects.model.themes.through, "projectpage_id", "theme_id", projects)
        themes = Theme.objects.filter(Q(pk__in=list(counts)) | Q(slug=selected or "")).order_by("name")
        return [Option(t.slug, t.name, counts.get(t.pk, 0)) for t in themes]

    def options_territorio(self, projects, selected):
        counts = through_counts(projects.model.territories.through, "projectpage_id", "territory_id", projects)
        return counted_options(Territory.objects.filter(pk__in=[*counts, selected or 0]), counts, selected)

    def options_ente(self, projects, selected):
        counts = through_counts(ProjectOrganisation, "project_id", "organisation_id", projects)
        organisations = Organisation.objects.filter(pk__in=[*counts, selected or 0])
        return counted_options(organisations, counts, selected, label_of=lambda o: o.name)

    def options_servizio(self, projects, selected):
        counts = through_counts(projects.model.asap_services.through, "projectpage_id", "asapservice_id", projects)
        return [
            Option(s.code, s.name, counts.get(s.pk, 0))
            for s in AsapService.objects.all()
            if counts.get(s.pk) or s.code == selected
        ]

    def options_anno(self, projects, selected):
        rows = projects.order_by().annotate(year=ExtractYear("effective_start")).values("year").annotate(n=Count("pk"))
        counts = {row["year"]: row["n"] for row in rows if row["year"]}
        years = sorted(set(counts) | ({selected} if selected else set()), reverse=True)
        return [Option(str(year), str(year), counts.get(year, 0)) for year in years]
