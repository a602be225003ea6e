"""The project list and detail answer from kept rows (`api.rows`), like the catalogue page from kept
cards: once a listing has been seen, another call asks the database nothing, whatever the number of
projects; an editor's publish or a renamed organisation shows at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from projects.models import ProjectPage
from tests.api.conftest import ORIGIN
from tests.factories.projects import bulk_projects


def queries_after_a_first_call(client, url):
    client.get(url, HTTP_ORIGIN=ORIGIN)
    with CaptureQueriesContext(connection) as captured:
        answer = client.get(url, HTTP_ORIGIN=ORIGIN)
    assert answer.status_code == 200
    return len(captured), answer.json()


@pytest.mark.parametrize(
    "url",
    ["/api/v3/progetti/", "/api/v3/progetti/?ordine=budget&page=2&page_size=5", "/api/v3/progetti/?stato=concluso"],
)
def test_a_project_list_seen_before_asks_no_query(client, open_data, project_catalogue, url, settings):
    settings.PAGE_CACHE_ENABLED = False  # the answer itself is not kept: its rows are
    bulk_projects(project_catalogue, 30, funds=[open_data["fei"]], organisations=[open_data["regione"]])
    count, answer = queries_after_a_first_call(client, url)
    assert count == 0
    assert answer["count"] > 0


def test_a_project_seen_before_asks_no_query(client, open_data, settings):
    settings.PAGE_CACHE_ENABLED = False
    count, answer = queries_after_a_first_call(client, f"/api/v3/progetti/{open_data['other_fei'].pk}/")
    assert (count, answer["titolo"]) == (0, "Mediatori culturali")


def test_kept_rows_follow_publishes_and_snippet_changes(client, open_data, settings):
    settings.PAGE_CACHE_ENABLED = False
    project = open_data["other_fei"]
    urls = ["/api/v3/progetti/?ordine=titolo", f"/api/v3/progetti/{project.pk}/"]
    for url in urls:
        client.get(url)  # kept
    page = ProjectPage.objects.get(pk=project.pk)
    page.title = "Mediatori culturali in rete"
    page.save_revision().publish()
    open_data["regione"].name = "Regione Lazio (Direzione Politiche Sociali)"
    open_data["regione"].save()
    listed = {item["id"]: item for item in client.get(urls[0]).json()["items"]}
    assert listed[project.pk]["titolo"] == "Mediatori culturali in rete"
    assert client.get(urls[1]).json()["titolo"] == "Mediatori culturali in rete"
    names = {role["ente"]["nome"] for item in listed.values() for role in item["enti"]}
    assert "Regione Lazio (Direzione Politiche Sociali)" in names
    assert "Regione Lazio" not in names


def test_an_unpublished_project_leaves_the_list_and_its_address(client, open_data, settings):
    settings.PAGE_CACHE_ENABLED = False
    project = open_data["other_fei"]
    client.get("/api/v3/progetti/")
    assert client.get(f"/api/v3/progetti/{project.pk}/").status_code == 200
    ProjectPage.objects.get(pk=project.pk).unpublish()
    assert project.pk not in {item["id"] for item in client.get("/api/v3/progetti/").json()["items"]}
    assert client.get(f"/api/v3/progetti/{project.pk}/").status_code == 404
