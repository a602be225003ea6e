"""What Italian editors type in the admin: amounts such as 1.250.000,50 and dates such as 15/03/2026.

Every admin model form (pages, snippets, settings, inline panels, chooser creation forms) builds its
fields through Wagtail's form field registry; `register_italian_inputs()` (called once from
`CoreConfig.ready`) registers the fields below there, so no model or panel has to ask for them."""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.numberformat import format as format_number
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput

DATE_HINT = "Formato gg/mm/aaaa, per esempio 15/03/2026."
DATETIME_HINT = "Formato gg/mm/aaaa hh:mm, per esempio 15/03/2026 09:30."
# Years an ASAP project, course, contribution or publication date can plausibly have: a typo such as
# 15/03/206 or 15/03/20266 gets an error instead of being saved.
FIRST_YEAR, LAST_YEAR = 1990, 2100

HOW_TO_WRITE = "virgola per i decimali e, se vuoi, punto per le migliaia: per esempio 1.250.000,50 oppure 1250000,50"
# 1.250.000 / 1.250.000,50: dots group thousands in threes, a comma (if any) starts the decimals.
ITALIAN_GROUPED = re.compile(r"(?P<int>\d{1,3}(?:\.\d{3})+)(?:,(?P<dec>\d+))?")
# 1250000,50: no grouping, a comma starts the decimals.
ITALIAN_PLAIN = re.compile(r"(?P<int>\d+)(?:,(?P<dec>\d+))?")
# 1250000.50: a single dot followed by anything but exactly three digits can only be decimals.
DOT_DECIMALS = re.compile(r"(?P<int>\d+)\.(?P<dec>\d{1,2}|\d{4,})")
# 1.250: a thousand and a quarter, or one and a quarter? Nobody can tell.
AMBIGUOUS_DOT = re.compile(r"\d{1,3}\.\d{3}")


def parse_amount(text):
    """The Decimal an Italian editor meant, or a ValidationError that says what to type instead."""
    compact = re.sub(r"[\s\u00a0\u202f€]", "", text)
    sign = ""
    if compact[:1] in ("-", "+"):
        sign, compact = compact[0].replace("+", ""), compact[1:]
    if AMBIGUOUS_DOT.fullmatch(compact):
        raise ValidationError(
            f"«{text.strip()}» non è chiaro: per un numero intero scrivilo senza punto "
            f"({compact.replace('.', '')}), per i decimali usa la virgola ({compact.replace('.', ',')}).",
            code="ambiguous",
        )
    for pattern in (ITALIAN_GROUPED, ITALIAN_PLAIN, DOT_DECIMALS):
        match = pattern.fullmatch(compact)
        if match:
            integer, decimals = match["int"].replace(".", ""), match["dec"]
            try:
                return Decimal(f"{sign}{integer}.{decimals}" if decimals else f"{sign}{integer}")
            except InvalidOperation:
                break
    raise ValidationError(f"Scrivi un numero con la {HOW_TO_WRITE}.", code="invalid")


def format_amount(value):
    """Decimal("1250000.50") -> "1.250.000,50": how the editor would have typed it."""
    return format_number(value, decimal_sep=",", thousand_sep=".", grouping=3, force_grouping=True)


def decimals_message(decimal_places):
    if decimal_places == 0:
        return "Scrivi un numero intero, senza decimali."
    if decimal_places == 1:
        return "Al massimo un decimale, per esempio 12,5."
    return "Al massimo %(max)s decimali, per esempio 1.250.000,50."


class AmountInput(forms.TextInput):
    """A text box (a number input would reject the comma) that opens the numeric keypad on phones."""

    def __init__(self, attrs=None):
        super().__init__(attrs={"inputmode": "decimal", "autocomplete": "off", "spellcheck": "false", **(attrs or {})})


class AmountField(forms.DecimalField):
    """A DecimalField that reads Italian notation and shows the stored value back in it."""

    widget = AmountInput

    def __init__(self, *, max_digits=None, decimal_places=None, **kwargs):
        super().__init__(max_digits=max_digits, decimal_places=decimal_places, **kwargs)
        self.error_messages["max_decimal_places"] = decimals_message(decimal_places)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal):
            return value
        return parse_amount(str(value))

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return format_amount(value)
        return value


def check_year(value):
    if value is not None and not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValidationError(
            f"Controlla l'anno: {value.year} non è plausibile, scrivi un anno tra il {FIRST_YEAR} e il {LAST_YEAR}.",
            code="implausible_year",
        )


class ItalianDateField(forms.DateField):
    """A date as typed (15/03/2026, 31-12-2027, 2026-03-15): an impossible or partial one gets an
    error that shows the format, a typo in the year an error of its own."""

    default_error_messages = {"invalid": f"Questa non è una data valida. {DATE_HINT}"}
    default_validators = [check_year]


class ItalianDateTimeField(forms.DateTimeField):
    default_error_messages = {"invalid": f"Questa non è una data e ora valida. {DATETIME_HINT}"}
    default_validators = [check_year]


def with_hint(db_field, hint, **options):
    help_text = f"{db_field.help_text} {hint}" if db_field.help_text else hint
    return {"help_text": help_text, **options}


def amount_options(db_field):
    example = {0: "1250", 1: "12,5"}.get(db_field.decimal_places, "1.250.000,50")
    return with_hint(db_field, f"Per esempio {example}.", form_class=AmountField)


def register_italian_inputs():
    register_form_field_override(models.DecimalField, override=amount_options)
    register_form_field_override(
        models.DateField,
        override=lambda db_field: with_hint(db_field, DATE_HINT, form_class=ItalianDateField, widget=AdminDateInput),
    )
    register_form_field_override(
        models.DateTimeField,
        override=lambda db_field: with_hint(
            db_field, DATETIME_HINT, form_class=ItalianDateTimeField, widget=AdminDateTimeInput
        ),
    )
