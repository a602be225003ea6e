"""Courses in the site search (with projects and pages around them): found by their own fields,
counted and filtered per type, with their status; constant queries for mixed results."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.search.index import insert_or_update_object

from core.dates import italian_date
from tests.factories import ContentPageFactory
from tests.factories.courses import CourseIndexPageFactory, CoursePageFactory, CourseSessionFactory, VenueFactory
from tests.factories.projects import (
    ProjectIndexPageFactory,
    ProjectPageFactory,
)
from tests.search.helpers import found, result_titles, searchable_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogues(home_page):
    projects = ProjectIndexPageFactory(parent=home_page)
    courses = CourseIndexPageFactory(parent=home_page)
    accoglienza = searchable_project(projects)
    ProjectPageFactory(parent=projects, title="Scuole aperte", summary="Doposcuola nei quartieri.")
    europrogettazione = CoursePageFactory(
        parent=courses, title="Europrogettazione di base", code="ASAP-FSE-01", summary="Scrivere una proposta."
    )
    CourseSessionFactory(
        course=europrogettazione,
        venue=VenueFactory(name="Sala Tevere", city="Roma"),
        start=timezone.now() + datetime.timedelta(days=30),
    )
    insert_or_update_object(europrogettazione)
    ContentPageFactory(
        parent=home_page, title="Chi siamo", intro="Progettazione, proposte e rendicontazione di progetti."
    )
    return {"project": accoglienza, "course": europrogettazione}


@pytest.mark.parametrize("query", ["ASAP-FSE-01", "Sala Tevere", "europrogettazione", "Gestione e rendicontazione"])
def test_courses_are_found_by_their_fields(client, catalogues, query):
    assert "Europrogettazione di base" in found(client, query)


def test_counts_per_type_and_narrowing_to_courses(client, catalogues):
    html = client.get("/cerca/", {"q": "proposta"}).content.decode()
    counts = re.findall(r'>(Progetti|Corsi|Pagine) <span class="search-types__count">\((\d+)\)', html)
    assert counts == [("Progetti", "0"), ("Corsi", "1"), ("Pagine", "1")]
    assert "2 risultati per «proposta»" in html
    narrowed = client.get("/cerca/", {"q": "proposta", "tipo": "corsi"}).content.decode()
    assert result_titles(narrowed) == ["Europrogettazione di base"]
    assert re.findall(r'class="search-result__type">(\w+)<', narrowed) == ["Corso"]


def test_course_results_show_status_and_next_edition(client, catalogues):
    course_html = client.get("/cerca/", {"q": "ASAP-FSE-01"}).content.decode()
    start = catalogues["course"].sorted_sessions[0].start
    assert f"Iscrizioni aperte · prossima edizione: {italian_date(start)}" in course_html
    assert not re.search(r"\d{2}/\d{2}/\d{4}", course_html)


def test_query_count_is_the_same_for_few_and_many_mixed_results(client, catalogues, home_page):
    courses = catalogues["course"].get_parent()
    projects = catalogues["project"].get_parent()

    def add_one_of_each(n):
        CourseSessionFactory(course=CoursePageFactory(parent=courses, title=f"Corso prova {n}"))
        ProjectPageFactory(parent=projects, title=f"Progetto prova {n}")
        ContentPageFactory(parent=home_page, title=f"Pagina prova {n}")

    add_one_of_each(0)
    # Another query string builds the shared parts; the measured one is then searched for the first time.
    client.get("/cerca/", {"q": "prova", "tipo": "corsi"})
    with CaptureQueriesContext(connection) as few:
        html = client.get("/cerca/", {"q": "prova"}).content.decode()
    assert len(result_titles(html)) == 3
    for n in range(1, 5):
        add_one_of_each(n)
    client.get("/cerca/", {"q": "prova", "tipo": "corsi"})  # publishing emptied the caches: rebuild the parts
    with CaptureQueriesContext(connection) as many:
        html = client.get("/cerca/", {"q": "prova"}).content.decode()
    assert len(result_titles(html)) == 10
    # A results page costs a fixed number of queries per type on it, whatever the number of results.
    assert len(many) <= len(few)


def test_course_catalogue_text_box_uses_the_site_search(client, catalogues):
    CoursePageFactory(parent=catalogues["course"].get_parent(), title="Appalti pubblici", summary="Il codice.")
    catalogue_url = catalogues["course"].get_parent().url

    def listed(**params):
        html = client.get(catalogue_url, params).content.decode()
        return re.findall(r'class="card__title"><a href="[^"]*">(.*?)</a>', html)

    assert sorted(listed()) == ["Appalti pubblici", "Europrogettazione di base"]
    assert listed(q="Sala Tevere") == ["Europrogettazione di base"]  # venue, as in /cerca/
    assert listed(q="europrogettazione") == ["Europrogettazione di base"]
    assert listed(q='"appalto"') == ["Appalti pubblici"]  # quotes cleaned, Italian word forms
