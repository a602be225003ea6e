"""EU visibility (Regulation (EU) 2021/1060, art. 47 and 50, Annex IX): the statement that goes with
the EU emblem, the mandatory logos a fund or programme prescribes, and what a funded project must
have before it is published. Projects and courses both ask `visibility_for` what to show."""

import hashlib
from dataclasses import dataclass, field

from django.db import models
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from core.parts import shared_part

# The EU's own wording in each language: "Co-funded by the European Union", "Funded by the European Union".
EMBLEM_ALT = _("Emblema dell'Unione europea")


class EuStatement(models.TextChoices):
    FUNDED = "finanziato", _("Finanziato dall'Unione europea")
    COFUNDED = "cofinanziato", _("Cofinanziato dall'Unione europea")
    NEXT_GENERATION_EU = "nextgenerationeu", _("Finanziato dall'Unione europea – NextGenerationEU")


def statement_field(verbose_name, help_text, default=""):
    return models.CharField(
        verbose_name, max_length=20, choices=EuStatement.choices, blank=True, default=default, help_text=help_text
    )


class MandatoryLogo(Orderable):
    """A logo the funding rules require beside the EU emblem, in the order they prescribe."""

    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name="Immagine", on_delete=models.CASCADE, related_name="+"
    )
    alt_text = models.CharField(
        "Testo alternativo",
        max_length=160,
        help_text="Che cosa dice il logo, per chi non lo vede: per esempio «Repubblica Italiana».",
    )

    panels = [FieldPanel("image"), FieldPanel("alt_text")]

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = "Logo obbligatorio"
        verbose_name_plural = "Loghi obbligatori"


class FundLogo(MandatoryLogo):
    fund = ParentalKey("projects.Fund", on_delete=models.CASCADE, related_name="mandatory_logos")


class ProgrammeLogo(MandatoryLogo):
    programme = ParentalKey("projects.FundingProgramme", on_delete=models.CASCADE, related_name="mandatory_logos")


LOGOS_HELP = (
    "I loghi che il programma chiede di mostrare accanto all'emblema dell'Unione europea, nell'ordine "
    "stabilito dal programma; se un programma ha i suoi, valgono quelli del programma."
)


@dataclass
class Visibility:
    """What a funded page shows at its top: the emblem, the statement and the logo strip."""

    statement: str
    logos: list = field(default_factory=list)
    emblem_alt: str = EMBLEM_ALT


def mandatory_logos(fund=None, programmes=()):
    """The strip of the most specific programme that has one (`programmes` outermost first), else
    the fund's."""
    for programme in reversed(list(programmes)):
        logos = list(programme.mandatory_logos.select_related("image"))
        if logos:
            return logos
    return list(fund.mandatory_logos.select_related("image")) if fund is not None else []


def fund_statement(fund):
    """The statement of an EU fund, for pages funded through it alone (courses), or ""."""
    if fund is None or not fund.is_eu or not fund.eu_statement:
        return ""
    return str(EuStatement(fund.eu_statement).label)  # in the active language


def visibility_for(statement, fund=None, programmes=(), request=None):
    """The visibility block's HTML for a page funded with `statement` ("" when there is nothing to
    show). The same for every page of that fund and programme chain, so it is kept as a shared part
    (logos and their renditions read once until editors change something)."""
    if not statement:
        return ""
    programmes = list(programmes)
    # the statement and the emblem's text are in the page's language: one part per language
    identity = (str(statement), fund.pk if fund else None, [p.pk for p in programmes], translation.get_language())
    key = hashlib.sha256(repr(identity).encode()).hexdigest()
    return shared_part(
        f"eu-visibility:{key}",
        request,
        lambda: render_to_string(
            "projects/includes/eu_visibility.html", {"eu": Visibility(statement, mandatory_logos(fund, programmes))}
        ),
    )


def is_blank_rich_text(value):
    return not strip_tags(value or "").replace("&nbsp;", " ").strip()


def publication_gaps(values):
    """What an EU-funded project lacks to be published, as (field, label) pairs. `values` maps the
    project's field names to their (cleaned) values."""
    fund, own_statement = values.get("fund"), values.get("eu_statement")
    statement = own_statement or (fund.eu_statement if fund is not None else "")
    # as `ProjectPage.is_eu_funded`
    eu_funded = bool(values.get("eu_contribution") or own_statement) or (fund is not None and fund.is_eu)
    if not eu_funded:
        return []
    gaps = []
    if is_blank_rich_text(values.get("objectives")):
        gaps.append(("objectives", "Obiettivi"))
    if is_blank_rich_text(values.get("expected_results")):
        gaps.append(("expected_results", "Risultati attesi"))
    if not statement:
        gaps.append(("eu_statement", "Dicitura sul finanziamento UE"))
    return gaps


def gaps_message(gaps):
    labels = ", ".join(f"«{label}»" for _, label in gaps)
    what = "manca ancora questo dato" if len(gaps) == 1 else "mancano ancora questi dati"
    return f"Per pubblicare un progetto finanziato dall'Unione europea {what}: {labels}."
