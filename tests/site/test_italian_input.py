"""What an Italian editor types in the admin: amounts such as 1.250.000,50 and dates such as 15/03/2026."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from core.admin_inputs import AmountField, format_amount, parse_amount
from courses.models import CoursePage
from projects.models import ProjectPage
from tests.factories.projects import ProjectPageFactory


@pytest.mark.parametrize("typed", ["1.250.000,50", "1250000,50", "1250000.50", "1 250 000,50", "€ 1.250.000,50"])
def test_the_usual_ways_of_writing_an_amount_store_the_same_decimal(typed):
    assert parse_amount(typed) == Decimal("1250000.50")


@pytest.mark.parametrize(
    ("typed", "expected"), [("450.000,00", "450000.00"), ("360000,50", "360000.50"), ("12,5", "12.5"), ("1000", "1000")]
)
def test_amounts_from_the_issue_report(typed, expected):
    assert parse_amount(typed) == Decimal(expected)


def test_a_dot_before_three_digits_is_ambiguous_and_the_error_says_what_to_type():
    with pytest.raises(ValidationError) as error:
        parse_amount("1.250")
    assert error.value.messages == [
        "«1.250» non è chiaro: per un numero intero scrivilo senza punto (1250), per i decimali usa la virgola (1,250)."
    ]


@pytest.mark.parametrize("typed", ["1,250,000", "1,250.50", "mille", "12.50.3"])
def test_english_or_garbled_amounts_are_refused_in_italian(typed):
    with pytest.raises(ValidationError) as error:
        parse_amount(typed)
    assert error.value.messages == [
        "Scrivi un numero con la virgola per i decimali e, se vuoi, punto per le migliaia: "
        "per esempio 1.250.000,50 oppure 1250000,50."
    ]


def test_too_many_decimals_are_explained():
    field = AmountField(max_digits=14, decimal_places=2, required=False)
    with pytest.raises(ValidationError) as error:
        field.clean("1.000,505")
    assert error.value.messages == ["Al massimo 2 decimali, per esempio 1.250.000,50."]


def test_stored_amounts_come_back_in_italian_notation():
    assert format_amount(Decimal("1250000.50")) == "1.250.000,50"
    field = AmountField(max_digits=14, decimal_places=2, required=False)
    html = field.widget.render("total_cost", field.prepare_value(Decimal("360000.00")))
    assert 'value="360.000,00"' in html and 'inputmode="decimal"' in html and 'type="text"' in html


@pytest.mark.django_db
def test_the_project_form_reads_italian_amounts_and_dates(project_catalogue):
    project = ProjectPageFactory(parent=project_catalogue, total_cost=None)
    form_class = ProjectPage.get_edit_handler().get_form_class()
    form = form_class(instance=project, for_user=None)
    assert isinstance(form.fields["total_cost"], AmountField)
    assert form.fields["total_cost"].help_text.endswith("Per esempio 1.250.000,50.")
    assert form.fields["planned_start"].help_text == "Formato gg/mm/aaaa, per esempio 15/03/2026."
    assert form.fields["planned_start"].widget.format == "%d/%m/%Y"

    field, dates = form.fields["total_cost"], form.fields["planned_end"]
    # The datepicker turns "31-12-2027" into 31/12/2027 in the browser; the server accepts both.
    assert field.clean("1.250.000,50") == Decimal("1250000.50")
    assert dates.clean("31-12-2027") == datetime.date(2027, 12, 31)
    assert dates.clean("15/03/2026") == datetime.date(2026, 3, 15)


@pytest.mark.django_db
def test_result_targets_and_course_hours_use_the_same_field():
    project_form = ProjectPage.get_edit_handler().get_form_class()(for_user=None)
    target = project_form.formsets["results"].empty_form.fields["target"]
    assert isinstance(target, AmountField)
    assert target.clean("1200,5") == Decimal("1200.5")
    with pytest.raises(ValidationError):
        target.clean("1.200")
    course_form = CoursePage.get_edit_handler().get_form_class()(for_user=None)
    hours = course_form.fields["total_hours"]
    assert hours.clean("12,5") == Decimal("12.5")
    assert hours.help_text == "Per esempio 12,5."
    session = course_form.formsets["sessions"].empty_form.fields["start"]
    assert "Formato gg/mm/aaaa hh:mm" in session.help_text
