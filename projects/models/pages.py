"""The project catalogue's pages: the catalogue (`ProjectIndexPage`, routable: the listing, the
organisation pages and directory, open data and the feed) and the project pages. Their partners, results, documents
and related projects are inlines (`inlines.py`); the reference data they point to are snippets
(`snippets.py`)."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from catalogue.listing import listing_context
from core.blocks import BodyStreamBlock
from core.jsonld import json_ld_script
from core.models import BasePage
from core.parts import shared_part
from core.translatable import SOURCE_ROWS

from .. import exports, panels
from ..charts import funding_at_a_glance
from ..filters import ProjectFilterSet
from ..querysets import ProjectPageQuerySet, tags_of
from ..registers import opencup_url, register_url_field
from ..status import Status, project_status
from ..structured_data import project_json_ld
from ..visibility import EuStatement, statement_field, visibility_for
from .inlines import ProjectOrganisation
from .organisation_routes import OrganisationRoutesMixin
from .snippets import (
    AsapService,
    Fund,
    FundingProgramme,
    Territory,
    Theme,
    money_field,
)

CUP_VALIDATOR = RegexValidator(
    r"^[A-Z0-9]{15}\Z",
    message="Il CUP è formato da 15 caratteri: lettere maiuscole e cifre, senza spazi.",
)
# Objectives and expected results are short texts: emphasis, links and lists, no headings.
SHORT_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]
ROLE_PLURALS = {"finanziatore": _("Finanziatori"), "attuatore": _("Soggetti attuatori")}


class ProjectIndexPage(OrganisationRoutesMixin, RoutablePageMixin, BasePage):
    """The catalogue: a faceted listing of its child projects (`filters.py`), the open-data downloads
    and the feed (`exports.py`); the organisations' pages and directory (`organisation_routes.py`)."""

    intro = models.TextField("Introduzione", blank=True)
    projects_per_page = models.PositiveSmallIntegerField(
        "Progetti per pagina", default=12, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["projects.ProjectPage"]

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("projects_per_page")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = "Catalogo dei progetti"
        verbose_name_plural = "Cataloghi dei progetti"

    @path("")
    def catalogue(self, request):
        return self.render_catalogue(request)

    def render_catalogue(self, request, organisation=None, organisation_context=None):
        filterset = ProjectFilterSet.for_catalogue(request, self, organisation)
        context = listing_context(filterset, self.projects_per_page, "projects/includes/project_card.html")
        context["organisation"] = organisation
        context["funding_chart"] = filterset.shared_for_filters(
            "funding-chart",
            lambda: render_to_string(
                "projects/includes/funding_chart.html",
                {
                    "funding": funding_at_a_glance(filterset.qs),
                    "result_count": context["result_count"],
                    "filterset": filterset,
                },
            ),
        )
        context.update(organisation_context or {})
        return self.render(request, template="projects/project_index_page.html", context_overrides=context)

    def projects(self):
        """The projects a visitor may see in this catalogue."""
        return ProjectPage.objects.in_catalogue(self)

    @path("dati/csv/")
    def export_csv(self, request):
        return exports.csv_response(request, self)

    @path("dati/json/")
    def export_json(self, request):
        return exports.json_response(request, self)

    @path("feed/")
    def feed(self, request):
        return exports.atom_feed(request, self)


ProjectPageManager = PageManager.from_queryset(ProjectPageQuerySet)


class ProjectPage(BasePage):
    acronym = models.CharField("Acronimo", max_length=40, blank=True)
    cup = models.CharField(
        "CUP",
        max_length=15,
        blank=True,
        validators=[CUP_VALIDATOR],
        help_text="Codice Unico di Progetto: 15 lettere maiuscole e cifre (facoltativo).",
    )
    summary = models.TextField("Sintesi", help_text="Due o tre frasi: compaiono nel catalogo e nei risultati.")
    objectives = RichTextField(
        "Obiettivi", blank=True, features=SHORT_TEXT_FEATURES, help_text="Che cosa si propone il progetto, in breve."
    )
    expected_results = RichTextField(
        "Risultati attesi",
        blank=True,
        features=SHORT_TEXT_FEATURES,
        help_text="Che cosa cambierà alla fine del progetto; gli indicatori numerici vanno nella scheda «Risultati».",
    )
    body = StreamField(BodyStreamBlock(), verbose_name="Descrizione", blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Immagine",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    fund = models.ForeignKey(
        Fund,
        verbose_name="Fondo",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="projects",
        limit_choices_to=SOURCE_ROWS,
    )
    programme = models.ForeignKey(
        FundingProgramme,
        verbose_name="Programma",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="projects",
        help_text="Il livello più preciso noto: azione, programma annuale o programma.",
    )
    total_cost = money_field("Costo totale")
    eu_contribution = money_field("Contributo dell'Unione europea")
    national_cofinancing = money_field("Cofinanziamento nazionale o regionale")
    eu_statement = statement_field(
        "Dicitura UE",
        "Lascia vuoto per usare quella del fondo; sceglila qui solo se per questo progetto è diversa.",
    )
    opencoesione_url = register_url_field(
        "OpenCoesione", "opencoesione.gov.it", "https://opencoesione.gov.it/it/progetti/…"
    )
    kohesio_url = register_url_field("Kohesio", "kohesio.ec.europa.eu", "https://kohesio.ec.europa.eu/it/projects/…")

    planned_start = models.DateField("Inizio previsto", null=True, blank=True)
    planned_end = models.DateField("Fine prevista", null=True, blank=True)
    actual_start = models.DateField("Inizio effettivo", null=True, blank=True)
    actual_end = models.DateField("Fine effettiva", null=True, blank=True)
    # The effective dates and start year, kept by `save()` so the catalogue sorts and counts on
    # indexed columns rather than on an expression per row.
    starts_on = models.DateField(null=True, editable=False, db_index=True)
    ends_on = models.DateField(null=True, editable=False, db_index=True)
    start_year = models.PositiveSmallIntegerField(null=True, editable=False, db_index=True)
    status_override = models.CharField(
        "Stato",
        max_length=12,
        choices=Status.choices,
        blank=True,
        help_text="Lascia vuoto per ricavarlo dalle date; scegli uno stato solo per forzarlo (per esempio «Annullato»).",
    )

    territories = ParentalManyToManyField(
        Territory, verbose_name="Territori", blank=True, related_name="projects", limit_choices_to=SOURCE_ROWS
    )
    themes = ParentalManyToManyField(
        Theme, verbose_name="Temi", blank=True, related_name="projects", limit_choices_to=SOURCE_ROWS
    )
    # Every language's page points at the Italian fund (wagtail-localize would point a translation at
    # the fund's translation): the catalogue filters by the same id in both (`core.translatable`).
    override_translatable_fields = [SynchronizedField("fund")]
    asap_services = ParentalManyToManyField(
        AsapService,
        verbose_name="Ruolo di ASAP",
        blank=True,
        related_name="projects",
        help_text="Che cosa ha fatto ASAP in questo progetto.",
    )

    objects = ProjectPageManager()
    select_related_on_serve = ("fund", "image")  # fetched with the page when it is served (serving.routing)

    parent_page_types = ["projects.ProjectIndexPage"]
    subpage_types = []

    search_fields = Page.search_fields + [
        index.SearchField("acronym", boost=3),
        index.AutocompleteField("acronym"),
        index.SearchField("cup", boost=3),
        index.SearchField("summary"),
        index.SearchField("objectives"),
        index.SearchField("expected_results"),
        index.SearchField("body"),
        index.RelatedFields("fund", [index.SearchField("name"), index.SearchField("acronym")]),
        index.RelatedFields("programme", [index.SearchField("name"), index.SearchField("code")]),
        index.RelatedFields(
            "organisation_roles",
            [index.RelatedFields("organisation", [index.SearchField("name"), index.SearchField("acronym")])],
        ),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.RelatedFields("territories", [index.SearchField("name")]),
        index.FilterField("fund"),
        index.FilterField("programme"),
        index.FilterField("status_override"),
        index.FilterField("planned_start"),
        index.FilterField("actual_start"),
        index.FilterField("total_cost"),
    ]

    content_panels = panels.content_panels
    edit_handler = panels.edit_handler
    base_form_class = panels.ProjectPageForm

    class Meta:
        verbose_name = "Progetto"
        verbose_name_plural = "Progetti"
        indexes = [models.Index(fields=["total_cost"], name="project_total_cost")]  # "costo più alto"

    def __str__(self):
        return self.title

    @classmethod
    def get_indexed_objects(cls):
        """Everything `search_fields` reads, fetched with the pages when indexing in bulk (Wagtail
        prefetches neither the organisations behind the roles nor parental many-to-many fields)."""
        return (
            super().get_indexed_objects().prefetch_related("organisation_roles__organisation", "themes", "territories")
        )

    # --- derived values ---

    @property
    def start_date(self):
        return self.actual_start or self.planned_start

    @property
    def end_date(self):
        return self.actual_end or self.planned_end

    def get_status(self, today=None):
        return project_status(self.start_date, self.end_date, self.status_override, today or timezone.localdate())

    @property
    def status(self):
        return getattr(self, "computed_status", None) or self.get_status()

    @property
    def status_label(self):
        return str(Status(self.status).label)  # in the active language

    @property
    def cofinancing_rate(self):
        """The EU co-financing rate in percent (EU contribution over total cost), or None."""
        if not self.total_cost or self.eu_contribution is None:
            return None
        return (self.eu_contribution * 100 / self.total_cost).quantize(Decimal("0.01"))

    @property
    def is_eu_funded(self):
        return bool(self.eu_contribution or self.eu_statement) or bool(self.fund_id and self.fund.is_eu)

    @property
    def statement_code(self):
        """The EU statement: the project's own choice, else its fund's."""
        return self.eu_statement or (self.fund.eu_statement if self.fund_id else "")

    @property
    def statement_label(self):
        """The statement shown beside the EU emblem, or "" when the project shows none."""
        return str(EuStatement(self.statement_code).label) if self.is_eu_funded and self.statement_code else ""

    @property
    def opencup_url(self):
        return opencup_url(self.cup)

    def clean(self):
        super().clean()
        errors = {}
        if self.planned_start and self.planned_end and self.planned_end < self.planned_start:
            errors["planned_end"] = "La fine prevista non può precedere l'inizio previsto."
        if self.actual_start and self.actual_end and self.actual_end < self.actual_start:
            errors["actual_end"] = "La fine effettiva non può precedere l'inizio effettivo."
        if self.total_cost is not None and self.eu_contribution is not None and self.eu_contribution > self.total_cost:
            errors["eu_contribution"] = "Il contributo dell'Unione europea non può superare il costo totale."
        elif (
            self.total_cost is not None
            and (self.eu_contribution or 0) + (self.national_cofinancing or 0) > self.total_cost
        ):
            errors["national_cofinancing"] = "Contributo UE e cofinanziamento insieme superano il costo totale."
        if self.programme_id and self.fund_id and self.programme.fund_id != self.fund_id:
            errors["programme"] = "Il programma scelto appartiene a un altro fondo."
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.programme_id and not self.fund_id:
            self.fund_id = self.programme.fund_id
        self.store_effective_dates()
        super().save(*args, **kwargs)

    def store_effective_dates(self):
        self.starts_on, self.ends_on = self.start_date, self.end_date
        self.start_year = self.starts_on.year if self.starts_on else None

    def programme_chain(self):
        """The programme and those it belongs to, outermost first (one query for three levels)."""
        if not self.programme_id:
            return []
        levels = ["responsible_authority", "parent__responsible_authority", "parent__parent__responsible_authority"]
        return FundingProgramme.objects.select_related(*levels).get(pk=self.programme_id).lineage()

    def organisation_groups(self, roles):
        """The organisations by role, in the order of `ProjectOrganisation.Role`, with plural labels."""
        groups = []
        for role, label in ProjectOrganisation.Role.choices:
            members = [entry.organisation for entry in roles if entry.role == role]
            if members:
                groups.append(
                    {
                        "role": role,
                        "label": ROLE_PLURALS.get(role, label) if len(members) > 1 else label,
                        "organisations": members,
                    }
                )
        return groups

    def get_social_image(self):
        """The sharing image, else the project's own image (`og:image`)."""
        return self.social_image or self.image

    def catalogue(self):
        """The live catalogue above this project (its parent, already known when Wagtail routed here)."""
        parent = self.get_parent()
        return parent.specific_deferred if parent is not None and parent.live else None

    def listing_urls(self):
        """The organisation pages that list this project, which the page cache renders again after
        its publish along with the page, its catalogue and the home (`serving.pagecache.rebuild`)."""
        catalogue = self.catalogue()
        if catalogue is None:
            return []
        roles = self.organisation_roles.select_related("organisation").order_by("organisation__slug")
        return [catalogue.organisation_url(role.organisation) for role in roles.distinct()]

    def get_context(self, request, *args, **kwargs):
        """The article and its JSON-LD are the same for every visitor, so they are built once and kept
        as a shared part until editors change something (or, for the status that follows the clock,
        for the page cache's staleness bound); a preview builds them afresh."""
        context = super().get_context(request, *args, **kwargs)
        context.update(shared_part(f"page-article:{self.pk}", request, lambda: self.article_parts(request, context)))
        return context

    def article_parts(self, request, context):
        roles = list(
            self.organisation_roles.select_related("organisation__logo").prefetch_related(
                "organisation__logo__renditions"
            )
        )
        chain = self.programme_chain()
        authorities = [p.responsible_authority for p in reversed(chain) if p.responsible_authority_id]
        eu = visibility_for(self.statement_label, self.fund, chain, request)
        detail = {
            "eu_visibility": eu,
            "catalogue": self.catalogue(),
            "organisation_groups": self.organisation_groups(roles),
            "programme_chain": chain,
            "responsible_authority": authorities[0] if authorities else None,
            "results": list(self.results.all()),
            "documents": list(self.documents.select_related("document")),
            "related_projects": list(ProjectPage.objects.related_to(self)),
            **tags_of(self, request),
        }
        return {
            "article": render_to_string(
                "projects/includes/project_article.html", {**context, **detail}, request=request
            ),
            "eu_visibility": bool(eu),
            "json_ld": json_ld_script(project_json_ld(request, self, roles, chain)),
        }
