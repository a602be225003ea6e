"""Dates and amounts in the active language's style: the `italian_*` date functions and filters and the
`euros` filter give Italian on Italian pages (as always) and British English on English ones."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.utils import translation

from core import dates
from core.amounts import euros
from projects.charts import short_amount

ROME = ZoneInfo("Europe/Rome")
d = datetime.date


def at(hour, minute=0):
    return datetime.datetime(2026, 10, 1, hour, minute, tzinfo=ROME)


CASES = [
    # (function, arguments, Italian, English)
    (dates.italian_date, (d(2011, 10, 3),), "3 ottobre 2011", "3 October 2011"),
    (dates.italian_month, (d(2011, 9, 1),), "settembre 2011", "September 2011"),
    (dates.italian_date_range, (d(2026, 10, 1), d(2026, 10, 3)), "1-3 ottobre 2026", "1-3 October 2026"),
    (
        dates.italian_date_range,
        (d(2026, 9, 30), d(2026, 10, 2)),
        "30 settembre - 2 ottobre 2026",
        "30 September - 2 October 2026",
    ),
    (
        dates.italian_date_range,
        (d(2026, 12, 15), d(2027, 1, 10)),
        "15 dicembre 2026 - 10 gennaio 2027",
        "15 December 2026 - 10 January 2027",
    ),
    (dates.italian_date_range, (d(2026, 12, 7), None), "dal 7 dicembre 2026", "from 7 December 2026"),
    (dates.italian_since, (d(2026, 12, 1),), "dall'1 dicembre 2026", "from 1 December 2026"),
    (dates.italian_until, (d(2026, 12, 8),), "fino all'8 dicembre 2026", "until 8 December 2026"),
    (dates.italian_on, (d(2026, 3, 3),), "il 3 marzo 2026", "on 3 March 2026"),
    (dates.italian_time, (at(9, 30),), "ore 9:30", "9:30am"),
    (dates.italian_time, (at(14),), "ore 14:00", "2pm"),
    (dates.italian_time, (at(12),), "ore 12:00", "midday"),
    (dates.italian_time_range, (at(9, 30), at(13, 30)), "ore 9:30-13:30", "9:30am to 1:30pm"),
    (dates.italian_datetime, (at(9, 30),), "1 ottobre 2026, ore 9:30", "1 October 2026, 9:30am"),
]


@pytest.mark.parametrize(("function", "arguments", "italian", "english"), CASES)
def test_dates_follow_the_active_language(function, arguments, italian, english):
    with translation.override("it"):
        assert function(*arguments) == italian
    with translation.override("en"):
        assert function(*arguments) == english


def test_the_date_filters_follow_the_active_language():
    template = Template("{% load italian_dates %}{{ day|italian_date }} | {{ start|italian_date_range:end }}")
    context = {"day": d(2011, 10, 3), "start": d(2026, 10, 1), "end": d(2026, 10, 3)}
    with translation.override("it"):
        assert template.render(Context(context)) == "3 ottobre 2011 | 1-3 ottobre 2026"
    with translation.override("en"):
        assert template.render(Context(context)) == "3 October 2011 | 1-3 October 2026"


@pytest.mark.parametrize(
    ("value", "places", "italian", "english"),
    [
        (Decimal("1250000.50"), 2, "1.250.000,50 €", "€1,250,000.50"),
        (Decimal("950"), 2, "950,00 €", "€950.00"),
        (Decimal("-5"), 2, "-5,00 €", "-€5.00"),
        (10000, 0, "10.000 €", "€10,000"),
        (None, 2, "", ""),
    ],
)
def test_amounts_follow_the_active_language(value, places, italian, english):
    with translation.override("it"):
        assert euros(value, places) == italian
    with translation.override("en"):
        assert euros(value, places) == english


def test_the_euros_filter_prints_in_italian_what_floatformat_printed():
    value = Decimal("1250000.5")
    with translation.override("it"):
        before = Template('{{ v|floatformat:"2g" }} €').render(Context({"v": value}))
        assert Template("{% load amounts %}{{ v|euros }}").render(Context({"v": value})) == before
    with translation.override("en"):
        assert Template("{% load amounts %}{{ v|euros }}").render(Context({"v": value})) == "€1,250,000.50"


@pytest.mark.parametrize(
    ("amount", "italian", "english"),
    [
        (Decimal("950"), "950 €", "€950"),
        (Decimal("250000"), "250 mila €", "€250k"),
        (Decimal("1300000"), "1,3 mln €", "€1.3m"),
    ],
)
def test_the_charts_short_labels_follow_the_active_language(amount, italian, english):
    with translation.override("it"):
        assert short_amount(amount) == italian
    with translation.override("en"):
        assert short_amount(amount) == english
