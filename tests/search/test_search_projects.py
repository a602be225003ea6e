"""Projects in the site search: found by their own fields, counted and filtered, with status."""

import re

import pytest

from tests.factories import ContentPageFactory
from tests.factories.projects import (
    ProjectIndexPageFactory,
    ProjectPageFactory,
)
from tests.search.helpers import found, result_titles, searchable_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def projects(home_page):
    catalogue = ProjectIndexPageFactory(parent=home_page)
    searchable_project(catalogue)
    ProjectPageFactory(parent=catalogue, title="Scuole aperte", summary="Doposcuola nei quartieri.")
    ContentPageFactory(parent=home_page, title="Accoglienza", intro="Come lavoriamo con i comuni.")
    return catalogue


@pytest.mark.parametrize(
    "query",
    ["J81H12000340006", "ACCODI", "accodi", "Fondo Europeo Integrazione", "FEI", "diffusa"],
)
def test_projects_are_found_by_title_acronym_cup_and_fund(client, projects, query):
    assert found(client, query) == ["Accoglienza diffusa"]


def test_an_organisations_name_finds_its_page_then_its_projects(client, projects):
    assert found(client, "Comune di Viterbo") == ["Comune di Viterbo", "Accoglienza diffusa"]


def test_projects_are_counted_and_filtered(client, projects):
    html = client.get("/cerca/", {"q": "accoglienza"}).content.decode()
    counts = re.findall(r'>(Progetti|Corsi|Pagine) <span class="search-types__count">\((\d+)\)', html)
    assert ("Progetti", "1") in counts and ("Pagine", "1") in counts
    narrowed = client.get("/cerca/", {"q": "accoglienza", "tipo": "progetti"}).content.decode()
    assert result_titles(narrowed) == ["Accoglienza diffusa"]
    assert re.findall(r'class="search-result__type">(\w+)<', narrowed) == ["Progetto"]


def test_project_results_show_status_dates_and_summary(client, projects):
    html = client.get("/cerca/", {"q": "ACCODI"}).content.decode()
    assert '<p class="search-result__detail">Concluso · 1 marzo 2012 - 30 giugno 2013</p>' in html
    assert "Percorsi di inserimento per cittadini di paesi terzi." in html


def test_project_catalogue_text_box_uses_the_site_search(client, projects):
    html = client.get(projects.url, {"q": "inserimento cittadino"}).content.decode()
    listing = html.split('class="card-list"')[1].split("</ul>")[0]
    assert "Accoglienza diffusa" in listing and "Scuole aperte" not in listing


def test_query_count_does_not_grow_with_project_results(client, projects, home_page):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    ProjectPageFactory(parent=projects, title="Progetto prova 0")
    client.get("/cerca/", {"q": "prova", "tipo": "progetti"})
    with CaptureQueriesContext(connection) as few:
        client.get("/cerca/", {"q": "prova", "tipo": "progetti"})
    for n in range(1, 12):
        ProjectPageFactory(parent=projects, title=f"Progetto prova {n}")
    client.get("/cerca/", {"q": "prova", "tipo": "progetti"})  # rebuild the cached menu, boxes and banner
    with CaptureQueriesContext(connection) as many:
        html = client.get("/cerca/", {"q": "prova", "tipo": "progetti"}).content.decode()
    assert len(result_titles(html)) == 10
    assert len(many) == len(few)
