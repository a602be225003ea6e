"""`{% load italian_dates %}`: the filters behind every date a visitor or an editor reads (see
`core/dates.py`; English on English pages, by the active language), e.g.
`{{ page.planned_start|italian_date }}`, `{{ start|italian_date_range:end }}`."""

from django import template

from core import dates

register = template.Library()

FILTERS = (
    "italian_date",  # 1 settembre 2011
    "italian_month",  # settembre 2011
    "italian_time",  # ore 9:30
    "italian_datetime",  # 1 ottobre 2026, ore 9:30
    "italian_on",  # il 3 marzo 2026 / l'8 marzo 2026
    "italian_since",  # dal 7 dicembre 2026
    "italian_until",  # fino al 10 dicembre 2026
    "italian_date_range",  # start|italian_date_range:end -> 1-3 ottobre 2026
    "italian_time_range",  # start|italian_time_range:end -> ore 9:30-13:30
)
for name in FILTERS:
    register.filter(name, getattr(dates, name))
