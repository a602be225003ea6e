"""Dates typed in the admin (issue 26, point 1): what is not a whole, existing date, or has an
implausible year, gets an Italian error and is shown back as typed; every registered date field
(page forms, inline panels, snippets, the schedule dialog) reads them the same way."""

import datetime

import pytest
from django.utils import timezone
from wagtail.admin.forms.models import formfield_for_dbfield

from core.admin_inputs import ItalianDateField, ItalianDateTimeField
from courses.models import CourseSession
from projects.models import ProjectPage
from transparency.models import PublicContribution


@pytest.mark.parametrize("typed", ["15/03/2026", "15-03-2026", "2026-03-15"])
def test_a_whole_date_is_read_day_first(typed):
    assert ItalianDateField().clean(typed) == datetime.date(2026, 3, 15)


@pytest.mark.parametrize("typed", ["31/02/2026", "15/03", "15/13/2026", "2026-02-30", "domani"])
def test_an_impossible_or_partial_date_gets_an_italian_error(typed):
    form_field = ItalianDateField()
    with pytest.raises(Exception) as error:
        form_field.clean(typed)
    assert error.value.messages == ["Questa non è una data valida. Formato gg/mm/aaaa, per esempio 15/03/2026."]


@pytest.mark.parametrize("year", [1900, 1989, 2101, 2206])
def test_an_implausible_year_is_questioned(year):
    with pytest.raises(Exception) as error:
        ItalianDateField().clean(f"15/03/{year}")
    assert error.value.messages == [f"Controlla l'anno: {year} non è plausibile, scrivi un anno tra il 1990 e il 2100."]


def test_the_first_and_last_plausible_years_are_accepted():
    assert ItalianDateField().clean("01/01/1990") == datetime.date(1990, 1, 1)
    assert ItalianDateField().clean("31/12/2100") == datetime.date(2100, 12, 31)


def test_a_date_time_is_read_in_rome_time_and_its_year_checked(settings):
    settings.TIME_ZONE = "Europe/Rome"
    timezone.activate("Europe/Rome")
    value = ItalianDateTimeField().clean("15/03/2026 09:30")
    assert timezone.localtime(value).replace(tzinfo=None) == datetime.datetime(2026, 3, 15, 9, 30)
    with pytest.raises(Exception) as error:
        ItalianDateTimeField().clean("15/03/1900 09:30")
    assert error.value.messages[0].startswith("Controlla l'anno: 1900")
    with pytest.raises(Exception) as error:
        ItalianDateTimeField().clean("31/02/2026 09:30")
    assert error.value.messages == [
        "Questa non è una data e ora valida. Formato gg/mm/aaaa hh:mm, per esempio 15/03/2026 09:30."
    ]


@pytest.mark.parametrize(
    ("model", "fields"),
    [
        (ProjectPage, ["planned_start", "planned_end", "actual_start", "actual_end", "go_live_at", "expire_at"]),
        (CourseSession, ["start", "end", "enrolment_deadline"]),
        (PublicContribution, ["received_on"]),
    ],
)
def test_every_date_the_editors_type_is_checked_the_same_way(model, fields):
    for name in fields:
        form_field = formfield_for_dbfield(model._meta.get_field(name))
        assert isinstance(form_field, ItalianDateField | ItalianDateTimeField), name


@pytest.mark.django_db
def test_the_schedule_dialog_reads_its_dates_the_same_way(project_catalogue):
    """Wagtail's publishing panel brings its own widgets; the form fields are still these."""
    form_class = ProjectPage.get_edit_handler().get_form_class()
    for name in ("go_live_at", "expire_at", "planned_start"):
        assert isinstance(form_class.base_fields[name], ItalianDateField | ItalianDateTimeField), name
