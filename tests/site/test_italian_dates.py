"""The Italian date functions and their template filters (`core/dates.py`, `{% load italian_dates %}`)."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template

from core.dates import (
    italian_date,
    italian_date_range,
    italian_datetime,
    italian_month,
    italian_on,
    italian_since,
    italian_time,
    italian_time_range,
    italian_until,
)
from tests.site.italian_rule import with_article

ROME = ZoneInfo("Europe/Rome")
UTC = datetime.UTC
d = datetime.date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (d(2011, 9, 1), "1 settembre 2011"),
        (d(2026, 12, 7), "7 dicembre 2026"),
        (d(2027, 1, 10), "10 gennaio 2027"),
        (datetime.datetime(2026, 3, 31, 22, 30, tzinfo=UTC), "1 aprile 2026"),  # past midnight in Rome
        (datetime.datetime(2026, 1, 31, 23, 30, tzinfo=UTC), "1 febbraio 2026"),  # winter time, +1
        (None, ""),
        ("", ""),
    ],
)
def test_a_date_has_a_lower_case_month_in_rome_time(value, expected):
    assert italian_date(value) == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (d(2026, 10, 1), d(2026, 10, 3), "1-3 ottobre 2026"),
        (d(2026, 9, 30), d(2026, 10, 2), "30 settembre - 2 ottobre 2026"),
        (d(2026, 12, 15), d(2027, 1, 10), "15 dicembre 2026 - 10 gennaio 2027"),
        (d(2026, 12, 31), d(2027, 1, 1), "31 dicembre 2026 - 1 gennaio 2027"),
        (d(2026, 10, 1), d(2026, 10, 1), "1 ottobre 2026"),
        (d(2026, 12, 7), None, "dal 7 dicembre 2026"),
        (d(2026, 12, 8), None, "dall'8 dicembre 2026"),
        (None, d(2026, 12, 10), "fino al 10 dicembre 2026"),
        (None, d(2026, 12, 11), "fino all'11 dicembre 2026"),
        (None, None, ""),
        # date-times: the days in Rome; a session from 9:30 to 13:30 on one day is one date
        (
            datetime.datetime(2026, 10, 1, 9, 30, tzinfo=ROME),
            datetime.datetime(2026, 10, 1, 13, 30, tzinfo=ROME),
            "1 ottobre 2026",
        ),
        (
            datetime.datetime(2026, 12, 31, 23, 30, tzinfo=UTC),  # 1 January in Rome
            datetime.datetime(2027, 1, 3, 12, 0, tzinfo=UTC),
            "1-3 gennaio 2027",
        ),
    ],
)
def test_ranges(start, end, expected):
    assert italian_date_range(start, end) == expected


def test_articles_and_prepositions_elide_before_a_vowel():
    assert italian_on(d(2026, 3, 3)) == "il 3 marzo 2026"
    assert italian_on(d(2026, 3, 8)) == "l'8 marzo 2026"
    assert italian_on(d(2026, 3, 1)) == "l'1 marzo 2026"
    assert italian_since(d(2026, 3, 11)) == "dall'11 marzo 2026"
    assert italian_since(d(2026, 3, 18)) == "dal 18 marzo 2026"
    assert italian_until(d(2026, 3, 21)) == "fino al 21 marzo 2026"
    assert italian_on(None) == italian_since(None) == italian_until(None) == ""


@pytest.mark.parametrize("day", [datetime.date(2028, 1, 1) + datetime.timedelta(days=n) for n in range(366)], ids=str)
def test_every_day_of_a_leap_year_takes_the_article_its_spoken_number_asks_for(day):
    assert italian_on(day) == with_article(day, "il", "l'")
    assert italian_since(day) == with_article(day, "dal", "dall'")
    assert italian_until(day) == "fino " + with_article(day, "al", "all'")


def test_times_are_in_rome_without_a_leading_zero():
    summer = datetime.datetime(2026, 7, 1, 7, 30, tzinfo=UTC)
    winter = datetime.datetime(2026, 1, 15, 8, 5, tzinfo=UTC)
    assert italian_time(summer) == "ore 9:30"
    assert italian_time(winter) == "ore 9:05"
    assert italian_datetime(summer) == "1 luglio 2026, ore 9:30"
    assert italian_time_range(summer, summer + datetime.timedelta(hours=4)) == "ore 9:30-13:30"
    assert italian_month(winter) == "gennaio 2026"
    assert italian_time(None) == italian_datetime(None) == italian_month(None) == ""


def test_the_template_filters_are_the_same_functions():
    template = Template(
        "{% load italian_dates %}{{ a|italian_date }}|{{ a|italian_date_range:b }}|{{ a|italian_since }}|"
        "{{ t|italian_time }}|{{ missing|italian_date }}|{{ a|italian_on }}"
    )
    rendered = template.render(
        Context({"a": d(2026, 9, 30), "b": d(2026, 10, 2), "t": datetime.datetime(2026, 7, 1, 7, 30, tzinfo=UTC)})
    )
    assert (
        rendered
        == "30 settembre 2026|30 settembre - 2 ottobre 2026|dal 30 settembre 2026|ore 9:30||il 30 settembre 2026"
    )
