"""The header box's suggestions endpoint: titles with their type, in the address's language, the same
for everybody and cheap when asked again; any input gets a JSON answer, never an error."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import ContentPageFactory
from tests.factories.projects import ProjectIndexPageFactory, ProjectPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home_page):
    projects = ProjectIndexPageFactory(parent=home_page)
    ProjectPageFactory(parent=projects, title="Rendicontazione sociale", slug="rendicontazione-sociale")
    ContentPageFactory(parent=home_page, title="Rendiconti annuali", slug="rendiconti")
    ContentPageFactory(parent=home_page, title="Chi siamo", slug="chi-siamo")


def test_suggestions_are_titles_with_their_type_and_address(client, pages):
    response = client.get("/cerca/suggerimenti/", {"q": "rendicontaz"})
    assert response["Content-Type"] == "application/json"
    assert "public" in response["Cache-Control"]
    answer = response.json()
    assert answer["label"] == "Suggerimenti"
    assert answer["status"] == "1 suggerimento"
    assert answer["results"] == [
        {"title": "Rendicontazione sociale", "type": "Progetto", "url": "/progetti/rendicontazione-sociale/"}
    ]
    assert {r["title"] for r in client.get("/cerca/suggerimenti/", {"q": "rendi"}).json()["results"]} == {
        "Rendicontazione sociale",
        "Rendiconti annuali",
    }


def test_a_repeated_suggestion_costs_no_query(client, pages):
    client.get("/cerca/suggerimenti/", {"q": "rendicontaz"})
    with CaptureQueriesContext(connection) as again:
        client.get("/cerca/suggerimenti/", {"q": "rendicontaz"})
    assert len(again) == 0


def test_too_little_text_suggests_nothing(client, pages):
    assert client.get("/cerca/suggerimenti/", {"q": "r"}).json()["results"] == []
    assert client.get("/cerca/suggerimenti/").json()["status"] == "Nessun suggerimento"


@settings(max_examples=60, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.text(alphabet=st.characters(codec="utf-8"), max_size=120))
def test_any_text_gets_a_json_answer(client, pages, raw):
    response = client.get("/cerca/suggerimenti/", {"q": raw})
    assert response.status_code == 200
    assert isinstance(response.json()["results"], list)
