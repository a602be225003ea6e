"""The project edit form: its tabs and panels, and the form class that checks an EU-funded project
before it is published (`ProjectPageForm`)."""

from django import forms
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.models import Page

from core.choosers import linked_chooser
from core.edit_forms import PageEditForm
from core.models import BasePage

from .visibility import gaps_message, publication_gaps

PUBLISH_CHECK_HELP = (
    "Un progetto finanziato dall'Unione europea si può salvare in bozza anche incompleto, ma per "
    "pubblicarlo servono obiettivi, risultati attesi e la dicitura sul finanziamento UE "
    "(Regolamento (UE) 2021/1060, art. 50)."
)


class ProjectPageForm(PageEditForm):
    """Drafts may stay incomplete: Wagtail defers validation only when saving a draft (or
    previewing), so publishing, submitting for approval and approving all pass through this check.
    The empty choice of a select says what leaving it empty means, instead of "---------"."""

    blank_choice_labels = {
        "eu_statement": "— quella del fondo —",
        "status_override": "— ricavato dalle date —",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in self.blank_choice_labels.items():
            if name in self.fields:
                self.fields[name].choices = [("", label), *[c for c in self.fields[name].choices if c[0] != ""]]

    def clean(self):
        cleaned_data = super().clean()
        if self.is_deferred_validation:
            return cleaned_data
        gaps = publication_gaps(cleaned_data)
        if gaps:
            self.add_error(None, gaps_message(gaps))
            for name, _label in gaps:
                if name in self.fields and name not in self.errors:
                    self.add_error(name, "Necessario per pubblicare un progetto finanziato dall'Unione europea.")
        return cleaned_data


content_panels = Page.content_panels + [
    FieldRowPanel([FieldPanel("acronym"), FieldPanel("cup")]),
    FieldPanel("summary"),
    MultiFieldPanel(
        [HelpPanel(PUBLISH_CHECK_HELP), FieldPanel("objectives"), FieldPanel("expected_results")],
        heading="Obiettivi e risultati attesi",
    ),
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
            FieldPanel("eu_statement"),
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
    MultiFieldPanel(
        [
            HelpPanel("Il collegamento a OpenCUP si ricava dal CUP; gli altri sono facoltativi."),
            FieldPanel("opencoesione_url"),
            FieldPanel("kohesio_url"),
        ],
        heading="Registri pubblici",
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
