"""Dates as an Italian reader expects them: `1 settembre 2011`, `1-3 ottobre 2026`, `dal 7 dicembre
2026`, `ore 9:30`, in Europe/Rome time, months in lower case; on English pages (the active language,
`translation.get_language()`) as a British reader expects them: `1 September 2011`, `1-3 October
2026`, `from 7 December 2026`, `9:30am` (GOV.UK's style: `2pm`, `midday`). The names stay `italian_*`
because every template, e-mail and admin column calls them so; the admin is always Italian.

Django's `date:"j F Y"` gives capitalised months in Italian ("1 Settembre 2011"), and the short
formats (01/02/2026) read like a form. Templates use these functions as filters
(`{% load italian_dates %}`); e-mails, feeds, search results and the admin call them directly.
Machine-readable values (`<time datetime>`, JSON-LD, open data, spreadsheet cells) stay ISO.
"""

import datetime

from django.utils import timezone, translation

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
ENGLISH_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# Days read aloud with a vowel ("uno", "otto", "undici") take the elided article: "l'8", "dall'11".
ELIDED_DAYS = {1, 8, 11}


def english():
    """True on English pages (and in e-mails rendered for an English visitor)."""
    return (translation.get_language() or "").startswith("en")


def month_name(number):
    return (ENGLISH_MONTHS if english() else MONTHS)[number - 1]


def local(value):
    """A date-time in Rome time (aware ones converted, naive ones taken as they are)."""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def _day_month(value):
    return f"{value.day} {month_name(value.month)}"


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
    return f"{month_name(value.month)} {value.year}"


def clock(value):
    """`9:30` in Italian; `9:30am`, `2pm`, `midday`, `midnight` in English."""
    if not english():
        return f"{value.hour}:{value.minute:02d}"
    if value.minute == 0 and value.hour in (0, 12):
        return "midnight" if value.hour == 0 else "midday"
    hour = value.hour % 12 or 12
    minutes = f":{value.minute:02d}" if value.minute else ""
    return f"{hour}{minutes}{'am' if value.hour < 12 else 'pm'}"


def italian_time(value):
    """`ore 9:30` / `9:30am` (Rome time)."""
    if not value:
        return ""
    value = local(value)
    return clock(value) if english() else f"ore {clock(value)}"


def italian_datetime(value):
    """`1 ottobre 2026, ore 9:30`; `1 October 2026, 9:30am`."""
    if not value:
        return ""
    return f"{italian_date(value)}, {italian_time(value)}"


def _with(preposition, elided, english_preposition, value):
    value = local(value)
    if english():
        return f"{english_preposition} {italian_date(value)}"
    return f"{elided if value.day in ELIDED_DAYS else preposition + ' '}{italian_date(value)}"


def italian_on(value):
    """`il 3 marzo 2026`, `l'8 marzo 2026`; `on 3 March 2026`."""
    return _with("il", "l'", "on", value) if value else ""


def italian_since(value):
    """`dal 7 dicembre 2026`, `dall'1 dicembre 2026`: an open start; `from 7 December 2026`."""
    return _with("dal", "dall'", "from", value) if value else ""


def italian_until(value):
    """`fino al 10 dicembre 2026`, `fino all'8 dicembre 2026`; `until 10 December 2026`."""
    if not value:
        return ""
    return _with("", "", "until", value) if english() else "fino " + _with("al", "all'", "", value)


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
        return f"{first.day}-{last.day} {month_name(last.month)} {last.year}"
    if first.year == last.year:
        return f"{_day_month(first)} - {_day_month(last)} {last.year}"
    return f"{italian_date(first)} - {italian_date(last)}"


def italian_time_range(start, end):
    """`ore 9:30-13:30` / `9:30am to 1:30pm` (the clock times of two date-times, Rome time)."""
    if not start or not end:
        return italian_time(start or end)
    start, end = local(start), local(end)
    if english():
        return f"{clock(start)} to {clock(end)}"
    return f"ore {clock(start)}-{clock(end)}"
