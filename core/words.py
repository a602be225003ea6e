"""Italian agreement with a number, said once for every page and message: "1 ora", "1,5 ore",
"2 posti liberi", "Docente" for one name and "Docenti" for several."""

import re
from decimal import Decimal, InvalidOperation

from django.utils.formats import number_format

# How a list of names is written in a free text field: "Rossi, Bianchi", "Rossi; Bianchi", "Rossi e Bianchi".
NAME_SEPARATORS = re.compile(r"\s*(?:,|;|\se\s|\sed\s)\s*")


def italian_number(value):
    """1.250 or 1,5: Italian separators, no trailing ",0"."""
    number = Decimal(str(value))
    places = 0 if number == number.to_integral_value() else max(-number.normalize().as_tuple().exponent, 0)
    return number_format(number, decimal_pos=places, use_l10n=True, force_grouping=True)


def italian_count(value, singular, plural):
    """`italian_count(1, "ora", "ore")` -> "1 ora"; only exactly one takes the singular."""
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return ""
    return f"{italian_number(number)} {singular if number == 1 else plural}"


def count_names(text):
    return len([name for name in NAME_SEPARATORS.split(text.strip()) if name]) if text else 0


def label_for_names(text, singular, plural):
    """ "Docente" before one name, "Docenti" before several."""
    return singular if count_names(text) == 1 else plural
