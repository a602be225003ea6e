"""The project catalogue's facets, on the shared toolkit (`catalogue.filters`): text, fund, programme,
status, theme, territory, organisation, ASAP's role, start year and the order. Every facet counts
the projects it would give with the other facets applied, all in one query, and the options' labels
are read once per site and change (`facet_choices`), so the number of queries depends neither on
the number of projects nor on the number of facets."""

from django import forms
from django.db.models import Count, F, Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from catalogue.filters import (
    CatalogueFilterSet,
    ChoiceFacet,
    FacetFilter,
    Option,
    SortFilter,
    TextFilter,
    facet_counts,
    id_facet,
)
from core.language import in_active_language
from core.parts import shared_part
from core.translatable import in_language, source_rows
from search.query import clean_query
from search.services import matching_ids

from .catalogue_facts import FACTS_TAG
from .models.inlines import ProjectOrganisation
from .models.snippets import AsapService, Fund, FundingProgramme, Organisation, Territory, Theme
from .status import Status

SEARCH_RESULT_LIMIT = 5000
SORTS = {
    "recenti": (_("Inizio più recente"), [F("effective_start").desc(nulls_last=True), "title"]),
    "fine": (_("Fine più recente"), [F("effective_end").desc(nulls_last=True), "title"]),
    "titolo": (_("Titolo (A-Z)"), ["title"]),
    "budget": (_("Costo totale più alto"), [F("total_cost").desc(nulls_last=True), "title"]),
}


def counted_options(choices, counts, selected):
    """An option for every (value, label) with projects, and for the chosen one even without."""
    selected = "" if selected is None else str(selected)
    return [
        Option(value, label, counts.get(value, 0)) for value, label in choices if counts.get(value) or value == selected
    ]


def by_name(rows):
    """Rows in the order of their names as shown: on English pages the translated names' order
    (the database ordered the Italian ones)."""
    return sorted(rows, key=lambda row: row.name.casefold()) if in_active_language() else rows


def facet_choices():
    """(value, label) of every fund, programme, theme, territory, organisation and ASAP service, in
    the order the facets list them, with the programme tree: the same for every request (of a
    language: themes and territories are named in the address's, their values are the Italian rows')."""
    programmes = FundingProgramme.objects.select_related("fund").order_by("fund__acronym", "code", "name")
    return {
        "fondo": [(str(f.pk), str(f)) for f in source_rows(Fund.objects.all())],
        "programma": [(str(p.pk), f"{p.fund.acronym} · {p}") for p in programmes],
        "programme_parents": {str(p.pk): str(p.parent_id) for p in programmes if p.parent_id},
        "tema": [(t.slug, t.name) for t in by_name(in_language(source_rows(Theme.objects.order_by("name"))))],
        "territorio": [(str(t.pk), str(t)) for t in by_name(in_language(source_rows(Territory.objects.all())))],
        "ente": [(str(pk), name) for pk, name in Organisation.objects.values_list("pk", "name")],
        "servizio": list(AsapService.objects.values_list("code", "name")),
    }


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
    fondo = id_facet(_("Fondo"), field_name="fund_id")
    programma = id_facet(_("Programma"), method="filter_programme")
    stato = ChoiceFacet(label=_("Stato"), choices=Status.choices, field_name="computed_status")
    tema = FacetFilter(forms.SlugField, label=_("Tema"), field_name="themes__slug")
    territorio = id_facet(_("Territorio"), field_name="territories")
    ente = id_facet(_("Organizzazione"), method="filter_organisation")
    servizio = FacetFilter(forms.SlugField, label=_("Ruolo di ASAP"), field_name="asap_services__code")
    anno = FacetFilter(
        forms.IntegerField, label=_("Anno di inizio"), min_value=1900, max_value=2200, field_name="start_year"
    )
    ordine = SortFilter(sorts=SORTS, default="recenti")

    # A republish sorts and counts again only when it changes what they read (`catalogue_facts`).
    fact_tags = (FACTS_TAG,)

    @property
    def listed_models(self):
        return (self.queryset.model,)

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

    # --- each facet's counts (one query for all, see `CatalogueFilterSet.count_options`) and options ---

    @cached_property
    def choices(self):
        return shared_part("projects:facet-choices", self.request, facet_choices)

    def counts_fondo(self, projects):
        return facet_counts(projects, "fund_id")

    def options_fondo(self, counts, selected):
        return counted_options(self.choices["fondo"], counts, selected)

    def counts_programma(self, projects):
        return facet_counts(projects, "programme_id")

    def options_programma(self, direct, selected):
        """A programme counts the projects of its annual programmes and actions too."""
        parents, counts = self.choices["programme_parents"], {}
        for programme_id, count in direct.items():
            seen = set()
            while programme_id and programme_id not in seen:
                seen.add(programme_id)
                counts[programme_id] = counts.get(programme_id, 0) + count
                programme_id = parents.get(programme_id)
        return counted_options(self.choices["programma"], counts, selected)

    def counts_stato(self, projects):
        return facet_counts(projects, "computed_status")

    def options_stato(self, counts, selected):
        return counted_options(Status.choices, counts, selected)

    def counts_tema(self, projects):
        through = projects.model.themes.through.objects.filter(projectpage_id__in=projects.order_by().values("pk"))
        return facet_counts(through, "theme__slug", Count("projectpage_id", distinct=True))

    def options_tema(self, counts, selected):
        return counted_options(self.choices["tema"], counts, selected)

    def counts_territorio(self, projects):
        through = projects.model.territories.through.objects.filter(projectpage_id__in=projects.order_by().values("pk"))
        return facet_counts(through, "territory_id", Count("projectpage_id", distinct=True))

    def options_territorio(self, counts, selected):
        return counted_options(self.choices["territorio"], counts, selected)

    def counts_ente(self, projects):
        roles = ProjectOrganisation.objects.filter(project_id__in=projects.order_by().values("pk"))
        return facet_counts(roles, "organisation_id", Count("project_id", distinct=True))

    def options_ente(self, counts, selected):
        return counted_options(self.choices["ente"], counts, selected)

    def counts_servizio(self, projects):
        through = projects.model.asap_services.through.objects.filter(
            projectpage_id__in=projects.order_by().values("pk")
        )
        return facet_counts(through, "asapservice__code", Count("projectpage_id", distinct=True))

    def options_servizio(self, counts, selected):
        return counted_options(self.choices["servizio"], counts, selected)

    def counts_anno(self, projects):
        return facet_counts(projects, "start_year")

    def options_anno(self, counts, selected):
        years = sorted({int(year) for year in counts if year} | ({selected} if selected else set()), reverse=True)
        return [Option(str(year), str(year), counts.get(str(year), 0)) for year in years]
