"""Amounts in euros as a reader of the page's language expects them: `1.250.000,50 €` in Italian (what
`floatformat:"2g" €` printed before), `€1,250,000.50` in English. The separators come from the active
language's formats (Django's, core/formats/); the sign's place is the only other difference.
Templates use `{% load amounts %}{{ value|euros }}`; models, charts and e-mails call `euros()`."""

from django.template.defaultfilters import floatformat

from core.dates import english


def euros(value, places=2):
    """`1.250.000,50 €` / `€1,250,000.50`; `places` decimals (0 for round thresholds); "" for None."""
    if value is None or value == "":
        return ""
    number = str(floatformat(value, f"{places}g"))
    if not number:
        return ""
    if english():
        sign, digits = ("-", number[1:]) if number.startswith("-") else ("", number)
        return f"{sign}€{digits}"
    return f"{number} €"
