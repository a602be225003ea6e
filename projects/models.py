"""The project catalogue: organisations, funds and programmes (snippets), the catalogue page and
the project pages. One `Organisation` model serves funders and partners alike, because the same body
(Regione Lazio, say) is the funder of one project and a partner in another."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.text import slugify
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from core.blocks import BodyStreamBlock
from core.choosers import linked_chooser
from core.models import BasePage

NOT_NEGATIVE = MinValueValidator(Decimal("0"), message="L'importo non può essere negativo.")
CUP_VALIDATOR = RegexValidator(
    r"^[A-Z0-9]{15}\Z",
    message="Il CUP è formato da 15 caratteri: lettere maiuscole e cifre, senza spazi.",
)


def money_field(label, help_text=""):
    return models.DecimalField(
        label,
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[NOT_NEGATIVE],
        help_text=help_text or "In euro, con al massimo due decimali.",
    )


# --- snippets -------------------------------------------------------------------------------------


class Organisation(index.Indexed, models.Model):
    class Kind(models.TextChoices):
        EU_BODY = "eu", "Istituzione o organismo dell'Unione europea"
        MINISTRY = "ministero", "Ministero o amministrazione centrale"
        REGION = "regione", "Regione"
        PROVINCE = "provincia", "Provincia o città metropolitana"
        MUNICIPALITY = "comune", "Comune o Municipio"
        UNIVERSITY = "universita", "Università o centro di ricerca"
        NON_PROFIT = "non-profit", "Associazione, cooperativa o ente non profit"
        COMPANY = "impresa", "Impresa"
        OTHER = "altro", "Altro"

    name = models.CharField("Nome", max_length=255, unique=True)
    acronym = models.CharField("Sigla", max_length=40, blank=True)
    kind = models.CharField("Tipo di ente", max_length=20, choices=Kind.choices, default=Kind.OTHER)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Logo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    website = models.URLField("Sito web", blank=True)
    city = models.CharField("Città", max_length=100, blank=True)
    fiscal_code = models.CharField(
        "Codice fiscale",
        max_length=16,
        blank=True,
        validators=[
            RegexValidator(
                r"^([0-9]{11}|[A-Z0-9]{16})\Z",
                message="Il codice fiscale di un ente ha 11 cifre (o 16 caratteri maiuscoli).",
            )
        ],
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("acronym"), FieldPanel("kind")]),
        FieldPanel("logo"),
        FieldRowPanel([FieldPanel("website"), FieldPanel("city")]),
        FieldPanel("fiscal_code"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("acronym"),
        index.AutocompleteField("acronym"),
        index.FilterField("kind"),
    ]

    class Meta:
        verbose_name = "Organizzazione"
        verbose_name_plural = "Organizzazioni"
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    @property
    def slug(self):
        return slugify(self.name)[:80] or "ente"


class Fund(index.Indexed, models.Model):
    class Level(models.TextChoices):
        EU = "ue", "Europeo"
        NATIONAL = "nazionale", "Nazionale"
        REGIONAL = "regionale", "Regionale"
        PRIVATE = "privato", "Privato"

    name = models.CharField("Nome", max_length=255)
    acronym = models.CharField("Sigla", max_length=40, help_text="Per esempio FEI, FAMI, FSE+.")
    period_start = models.PositiveSmallIntegerField("Dall'anno", null=True, blank=True)
    period_end = models.PositiveSmallIntegerField("All'anno", null=True, blank=True)
    level = models.CharField("Livello", max_length=12, choices=Level.choices, default=Level.EU)
    total_allocation = money_field("Dotazione complessiva", "In euro, per l'intero periodo.")
    url = models.URLField("Collegamento", blank=True)
    description = models.TextField("Descrizione", blank=True)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("acronym"), FieldPanel("level")]),
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")], heading="Periodo di programmazione"),
        FieldPanel("total_allocation"),
        FieldPanel("url"),
        FieldPanel("description"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("acronym"),
        index.AutocompleteField("acronym"),
    ]

    class Meta:
        verbose_name = "Fondo"
        verbose_name_plural = "Fondi"
        ordering = ["acronym", "name"]

    def __str__(self):
        return f"{self.acronym} {self.period}".strip()

    @property
    def period(self):
        if self.period_start and self.period_end:
            return f"{self.period_start}-{self.period_end}"
        return str(self.period_start or self.period_end or "")

    @property
    def is_eu(self):
        return self.level == self.Level.EU

    def clean(self):
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": "L'anno finale non può precedere quello iniziale."})


class FundingProgramme(index.Indexed, models.Model):
    class Level(models.TextChoices):
        PROGRAMME = "programma", "Programma"
        ANNUAL = "annuale", "Programma annuale"
        ACTION = "azione", "Azione"

    name = models.CharField("Nome", max_length=255)
    code = models.CharField("Codice", max_length=60, blank=True)
    level = models.CharField("Livello", max_length=12, choices=Level.choices, default=Level.PROGRAMME)
    fund = models.ForeignKey(Fund, verbose_name="Fondo", on_delete=models.PROTECT, related_name="programmes")
    parent = models.ForeignKey(
        "self",
        verbose_name="Programma di riferimento",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text="Per un programma annuale o un'azione: il programma di cui fa parte.",
    )
    responsible_authority = models.ForeignKey(
        Organisation,
        verbose_name="Autorità responsabile",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="programmes",
    )
    period_start = models.PositiveSmallIntegerField("Dall'anno", null=True, blank=True)
    period_end = models.PositiveSmallIntegerField("All'anno", null=True, blank=True)
    url = models.URLField("Collegamento", blank=True)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("code"), FieldPanel("level")]),
        FieldPanel("fund"),
        FieldPanel("parent"),
        FieldPanel("responsible_authority"),
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")], heading="Periodo"),
        FieldPanel("url"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("code"),
        index.FilterField("fund"),
    ]

    class Meta:
        verbose_name = "Programma di finanziamento"
        verbose_name_plural = "Programmi di finanziamento"
        ordering = ["fund__acronym", "code", "name"]

    def __str__(self):
        return f"{self.code} {self.name}".strip() if self.code else self.name

    @property
    def period(self):
        if self.period_start and self.period_end:
            return f"{self.period_start}-{self.period_end}"
        return str(self.period_start or self.period_end or "")

    def clean(self):
        errors = {}
        if self.period_start and self.period_end and self.period_end < self.period_start:
            errors["period_end"] = "L'anno finale non può precedere quello iniziale."
        if self.parent_id:
            if self.pk and self.parent_id == self.pk:
                errors["parent"] = "Un programma non può far parte di sé stesso."
            elif self.fund_id and self.parent.fund_id != self.fund_id:
                errors["parent"] = "Il programma di riferimento deve appartenere allo stesso fondo."
        if errors:
            raise ValidationError(errors)


class Theme(models.Model):
    name = models.CharField("Nome", max_length=100, unique=True)
    slug = models.SlugField("Abbreviazione per l'indirizzo", max_length=100, unique=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        verbose_name = "Tema"
        verbose_name_plural = "Temi"
        ordering = ["name"]

    def __str__(self):
        return self.name


class Territory(models.Model):
    class Level(models.TextChoices):
        COUNTRY = "nazione", "Nazione"
        REGION = "regione", "Regione"
        PROVINCE = "provincia", "Provincia o città metropolitana"
        MUNICIPALITY = "comune", "Comune o Municipio"

    name = models.CharField("Nome", max_length=120, unique=True)
    level = models.CharField("Livello", max_length=12, choices=Level.choices, default=Level.REGION)
    code = models.CharField(
        "Codice", max_length=20, blank=True, help_text="Codice NUTS o ISTAT, per esempio ITI4 per il Lazio."
    )

    panels = [FieldPanel("name"), FieldRowPanel([FieldPanel("level"), FieldPanel("code")])]

    class Meta:
        verbose_name = "Territorio"
        verbose_name_plural = "Territori"
        ordering = ["name"]

    def __str__(self):
        return self.name


class AsapService(models.Model):
    """One of ASAP's services (see `services.ASAP_SERVICES`); rows are created after migrations."""

    code = models.SlugField("Codice", max_length=40, unique=True)
    name = models.CharField("Nome", max_length=80)
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = "Servizio di ASAP"
        verbose_name_plural = "Servizi di ASAP"
        ordering = ["sort_order"]

    def __str__(self):
        return self.name


# --- pages ----------------------------------------------------------------------------------------


class ProjectIndexPage(RoutablePageMixin, BasePage):
    """The catalogue: a faceted listing of its child projects, their open-data downloads and feed,
    and one page per organisation (routes live in `views.py`)."""

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
        from . import views

        return views.catalogue(request, self)

    @path("ente/<int:organisation_id>/")
    def organisation(self, request, organisation_id):
        from . import views

        return views.catalogue(request, self, organisation_id=organisation_id)

    @path("dati/csv/")
    def export_csv(self, request):
        from . import exports

        return exports.csv_response(request, self)

    @path("dati/json/")
    def export_json(self, request):
        from . import exports

        return exports.json_response(request, self)

    @path("feed/")
    def feed(self, request):
        from . import exports

        return exports.atom_feed(request, self)


class Status(models.TextChoices):
    PLANNED = "programmato", "Programmato"
    IN_PROGRESS = "in-corso", "In corso"
    CONCLUDED = "concluso", "Concluso"
    CANCELLED = "annullato", "Annullato"


class ProjectPageQuerySet(PageQuerySet):
    def with_status(self, today=None):
        """Annotate `effective_start`, `effective_end` and `computed_status`, the same rules as
        `ProjectPage.status`, so the catalogue filters and counts by status in SQL."""
        today = today or timezone.localdate()
        return self.annotate(
            effective_start=Coalesce("actual_start", "planned_start"),
            effective_end=Coalesce("actual_end", "planned_end"),
        ).annotate(
            computed_status=Case(
                When(~Q(status_override=""), then=F("status_override")),
                When(effective_end__lt=today, then=Value(Status.CONCLUDED.value)),
                When(effective_start__lte=today, then=Value(Status.IN_PROGRESS.value)),
                default=Value(Status.PLANNED.value),
                output_field=models.CharField(),
            )
        )


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
        Fund, verbose_name="Fondo", null=True, blank=True, on_delete=models.PROTECT, related_name="projects"
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

    planned_start = models.DateField("Inizio previsto", null=True, blank=True)
    planned_end = models.DateField("Fine prevista", null=True, blank=True)
    actual_start = models.DateField("Inizio effettivo", null=True, blank=True)
    actual_end = models.DateField("Fine effettiva", null=True, blank=True)
    status_override = models.CharField(
        "Stato",
        max_length=12,
        choices=Status.choices,
        blank=True,
        help_text="Lascia vuoto per ricavarlo dalle date; scegli uno stato solo per forzarlo (per esempio «Annullato»).",
    )

    territories = ParentalManyToManyField(Territory, verbose_name="Territori", blank=True, related_name="projects")
    themes = ParentalManyToManyField(Theme, verbose_name="Temi", blank=True, related_name="projects")
    asap_services = ParentalManyToManyField(
        AsapService,
        verbose_name="Ruolo di ASAP",
        blank=True,
        related_name="projects",
        help_text="Che cosa ha fatto ASAP in questo progetto.",
    )

    objects = ProjectPageManager()

    parent_page_types = ["projects.ProjectIndexPage"]
    subpage_types = []

    search_fields = Page.search_fields + [
        index.SearchField("acronym", boost=3),
        index.AutocompleteField("acronym"),
        index.SearchField("cup", boost=3),
        index.SearchField("summary"),
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

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("acronym"), FieldPanel("cup")]),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("territories", widget=forms.CheckboxSelectMultiple),
            ],
            heading="Temi e territori",
        ),
        FieldPanel("asap_services", widget=forms.CheckboxSelectMultiple),
        InlinePanel("documents", label="Documento", heading="Documenti"),
        InlinePanel("related_links", label="Progetto correlato", heading="Progetti correlati"),
    ]
    funding_panels = [
        MultiFieldPanel(
            [
                FieldPanel("fund"),
                FieldPanel("programme", widget=linked_chooser("projects.FundingProgramme", fund="#id_fund")),
            ],
            heading="Fondo e programma",
        ),
        MultiFieldPanel(
            [
                FieldPanel("total_cost"),
                FieldRowPanel([FieldPanel("eu_contribution"), FieldPanel("national_cofinancing")]),
                HelpPanel("Il tasso di cofinanziamento UE è calcolato: contributo UE diviso costo totale."),
            ],
            heading="Importi",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("planned_start"), FieldPanel("planned_end")]),
                FieldRowPanel([FieldPanel("actual_start"), FieldPanel("actual_end")]),
                FieldPanel("status_override"),
            ],
            heading="Date e stato",
        ),
    ]
    partner_panels = [
        InlinePanel(
            "organisation_roles",
            label="Organizzazione",
            heading="Organizzazioni coinvolte",
            help_text="Nell'ordine in cui compaiono sulla pagina, ciascuna con il suo ruolo.",
        )
    ]
    result_panels = [InlinePanel("results", label="Risultato", heading="Risultati e indicatori")]

    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Contenuto"),
            ObjectList(funding_panels, heading="Finanziamento"),
            ObjectList(partner_panels, heading="Partner"),
            ObjectList(result_panels, heading="Risultati"),
            ObjectList(BasePage.promote_panels, heading="Promozione"),
            ObjectList(Page.settings_panels, heading="Impostazioni", classname="settings"),
        ]
    )

    class Meta:
        verbose_name = "Progetto"
        verbose_name_plural = "Progetti"

    def __str__(self):
        return self.title

    # --- derived values ---

    @property
    def start_date(self):
        return self.actual_start or self.planned_start

    @property
    def end_date(self):
        return self.actual_end or self.planned_end

    def get_status(self, today=None):
        if self.status_override:
            return self.status_override
        today = today or timezone.localdate()
        if self.end_date and self.end_date < today:
            return Status.CONCLUDED.value
        if self.start_date and self.start_date <= today:
            return Status.IN_PROGRESS.value
        return Status.PLANNED.value

    @property
    def status(self):
        return getattr(self, "computed_status", None) or self.get_status()

    @property
    def status_label(self):
        return Status(self.status).label

    @property
    def cofinancing_rate(self):
        """The EU co-financing rate in percent (EU contribution over total cost), or None."""
        if not self.total_cost or self.eu_contribution is None:
            return None
        return (self.eu_contribution * 100 / self.total_cost).quantize(Decimal("0.01"))

    @property
    def is_eu_funded(self):
        return bool(self.eu_contribution) or bool(self.fund_id and self.fund.is_eu)

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
        if self.cup:
            self.cup = self.cup.strip()
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.programme_id and not self.fund_id:
            self.fund_id = self.programme.fund_id
        super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from . import views

        context = super().get_context(request, *args, **kwargs)
        context.update(views.project_context(request, self))
        return context


class ProjectOrganisation(Orderable):
    class Role(models.TextChoices):
        FUNDER = "finanziatore", "Finanziatore"
        AUTHORITY = "autorita", "Autorità responsabile"
        LEAD = "capofila", "Capofila"
        PARTNER = "partner", "Partner"
        IMPLEMENTER = "attuatore", "Soggetto attuatore"

    project = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="organisation_roles")
    organisation = models.ForeignKey(
        Organisation, verbose_name="Organizzazione", on_delete=models.PROTECT, related_name="project_roles"
    )
    role = models.CharField("Ruolo", max_length=20, choices=Role.choices, default=Role.PARTNER)

    panels = [FieldPanel("organisation"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = "Organizzazione del progetto"
        verbose_name_plural = "Organizzazioni del progetto"

    def __str__(self):
        return f"{self.organisation} ({self.get_role_display()})"


class ProjectResult(Orderable):
    project = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="results")
    name = models.CharField("Indicatore", max_length=255)
    unit = models.CharField("Unità di misura", max_length=60, blank=True, help_text="Per esempio: persone, corsi, ore.")
    target = models.DecimalField(
        "Obiettivo", max_digits=14, decimal_places=2, null=True, blank=True, validators=[NOT_NEGATIVE]
    )
    achieved = models.DecimalField(
        "Raggiunto", max_digits=14, decimal_places=2, null=True, blank=True, validators=[NOT_NEGATIVE]
    )

    panels = [FieldPanel("name"), FieldRowPanel([FieldPanel("unit"), FieldPanel("target"), FieldPanel("achieved")])]

    class Meta(Orderable.Meta):
        verbose_name = "Risultato"
        verbose_name_plural = "Risultati"


class ProjectDocument(Orderable):
    project = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name="Documento", on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField("Titolo", max_length=255, blank=True, help_text="Se vuoto si usa il titolo del documento.")

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = "Documento"
        verbose_name_plural = "Documenti"

    @property
    def link_title(self):
        return self.title or self.document.title


class ProjectRelatedLink(Orderable):
    project = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="related_links")
    related_project = models.ForeignKey(
        ProjectPage, verbose_name="Progetto", on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("related_project")]

    class Meta(Orderable.Meta):
        verbose_name = "Progetto correlato"
        verbose_name_plural = "Progetti correlati"

    def clean(self):
        if self.project_id and self.related_project_id == self.project_id:
            raise ValidationError({"related_project": "Un progetto non può essere correlato a sé stesso."})
