"""The courses as open data: one row per edition with the course's facts, a course without
editions on one row; CSV and JSON agree; both are kept by the page cache like the other exports."""

import csv
import io
import json

import pytest

from opendata.exports import COURSE_COLUMNS
from tests.factories.courses import CourseSessionFactory

pytestmark = pytest.mark.django_db


def rows(client):
    response = client.get("/dati-aperti/corsi.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="corsi.csv"' in response["Content-Disposition"]
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_csv_has_one_row_per_edition_with_dates_place_seats_and_fee(client, open_data):
    by_edition = {(row["titolo"], row["edizione"]): row for row in rows(client)}
    assert set(by_edition) == {
        ("Corso senza edizioni", ""),
        ("Rendicontazione FSE+", "1ª edizione"),
        ("Rendicontazione FSE+", "2ª edizione"),
    }
    first = by_edition["Rendicontazione FSE+", "1ª edizione"]
    assert first["codice"] == "ASAP-FSE-01" and first["quota"] == "250.00" and first["gratuito"] == "false"
    assert first["inizio"] == "2026-03-10T09:30:00+01:00" and first["fine"] == "2026-03-10T17:30:00+01:00"
    assert (first["sede"], first["comune"], first["provincia"]) == ("Sede ASAP", "Roma", "RM")
    assert first["posti"] == "25" and first["scadenza_iscrizioni"] == "2026-03-01" and first["online"] == "false"
    online = by_edition["Rendicontazione FSE+", "2ª edizione"]
    assert online["inizio"] == "2026-05-05T10:30:00+02:00"  # Rome in summer time
    assert (online["online"], online["piattaforma"], online["posti"], online["sede"]) == ("true", "Zoom", "", "")


def test_json_lists_the_same_editions_with_typed_values(client, open_data):
    data = json.loads(client.get("/dati-aperti/corsi.json").content)
    assert data["conteggio"] == 3 == len(data["edizioni"])
    assert list(data["edizioni"][0]) == COURSE_COLUMNS
    online = next(e for e in data["edizioni"] if e["edizione"] == "2ª edizione")
    assert online["online"] is True and online["posti"] is None and online["quota"] == "250.00"
    assert [(e["titolo"], e["edizione"]) for e in data["edizioni"]] == [
        (row["titolo"], row["edizione"] or None) for row in rows(client)
    ]


def test_a_formula_in_a_course_field_is_neutralised_in_the_csv(client, open_data):
    course = next(iter(open_data.courses()))
    CourseSessionFactory(course=course, edition='=HYPERLINK("http://x")')
    editions = [row["edizione"] for row in rows(client)]
    assert '\'=HYPERLINK("http://x")' in editions


def test_course_exports_are_kept_by_the_page_cache(client, page_cache, open_data, django_assert_num_queries):
    first = client.get("/dati-aperti/corsi.json")
    with django_assert_num_queries(0):
        again = client.get("/dati-aperti/corsi.json")
    assert again.content == first.content and again["Link"] == first["Link"]
