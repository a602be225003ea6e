import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from home.models import HomeProjectPick
from tests.factories.projects import ProjectPageFactory, bulk_projects

pytestmark = pytest.mark.django_db


def box_titles(home):
    return [entry.title for entry in home.project_box_items()]


def test_box_shows_the_latest_projects_without_picks(home_page, project_catalogue, portfolio):
    ProjectPageFactory(parent=project_catalogue, title="Progetto non pubblicato", live=False)
    private = ProjectPageFactory(parent=project_catalogue, title="Progetto riservato")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    assert box_titles(home_page) == ["Accoglienza diffusa", "Italiano per il lavoro", "Sportelli per l'integrazione"]
    entry = home_page.project_box_items()[0]
    assert entry.url == "/progetti/" + portfolio["projects"]["planned"].slug + "/"
    assert entry.meta == "FAMI"


def test_editor_picks_win(home_page, project_catalogue, portfolio):
    HomeProjectPick.objects.create(home=home_page, page=portfolio["projects"]["concluded"])
    assert box_titles(home_page) == ["Sportelli per l'integrazione"]


def test_box_query_count_is_constant(home_page, project_catalogue):
    bulk_projects(project_catalogue, 2)
    home_page.project_box_items()  # warm the cached site root paths
    with CaptureQueriesContext(connection) as few:
        assert len(home_page.project_box_items()) == 2
    bulk_projects(project_catalogue, 50)
    home_page.project_box_items()  # and what the purge after the insert emptied (view restrictions)
    with CaptureQueriesContext(connection) as many:
        assert len(home_page.project_box_items()) == 3
    assert len(few) == len(many)


def test_box_is_rendered_on_the_catalogue(client, project_catalogue, portfolio):
    html = client.get(project_catalogue.url).content.decode()
    assert 'id="box-progetti"' in html
