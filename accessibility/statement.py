"""The accessibility statement as AgID's model asks for it (Legge 4/2004, linee guida AgID): the
conformance status, the content that is not accessible and why, how and when the site was evaluated,
the feedback mechanism with its 30-day reply, the escalation to AgID, and the link to the statement
filed on AgID's form. Editors fill in fields, the page writes the required sentences, so no part the
model requires can be forgotten. It is renewed every year by 23 September (`reminders.py`)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES
from core.models import BasePage

from .feedback import AGID_PROCEDURE_URL, REPLY_DAYS

# AgID's reference for conformance: the appendix A of UNI CEI EN 301549 (WCAG 2.1 level AA).
STANDARD = gettext_noop("UNI CEI EN 301549 (WCAG 2.1, livello AA)")


class Conformance(models.TextChoices):
    FULL = "conforme", "Conforme"
    PARTIAL = "parziale", "Parzialmente conforme"
    NONE = "non-conforme", "Non conforme"


class EvaluationMethod(models.TextChoices):
    SELF = "autovalutazione", _("Autovalutazione effettuata direttamente dall'organizzazione")
    THIRD_PARTY = "terzi", _("Valutazione effettuata da terzi")


class AccessibilityStatementPage(BasePage):
    intro = models.TextField(
        "Introduzione",
        blank=True,
        help_text="Facoltativa. L'impegno dell'organizzazione e l'ambito della dichiarazione sono già scritti.",
    )
    conformance = models.CharField(
        "Stato di conformità",
        max_length=20,
        choices=Conformance.choices,
        default=Conformance.PARTIAL,
        help_text=f"Rispetto ai requisiti della norma {STANDARD}. «Conforme» solo se non resta nessun "
        "contenuto non accessibile.",
    )
    non_compliant_content = RichTextField(
        "Inosservanza della Legge 4/2004",
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="Un elenco dei contenuti non accessibili, con il motivo e, se c'è, l'alternativa accessibile. "
        "Obbligatorio se il sito non è del tutto conforme.",
    )
    disproportionate_burden = RichTextField(
        "Onere sproporzionato",
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="Facoltativo. I contenuti che non rendiamo accessibili perché costerebbe troppo, e perché.",
    )
    out_of_scope = RichTextField(
        "Contenuti non soggetti alla legge",
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="Facoltativo. Per esempio i contenuti di terzi che non controlliamo.",
    )
    first_published_on = models.DateField(
        "Prima redazione", help_text="Il giorno in cui la dichiarazione è stata redatta la prima volta."
    )
    reviewed_on = models.DateField(
        "Ultimo riesame",
        help_text="Il giorno dell'ultima verifica del sito. La dichiarazione va riesaminata ogni anno entro il 23 "
        "settembre: la bacheca lo ricorda da agosto.",
    )
    evaluation_method = models.CharField(
        "Metodo di valutazione", max_length=20, choices=EvaluationMethod.choices, default=EvaluationMethod.SELF
    )
    evaluation_notes = models.TextField(
        "Come è stata fatta la verifica",
        blank=True,
        help_text="Facoltativo. Strumenti usati, pagine controllate, prove con utenti.",
    )
    agid_form_url = models.URLField(
        "Dichiarazione su form.agid.gov.it",
        blank=True,
        help_text="L'indirizzo della dichiarazione compilata sul modulo di AgID (form.agid.gov.it), che AgID "
        "fornisce dopo l'invio.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("conformance"),
                FieldPanel("non_compliant_content"),
                FieldPanel("disproportionate_burden"),
                FieldPanel("out_of_scope"),
            ],
            heading="Conformità e contenuti non accessibili",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("first_published_on"), FieldPanel("reviewed_on")]),
                FieldPanel("evaluation_method"),
                FieldPanel("evaluation_notes"),
                FieldPanel("agid_form_url"),
            ],
            heading="Redazione della dichiarazione",
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("non_compliant_content")]

    parent_page_types = ["home.HomePage", "standardpages.ContentPage"]
    subpage_types = ["accessibility.AccessibilityFeedbackPage"]
    max_count = 1

    class Meta:
        verbose_name = "Dichiarazione di accessibilità"
        verbose_name_plural = "Dichiarazioni di accessibilità"

    def clean(self):
        super().clean()
        errors = {}
        if self.conformance != Conformance.FULL and not _has_text(self.non_compliant_content):
            errors["non_compliant_content"] = (
                "Se il sito non è del tutto conforme, elenca qui i contenuti non accessibili e il motivo."
            )
        if self.first_published_on and self.reviewed_on and self.reviewed_on < self.first_published_on:
            errors["reviewed_on"] = "L'ultimo riesame non può precedere la prima redazione."
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        site = self.get_site()
        context.update(
            feedback_page=self.get_children().live().public().first(),  # the feedback form, its only subpage type
            standard=gettext(STANDARD),
            reply_days=REPLY_DAYS,
            agid_url=AGID_PROCEDURE_URL,
            site_root=site.root_url if site else "",
        )
        return context


def _has_text(html):
    return bool(html and html.replace("<p></p>", "").strip())
