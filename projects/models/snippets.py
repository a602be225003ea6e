"""The catalogue's reference data, edited as snippets: organisations, funds, funding programmes,
themes, territories, and ASAP's fixed list of services. One `Organisation` model serves funders and
partners alike, because the same body (Regione Lazio, say) funds one project and is a partner in
another."""

from decimal import Decimal

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils.text import slugify
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import RevisionMixin, TranslatableMixin
from wagtail.search import index

from ..visibility import LOGOS_HELP, EuStatement, statement_field

NOT_NEGATIVE = MinValueValidator(Decimal("0"), message="L'importo non può essere negativo.")

FISCAL_CODE_VALIDATOR = RegexValidator(
    r"^([0-9]{11}|[A-Z0-9]{16})\Z", message="Il codice fiscale di un ente ha 11 cifre (o 16 caratteri maiuscoli)."
)

NOT_ONLY_DIGITS = RegexValidator(
    r"^\d+\Z", inverse_match=True, message="L'indirizzo deve contenere almeno una lettera (solo cifre no)."
)


def organisation_slug(name, taken):
    """A readable address for an organisation named `name`, not among `taken`: "regione-lazio",
    "regione-lazio-2" for a second one; never digits only (those are the old numeric addresses)."""
    base = slugify(name)[:90].strip("-") or "ente"
    if base.isdigit():
        base = f"ente-{base}"
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug


# A programme, its annual programmes, their actions: the deepest chain the catalogue shows.
MAX_PROGRAMME_DEPTH = 3


def period_label(start, end):
    """The period as "2014-2020", or the one year known."""
    if start and end:
        return f"{start}-{end}"
    return str(start or end or "")


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


class Organisation(RevisionMixin, index.Indexed, models.Model):
    """Every save is a revision: editors see who changed what (Cronologia), compare versions and
    restore an earlier one. No drafts: an organisation is shared by live pages, which show it as saved."""

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
    slug = models.SlugField(
        "Indirizzo",
        max_length=100,
        unique=True,
        blank=True,
        validators=[NOT_ONLY_DIGITS],
        help_text="La parte finale dell'indirizzo della pagina dell'ente, per esempio «regione-lazio» in "
        "/progetti/ente/regione-lazio/. Lascia vuoto per ricavarla dal nome; non cambia se cambi il nome. "
        "Se la cambi, i collegamenti al vecchio indirizzo non funzioneranno più.",
    )
    acronym = models.CharField("Sigla", max_length=40, blank=True)
    kind = models.CharField("Tipo di ente", max_length=20, choices=Kind.choices, default=Kind.OTHER)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="Logo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Il logo dell'ente, mostrato nella sua pagina e tra i partner dei progetti. Meglio un SVG o un "
        "PNG con lo sfondo trasparente.",
    )
    website = models.URLField("Sito web", blank=True)
    city = models.CharField("Città", max_length=100, blank=True)
    fiscal_code = models.CharField(
        "Codice fiscale",
        max_length=16,
        blank=True,
        validators=[FISCAL_CODE_VALIDATOR],
        help_text="11 cifre per un ente pubblico o un'associazione (16 caratteri per una persona o una ditta "
        "individuale). Obbligatorio per gli enti che ci versano contributi pubblici (Legge 124/2017).",
    )

    revisions = GenericRelation(
        "wagtailcore.Revision",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="organisation",
        for_concrete_model=False,
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
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

    def save(self, *args, **kwargs):
        """The address is made from the name once, when left empty: renaming keeps it."""
        if not self.slug:
            taken = Organisation.objects.exclude(pk=self.pk).values_list("slug", flat=True)
            self.slug = organisation_slug(self.name, set(taken))
        super().save(*args, **kwargs)


class Fund(TranslatableMixin, index.Indexed, ClusterableModel):
    """Translatable (`core.translatable`): its description; name and acronym stay as they are."""

    translated_field_names = ("description",)

    class Level(models.TextChoices):
        EU = "ue", "Europeo"
        NATIONAL = "nazionale", "Nazionale"
        REGIONAL = "regionale", "Regionale"
        PRIVATE = "privato", "Privato"

    class Colour(models.TextChoices):
        """A fixed palette (catalogue.css has a class for each) that keeps white text readable."""

        BLUE = "blu", "Blu"
        TEAL = "petrolio", "Verde petrolio"
        GREEN = "verde", "Verde"
        PURPLE = "viola", "Viola"
        ORANGE = "arancio", "Arancio bruciato"
        RED = "rosso", "Rosso mattone"
        SLATE = "ardesia", "Grigio ardesia"

    name = models.CharField("Nome", max_length=255)
    acronym = models.CharField("Sigla", max_length=40, help_text="Per esempio FEI, FAMI, FSE+.")
    period_start = models.PositiveSmallIntegerField("Dall'anno", null=True, blank=True)
    period_end = models.PositiveSmallIntegerField("All'anno", null=True, blank=True)
    level = models.CharField("Livello", max_length=12, choices=Level.choices, default=Level.EU)
    total_allocation = money_field("Dotazione complessiva", "In euro, per l'intero periodo.")
    url = models.URLField("Collegamento", blank=True)
    description = models.TextField("Descrizione", blank=True)
    colour = models.CharField(
        "Colore",
        max_length=12,
        choices=Colour.choices,
        default=Colour.BLUE,
        help_text="Il colore del riquadro che sostituisce l'immagine dei progetti del fondo che non ne hanno una.",
    )
    eu_statement = statement_field(
        "Dicitura UE",
        "La frase accanto all'emblema dell'Unione europea sulle pagine dei progetti e dei corsi del fondo "
        "(per il PNRR, quella con «NextGenerationEU»). Vuota per un fondo senza risorse europee.",
        default=EuStatement.COFUNDED,
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("acronym"), FieldPanel("level")]),
        FieldPanel("colour"),
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")], heading="Periodo di programmazione"),
        FieldPanel("total_allocation"),
        FieldPanel("url"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("eu_statement"),
                InlinePanel("mandatory_logos", label="Logo", heading="Loghi obbligatori", help_text=LOGOS_HELP),
            ],
            heading="Visibilità del finanziamento UE",
        ),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("acronym"),
        index.AutocompleteField("acronym"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = "Fondo"
        verbose_name_plural = "Fondi"
        ordering = ["acronym", "name"]

    def __str__(self):
        return f"{self.acronym} {self.period}".strip()

    @property
    def period(self):
        return period_label(self.period_start, self.period_end)

    @property
    def is_eu(self):
        return self.level == self.Level.EU

    def clean(self):
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": "L'anno finale non può precedere quello iniziale."})


class FundingProgramme(index.Indexed, ClusterableModel):
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
        InlinePanel("mandatory_logos", label="Logo", heading="Loghi obbligatori", help_text=LOGOS_HELP),
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
        return period_label(self.period_start, self.period_end)

    def clean(self):
        errors = {}
        if self.period_start and self.period_end and self.period_end < self.period_start:
            errors["period_end"] = "L'anno finale non può precedere quello iniziale."
        if self.parent_id:
            if self.pk and self.parent_id == self.pk:
                errors["parent"] = "Un programma non può far parte di sé stesso."
            elif self.pk and self.pk in self.parent.ancestor_ids():
                errors["parent"] = (
                    "Il programma scelto fa già parte di questo programma: "
                    "un programma non può far parte di un suo sottoprogramma."
                )
            elif self.fund_id and self.parent.fund_id != self.fund_id:
                errors["parent"] = "Il programma di riferimento deve appartenere allo stesso fondo."
        if errors:
            raise ValidationError(errors)

    def ancestor_ids(self):
        """The ids of the programmes this one belongs to, nearest first (one query a level)."""
        ids, parent_id = [], self.parent_id
        while parent_id and parent_id not in ids and parent_id != self.pk:
            ids.append(parent_id)
            parent_id = FundingProgramme.objects.filter(pk=parent_id).values_list("parent_id", flat=True).first()
        return ids

    def lineage(self):
        """This programme and those it belongs to, outermost first, for a project's funding box. At
        most MAX_PROGRAMME_DEPTH levels, and a cycle saved around `clean` ends the walk."""
        chain, programme = [], self
        while programme is not None and programme not in chain and len(chain) < MAX_PROGRAMME_DEPTH:
            chain.append(programme)
            programme = programme.parent
        return chain[::-1]


class Theme(TranslatableMixin, models.Model):
    """Translatable (`core.translatable`): a theme's name is a word a visitor reads ("Inclusione
    sociale"), not a proper name; the slug stays the Italian one, so /en/ filters by it too."""

    translated_field_names = ("name",)

    name = models.CharField("Nome", max_length=100)
    slug = models.SlugField("Abbreviazione per l'indirizzo", max_length=100)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = "Tema"
        verbose_name_plural = "Temi"
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("name", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


class Territory(TranslatableMixin, models.Model):
    """Translatable (`core.translatable`): its name ("Italia", "Roma" read "Italy", "Rome" in English
    if editors say so); level and code stay."""

    translated_field_names = ("name",)

    class Level(models.TextChoices):
        COUNTRY = "nazione", "Nazione"
        REGION = "regione", "Regione"
        PROVINCE = "provincia", "Provincia o città metropolitana"
        MUNICIPALITY = "comune", "Comune o Municipio"

    name = models.CharField("Nome", max_length=120)
    level = models.CharField("Livello", max_length=12, choices=Level.choices, default=Level.REGION)
    code = models.CharField(
        "Codice", max_length=20, blank=True, help_text="Codice NUTS o ISTAT, per esempio ITI4 per il Lazio."
    )

    panels = [FieldPanel("name"), FieldRowPanel([FieldPanel("level"), FieldPanel("code")])]

    class Meta(TranslatableMixin.Meta):
        verbose_name = "Territorio"
        verbose_name_plural = "Territori"
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("name", "locale")]

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
