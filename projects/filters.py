"""The catalogue's facets. The state lives in the query string (shareable, works without
JavaScript); anything malformed is dropped rather than reported as an error page. Every facet counts
the projects it would give with all the *other* facets applied, in one grouped query per facet, so
the number of queries does not depend on the number of projects."""

from dataclasses import dataclass, field

from django import forms
from django.db.models import Count, F
from django.db.models.functions import ExtractYear

from search.query import clean_query
from search.services import matching_ids

from .models import (
    AsapService,
    Fund,
    FundingProgramme,
    Organisation,
    ProjectOrganisation,
    ProjectPage,
    Status,
    Territory,
    Theme,
)

MAX_ID = 2**31 - 1
SEARCH_RESULT_LIMIT = 5000

SORTS = {
    "recenti": ("Inizio più recente", [F("effective_start").desc(nulls_last=True), "title"]),
    "fine": ("Fine più recente", [F("effective_end").desc(nulls_last=True), "title"]),
    "titolo": ("Titolo (A-Z)", ["title"]),
    "budget": ("Costo totale più alto", [F("total_cost").desc(nulls_last=True), "title"]),
}
DEFAULT_SORT = "recenti"


def id_field(label):
    return forms.IntegerField(label=label, required=False, min_value=1, max_value=MAX_ID)


class CatalogueFilterForm(forms.Form):
    """Query-string parameters, in Italian because they show in shared links."""

    q = forms.CharField(label="Cerca", required=False)
    fondo = id_field("Fondo")
    programma = id_field("Programma")
    stato = forms.ChoiceField(label="Stato", required=False, choices=[("", "")] + Status.choices)
    tema = forms.SlugField(label="Tema", required=False, max_length=100)
    territorio = id_field("Territorio")
    ente = id_field("Organizzazione")
    servizio = forms.SlugField(label="Ruolo di ASAP", required=False, max_length=40)
    anno = forms.IntegerField(label="Anno di inizio", required=False, min_value=1900, max_value=2200)
    ordine = forms.ChoiceField(label="Ordina per", required=False, choices=[(k, v[0]) for k, v in SORTS.items()])


FACET_NAMES = ["fondo", "programma", "stato", "tema", "territorio", "ente", "servizio", "anno"]


def read_filters(querydict):
    """The valid parameters of a request; invalid ones are ignored, as if absent."""
    form = CatalogueFilterForm(querydict)
    form.is_valid()
    values = {name: value for name, value in form.cleaned_data.items() if value not in (None, "")}
    if "q" in values:
        values["q"] = clean_query(values["q"])
        if not values["q"]:
            del values["q"]
    return values


def search_ids(base, query):
    """Ids of the projects matching the text, through Wagtail search (the search app's backend)."""
    return matching_ids(base, query, limit=SEARCH_RESULT_LIMIT, ranked=False)


def programme_and_descendants(programme_id):
    """Projects filed under an action or annual programme also belong to the parent programmes."""
    from django.db.models import Q

    return (
        Q(programme_id=programme_id)
        | Q(programme__parent_id=programme_id)
        | Q(programme__parent__parent_id=programme_id)
    )


def apply_filters(queryset, values, skip=None):
    """Narrow a `with_status()` queryset by every facet in `values` except `skip`."""
    through = ProjectPage
    for name, value in values.items():
        if name == skip:
            continue
        if name == "fondo":
            queryset = queryset.filter(fund_id=value)
        elif name == "programma":
            queryset = queryset.filter(programme_and_descendants(value))
        elif name == "stato":
            queryset = queryset.filter(computed_status=value)
        elif name == "tema":
            queryset = queryset.filter(
                pk__in=through.themes.through.objects.filter(theme__slug=value).values("projectpage_id")
            )
        elif name == "territorio":
            queryset = queryset.filter(
                pk__in=through.territories.through.objects.filter(territory_id=value).values("projectpage_id")
            )
        elif name == "ente":
            queryset = queryset.filter(
                pk__in=ProjectOrganisation.objects.filter(organisation_id=value).values("project_id")
            )
        elif name == "servizio":
            queryset = queryset.filter(
                pk__in=through.asap_services.through.objects.filter(asapservice__code=value).values("projectpage_id")
            )
        elif name == "anno":
            queryset = queryset.filter(effective_start__year=value)
        elif name == "search_ids":
            queryset = queryset.filter(pk__in=value)
    return queryset


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class Facet:
    name: str
    label: str
    options: list = field(default_factory=list)
    selected_label: str = ""
    remove_url: str = ""

    @property
    def is_active(self):
        return bool(self.selected_label)


def _grouped_counts(queryset, column):
    return {row[column]: row["n"] for row in queryset.order_by().values(column).annotate(n=Count("pk"))}


def _through_counts(through, project_column, column, project_ids):
    rows = (
        through.objects.filter(**{f"{project_column}__in": project_ids})
        .order_by()
        .values(column)
        .annotate(n=Count(project_column, distinct=True))
    )
    return {row[column]: row["n"] for row in rows}


def _options(objects, counts, selected, value_of=lambda o: o.pk, label_of=str):
    options = []
    for obj in objects:
        value = value_of(obj)
        count = counts.get(value, 0)
        if count or value == selected:
            options.append(FacetOption(str(value), label_of(obj), count, value == selected))
    return options


def build_facets(base, values):
    """Every facet with its options and counts; `base` is the catalogue's unfiltered queryset."""

    def narrowed(skip):
        return apply_filters(base, values, skip=skip)

    def project_ids(skip):
        return narrowed(skip).order_by().values("pk")

    facets = []

    fund_counts = _grouped_counts(narrowed("fondo"), "fund_id")
    funds = Fund.objects.filter(pk__in=[pk for pk in fund_counts if pk] + [values.get("fondo", 0)])
    facets.append(Facet("fondo", "Fondo", _options(funds, fund_counts, values.get("fondo"))))

    direct = _grouped_counts(narrowed("programma"), "programme_id")
    programmes = list(FundingProgramme.objects.select_related("fund").order_by("fund__acronym", "code", "name"))
    parents = {p.pk: p.parent_id for p in programmes}
    rolled_up = {}
    for programme_id, count in direct.items():
        seen = set()
        while programme_id and programme_id not in seen:
            seen.add(programme_id)
            rolled_up[programme_id] = rolled_up.get(programme_id, 0) + count
            programme_id = parents.get(programme_id)
    facets.append(
        Facet(
            "programma",
            "Programma",
            _options(
                programmes,
                rolled_up,
                values.get("programma"),
                label_of=lambda p: f"{p.fund.acronym} · {p}",
            ),
        )
    )

    status_counts = _grouped_counts(narrowed("stato"), "computed_status")
    facets.append(
        Facet(
            "stato",
            "Stato",
            [
                FacetOption(value, label, status_counts.get(value, 0), value == values.get("stato"))
                for value, label in Status.choices
                if status_counts.get(value) or value == values.get("stato")
            ],
        )
    )

    theme_counts = _through_counts(ProjectPage.themes.through, "projectpage_id", "theme_id", project_ids("tema"))
    themes = Theme.objects.filter(pk__in=list(theme_counts)) | Theme.objects.filter(slug=values.get("tema", ""))
    facets.append(
        Facet(
            "tema",
            "Tema",
            [
                FacetOption(t.slug, t.name, theme_counts.get(t.pk, 0), t.slug == values.get("tema"))
                for t in themes.order_by("name")
            ],
        )
    )

    territory_counts = _through_counts(
        ProjectPage.territories.through, "projectpage_id", "territory_id", project_ids("territorio")
    )
    territories = Territory.objects.filter(pk__in=list(territory_counts) + [values.get("territorio", 0)])
    facets.append(Facet("territorio", "Territorio", _options(territories, territory_counts, values.get("territorio"))))

    organisation_counts = _through_counts(ProjectOrganisation, "project_id", "organisation_id", project_ids("ente"))
    organisations = Organisation.objects.filter(pk__in=list(organisation_counts) + [values.get("ente", 0)])
    facets.append(
        Facet(
            "ente",
            "Organizzazione",
            _options(organisations, organisation_counts, values.get("ente"), label_of=lambda o: o.name),
        )
    )

    service_counts = _through_counts(
        ProjectPage.asap_services.through, "projectpage_id", "asapservice_id", project_ids("servizio")
    )
    facets.append(
        Facet(
            "servizio",
            "Ruolo di ASAP",
            [
                FacetOption(s.code, s.name, service_counts.get(s.pk, 0), s.code == values.get("servizio"))
                for s in AsapService.objects.all()
                if service_counts.get(s.pk) or s.code == values.get("servizio")
            ],
        )
    )

    year_counts = {
        row["year"]: row["n"]
        for row in narrowed("anno")
        .order_by()
        .annotate(year=ExtractYear("effective_start"))
        .values("year")
        .annotate(n=Count("pk"))
        if row["year"]
    }
    selected_year = values.get("anno")
    years = sorted(set(year_counts) | ({selected_year} if selected_year else set()), reverse=True)
    facets.append(
        Facet(
            "anno",
            "Anno di inizio",
            [FacetOption(str(y), str(y), year_counts.get(y, 0), y == selected_year) for y in years],
        )
    )

    for facet in facets:
        for option in facet.options:
            if option.selected:
                facet.selected_label = option.label
    return facets


def sort_order(values):
    return SORTS[values.get("ordine") or DEFAULT_SORT][1]
