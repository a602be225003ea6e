"""The register of public contributions received (Legge 4 agosto 2017, n. 124, art. 1, commi 125-129):
one row per receipt, entered by editors as a snippet, and the page that publishes them by year with
the yearly total, the 10.000 euro threshold and the open-data downloads (`exports.py`)."""

from decimal import Decimal

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import DraftStateMixin, Page, RevisionMixin
from wagtail.search import index

from core.admin_inputs import format_amount
from core.models import BasePage

from . import exports
from .forms import PublicContributionForm
from .register import LAW, THRESHOLD, register_years


class PublicContribution(DraftStateMixin, RevisionMixin, models.Model):
    """A grant, contribution or economic advantage received from a public administration, counted
    on a cash basis: the date is the day the money arrived. Receipts have drafts and revisions like
    pages: the register publishes only live ones, and an editor can compare and restore versions."""

    granting_body = models.ForeignKey(
        "projects.Organisation",
        verbose_name="Ente erogante",
        on_delete=models.PROTECT,
        related_name="contributions_granted",
        help_text="L'amministrazione pubblica che ha pagato; deve avere il codice fiscale.",
    )
    amount = models.DecimalField(
        "Importo ricevuto",
        max_digits=14,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"), message="L'importo deve essere maggiore di zero.")],
        help_text="In euro, la somma effettivamente incassata.",
    )
    received_on = models.DateField("Data di incasso", help_text="Il giorno in cui la somma è stata incassata.")
    reason = models.CharField(
        "Causale", max_length=500, help_text="Per che cosa è stata pagata, per esempio «Saldo del progetto FEI 2011»."
    )
    project = models.ForeignKey(
        "projects.ProjectPage",
        verbose_name="Progetto finanziato",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="public_contributions",
    )
    year = models.PositiveSmallIntegerField(
        "Anno di riferimento",
        blank=True,
        validators=[
            MinValueValidator(2000, message="Indica un anno dal 2000 in poi."),
            MaxValueValidator(2100, message="Indica un anno fino al 2100."),
        ],
        help_text="L'anno sotto cui pubblicarlo. Se lo lasci vuoto è l'anno della data di incasso.",
    )

    panels = [
        FieldRowPanel([FieldPanel("granting_body"), FieldPanel("granting_body_fiscal_code")]),
        FieldRowPanel([FieldPanel("amount"), FieldPanel("received_on"), FieldPanel("year")]),
        FieldPanel("reason"),
        FieldPanel("project"),
    ]

    revisions = GenericRelation(
        "wagtailcore.Revision",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="public_contribution",
        for_concrete_model=False,
    )

    base_form_class = PublicContributionForm

    class Meta:
        verbose_name = "Contributo pubblico ricevuto"
        verbose_name_plural = "Contributi pubblici ricevuti"
        ordering = ["-year", "received_on", "pk"]

    def __str__(self):
        return f"{self.granting_body.name}: {self.amount_label} ({self.received_on:%d/%m/%Y})"

    def save(self, *args, **kwargs):
        if self.year is None and self.received_on:
            self.year = self.received_on.year
        super().save(*args, **kwargs)

    @property
    def amount_label(self):
        return f"{format_amount(self.amount)} €" if self.amount is not None else ""

    def clean(self):
        super().clean()
        if self.year is None and self.received_on:
            self.year = self.received_on.year
        if self.granting_body_id and not self.granting_body.fiscal_code:
            raise ValidationError(
                {
                    "granting_body": "La legge chiede il codice fiscale dell'ente erogante: scrivilo nel campo "
                    "«Codice fiscale dell'ente erogante» qui accanto."
                }
            )


class ContributionsRegisterPage(RoutablePageMixin, BasePage):
    """ "Contributi pubblici ricevuti": every receipt of the register, by year (newest first)."""

    intro = models.TextField(
        "Introduzione", blank=True, help_text="Una o due frasi sotto il titolo; la legge e la soglia sono già scritte."
    )

    parent_page_types = ["home.HomePage", "standardpages.ContentPage"]
    subpage_types = []
    max_count = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = "Contributi pubblici ricevuti"
        verbose_name_plural = "Contributi pubblici ricevuti"

    def published_years(self):
        """The published receipts, by year (`register.py`)."""
        return register_years(PublicContribution.objects.filter(live=True))

    @path("")
    def register(self, request):
        context = {"years": self.published_years(), "law": LAW, "threshold": THRESHOLD}
        return self.render(request, context_overrides=context)

    @path("dati/csv/")
    def export_csv(self, request):
        return exports.csv_response(request, self.published_years())

    @path("dati/json/")
    def export_json(self, request):
        return exports.json_response(request, self.published_years())
