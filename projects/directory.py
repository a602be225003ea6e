"""The "Enti e partner" directory (`/progetti/enti/`): every organisation that takes part in the
catalogue's projects, with its projects by role and their totals, on the catalogue toolkit (filters
by role, fund and territory, their counts, the state in the address, pagination).

The filters narrow the organisations' *roles* (one row per organisation and project), so combined
filters speak of the same project: "capofila in a FAMI project in Lazio". An organisation's figures
are those of the projects left, each counted once, so they equal the project catalogue's for the
same organisation and filters (`?ente=<id>&fondo=<id>`)."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from catalogue.filters import CatalogueFilterSet, ChoiceFacet, SortFilter, facet_counts, id_facet
from core.parts import shared_part

from .filters import counted_options, facet_choices
from .models.inlines import ProjectOrganisation
from .models.snippets import Organisation

SORTS = {
    "nome": (_("Nome (A-Z)"), ["organisation__name"]),
    "progetti": (_("Più progetti"), ["organisation__name"]),
    "costo": (_("Costo totale più alto"), ["organisation__name"]),
}


@dataclass
class DirectoryEntry:
    """One organisation of the directory and what its projects (those the filters leave) add up to."""

    id: int
    name: str
    acronym: str
    slug: str
    kind: str
    projects: int = 0
    total_cost: Decimal | None = None
    eu_contribution: Decimal | None = None
    roles: list = field(default_factory=list)  # [(role, label, projects)] in the roles' order


def roles_in(index):
    """The roles of the projects a visitor may see in the catalogue `index`."""
    return ProjectOrganisation.objects.filter(project_id__in=index.projects().values("pk"))


def _add(total, amount):
    return total if amount is None else (total or Decimal(0)) + amount


def directory_entries(roles):
    """[DirectoryEntry] for the organisations of `roles`, by name (two queries)."""
    rows = roles.order_by().values_list(
        "organisation_id", "role", "project_id", "project__total_cost", "project__eu_contribution"
    )
    projects, by_role = {}, {}
    for organisation_id, role, project_id, cost, eu in rows.distinct():
        projects.setdefault(organisation_id, {})[project_id] = (cost, eu)
        by_role.setdefault(organisation_id, {}).setdefault(role, set()).add(project_id)
    organisations = Organisation.objects.filter(pk__in=list(projects)).order_by("name")
    entries = []
    for organisation in organisations.only("name", "acronym", "slug", "kind"):
        entry = DirectoryEntry(
            organisation.pk,
            organisation.name,
            organisation.acronym,
            organisation.slug,
            str(organisation.get_kind_display()),
            projects=len(projects[organisation.pk]),
        )
        for cost, eu in projects[organisation.pk].values():
            entry.total_cost, entry.eu_contribution = _add(entry.total_cost, cost), _add(entry.eu_contribution, eu)
        mine = by_role[organisation.pk]
        entry.roles = [
            (role, str(label), len(mine[role])) for role, label in ProjectOrganisation.Role.choices if role in mine
        ]
        entries.append(entry)
    return entries


ORDERS = {
    "progetti": lambda entry: -entry.projects,
    "costo": lambda entry: -(entry.total_cost or 0),
}


class DirectoryFilterSet(CatalogueFilterSet):
    ruolo = ChoiceFacet(label=_("Ruolo"), choices=ProjectOrganisation.Role.choices, field_name="role")
    fondo = id_facet(_("Fondo"), field_name="project__fund_id")
    territorio = id_facet(_("Territorio"), field_name="project__territories")
    ordine = SortFilter(sorts=SORTS, default="nome")

    @classmethod
    def for_catalogue(cls, request, index):
        return cls(request.GET, roles_in(index), request=request)

    @cached_property
    def choices(self):
        return shared_part("projects:facet-choices", self.request, facet_choices)

    def entries(self):
        """The organisations the filters leave, in the chosen order; kept per filter state and order."""
        order = self.values.get("ordine", "nome")

        def build():
            entries = directory_entries(self.qs)
            return sorted(entries, key=ORDERS[order]) if order in ORDERS else entries  # stable: by name on ties

        return self.shared_for_filters(f"directory-entries:{order}", build)

    def ordered_ids(self):
        return [entry.id for entry in self.entries()]

    # --- each facet counts organisations (see `CatalogueFilterSet.count_options`) ---

    def counts_ruolo(self, roles):
        return facet_counts(roles, "role", Count("organisation_id", distinct=True))

    def options_ruolo(self, counts, selected):
        return counted_options(ProjectOrganisation.Role.choices, counts, selected)

    def counts_fondo(self, roles):
        return facet_counts(roles, "project__fund_id", Count("organisation_id", distinct=True))

    def options_fondo(self, counts, selected):
        return counted_options(self.choices["fondo"], counts, selected)

    def counts_territorio(self, roles):
        return facet_counts(roles, "project__territories", Count("organisation_id", distinct=True))

    def options_territorio(self, counts, selected):
        return counted_options(self.choices["territorio"], counts, selected)
