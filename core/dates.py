"""Dates as an Italian reader expects them: `1 settembre 2011`, `1-3 ottobre 2026`, `dal 7 dicembre
2026`, `ore 9:30`, in Europe/Rome time, months in lower case.

Django's `date:"j F Y"` gives capitalised months in Italian ("1 Settembre 2011"), and the short
formats (01/02/2026) read like a form. Templates use these functions as filters
(`{% load italian_dates %}`); e-mails, feeds, search results and the admin call them directly.
Machine-readable values (`<time datetime>`, JSON-LD, open data, spreadsheet cells) stay ISO.
"""

import datetime

from django.utils import timezone

MONTHS = (
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
)
# Days read aloud with a vowel ("uno", "otto", "undici") take the elided article: "l'8", "dall'11".
ELIDED_DAYS = {1, 8, 11}


def local(value):
    """A date-time in Rome time (aware ones converted, naive ones taken as they are)."""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def _day_month(value):
    return f"{value.day} {MONTHS[value.month - 1]}"


def italian_date(value):
    """`1 settembre 2011`; empty for None."""
    if not value:
        return ""
    value = local(value)
    return f"{_day_month(value)} {value.year}"


def italian_month(value):
    """`settembre 2011`."""
    if not value:
        return ""
    value = local(value)
    return f"{MONTHS[value.month - 1]} {value.year}"


def italian_time(value):
    """`ore 9:30` (Rome time)."""
    if not value:
        return ""
    value = local(value)
    return f"ore {value.hour}:{value.minute:02d}"


def italian_datetime(value):
    """`1 ottobre 2026, ore 9:30`."""
    if not value:
        return ""
    return f"{italian_date(value)}, {italian_time(value)}"


def _with(preposition, elided, value):
    value = local(value)
    return f"{elided if value.day in ELIDED_DAYS else preposition + ' '}{italian_date(value)}"


def italian_on(value):
    """`il 3 marzo 2026`, `l'8 marzo 2026`."""
    return _with("il", "l'", value) if value else ""


def italian_since(value):
    """`dal 7 dicembre 2026`, `dall'1 dicembre 2026`: an open start."""
    return _with("dal", "dall'", value) if value else ""


def italian_until(value):
    """`fino al 10 dicembre 2026`, `fino all'8 dicembre 2026`."""
    return "fino " + _with("al", "all'", value) if value else ""


def italian_date_range(start, end=None):
    """`1-3 ottobre 2026`, `30 settembre - 2 ottobre 2026`, `15 dicembre 2026 - 10 gennaio 2027`;
    one day reads as a date, no end as `dal ...`, no start as `fino al ...`."""
    if not start and not end:
        return ""
    if not end:
        return italian_since(start)
    if not start:
        return italian_until(end)
    start, end = local(start), local(end)
    first = start.date() if isinstance(start, datetime.datetime) else start
    last = end.date() if isinstance(end, datetime.datetime) else end
    if first == last:
        return italian_date(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}-{last.day} {MONTHS[last.month - 1]} {last.year}"
    if first.year == last.year:
        return f"{_day_month(first)} - {_day_month(last)} {last.year}"
    return f"{italian_date(first)} - {italian_date(last)}"


def italian_time_range(start, end):
    """`ore 9:30-13:30` (the clock times of two date-times, Rome time)."""
    if not start or not end:
        return italian_time(start or end)
    start, end = local(start), local(end)
    return f"ore {start.hour}:{start.minute:02d}-{end.hour}:{end.minute:02d}"
