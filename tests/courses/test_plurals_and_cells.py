"""Italian agreement on public pages ("1 ora", "Docente") and the spreadsheet cells every export
writes (core/words.py, core/spreadsheets.py)."""

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from core.spreadsheets import csv_cell


@pytest.fixture(autouse=True)
def italian():
    with translation.override("it"):
        yield


def render(source, **context):
    return Template("{% load italian_words %}" + source).render(Context(context))


@pytest.mark.parametrize(
    ("value", "expected"),
    [(Decimal("1"), "1 ora"), (Decimal("1.0"), "1 ora"), (Decimal("1.5"), "1,5 ore"), (8, "8 ore"), (0, "0 ore")],
)
def test_hours_agree_with_their_number(value, expected):
    assert render('{{ value|quantity:"ora,ore" }}', value=value) == expected


def test_seats_agree_and_large_numbers_have_italian_separators():
    assert render('{{ n|quantity:"posto libero,posti liberi" }}', n=1) == "1 posto libero"
    assert render('{{ n|quantity:"posto,posti" }}', n=1250) == "1.250 posti"
    assert render('{{ n|quantity:"ora,ore" }}', n=None) == ""


@pytest.mark.parametrize(
    ("teachers", "label"),
    [("Mario Rossi", "Docente"), ("Mario Rossi, Anna Bianchi", "Docenti"), ("Rossi e Bianchi", "Docenti")],
)
def test_one_teacher_is_a_docente(teachers, label):
    assert render('{{ t|names_label:"Docente,Docenti" }}', t=teachers) == label


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("+39 06 1234567", '="+39 06 1234567"'),
        ("06 1234567", "06 1234567"),
        ("333-1234567", "333-1234567"),  # nothing for a spreadsheet to spoil
        ("80143490581", "80143490581"),
        ("=HYPERLINK(1)", "'=HYPERLINK(1)"),
        ('+39"&cmd', "'+39\"&cmd"),  # not a phone number: neutralised, never inside the quotes
        ("-2+3", "'-2+3"),
        ("+1", "'+1"),
        ("Roma", "Roma"),
    ],
)
def test_csv_cells_show_phone_numbers_as_typed_and_keep_formulas_inert(value, cell):
    assert csv_cell(value) == cell


class FakeDocument:
    file_extension = "csv"
    file_size = 12288


@pytest.mark.parametrize("title", ["Indicatori del progetto (CSV)", "Indicatori del progetto"])
def test_a_document_link_says_its_format_and_size_once(title):
    html = Template(
        "{% load document_links %}{{ title|document_title:document }} ({{ document|document_meta }})"
    ).render(Context({"title": title, "document": FakeDocument()}))
    assert html == "Indicatori del progetto (CSV, 12,0\xa0KB)"
