"""`serving.routing` answers every URL as Wagtail's own walk would, in fewer queries."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from tests.factories import ContentPageFactory
from tests.factories.projects import OrganisationFactory, ProjectPageFactory

pytestmark = pytest.mark.django_db


def test_a_page_below_an_unpublished_section_is_served_as_wagtail_serves_it(client, home_page):
    section = ContentPageFactory(parent=home_page, slug="sezione")
    ContentPageFactory(parent=section, slug="pagina", title="Pagina interna")
    Page.objects.filter(pk=section.pk).update(live=False)
    assert client.get("/sezione/").status_code == 404
    assert "Pagina interna" in client.get("/sezione/pagina/").content.decode()


def test_unknown_and_draft_pages_are_not_found(client, home_page):
    draft = ContentPageFactory(parent=home_page, slug="bozza")
    Page.objects.filter(pk=draft.pk).update(live=False)
    assert client.get("/bozza/").status_code == 404
    assert client.get("/bozza/altro/").status_code == 404
    assert client.get("/non-esiste/").status_code == 404


def test_a_catalogue_answers_its_own_routes_and_hands_other_paths_to_its_projects(client, project_catalogue):
    organisation = OrganisationFactory(name="Comune di Latina")
    ProjectPageFactory(parent=project_catalogue, slug="progetto-uno", title="Progetto uno")
    assert "Comune di Latina" in client.get(f"{project_catalogue.url}ente/{organisation.slug}/").content.decode()
    assert "Progetto uno" in client.get(f"{project_catalogue.url}progetto-uno/").content.decode()
    assert client.get(f"{project_catalogue.url}progetto-uno/altro/").status_code == 404
    assert client.get(f"{project_catalogue.url}ente/abc/").status_code == 404


def test_the_breadcrumbs_show_the_path_the_routing_took(client, home_page):
    section = ContentPageFactory(parent=home_page, slug="sezione", title="Sezione")
    ContentPageFactory(parent=section, slug="pagina", title="Pagina")
    html = client.get("/sezione/pagina/").content.decode()
    assert '<a href="/">Home</a>' in html and '<a href="/sezione/">Sezione</a>' in html


def test_a_path_seen_before_is_routed_without_a_query_until_editors_change_something(
    client, home_page, django_assert_num_queries
):
    page = ContentPageFactory(parent=home_page, slug="chi-siamo", title="Chi siamo")
    client.get("/chi-siamo/")
    with django_assert_num_queries(0):
        assert client.get("/chi-siamo/").status_code == 200
    page.unpublish()
    assert client.get("/chi-siamo/").status_code == 404


def test_a_made_up_path_is_walked_every_time_and_never_kept(client, home_page):
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/non-esiste/pagina/").status_code == 404
        assert queries, "a made-up path is not kept in the cache"


def test_the_addresses_a_routable_page_answers_share_its_route_entry(client, project_catalogue):
    """`/progetti/ente/<n>/` for any n is one route entry, the catalogue's, not one per address."""

    def route_entries():
        return sum("pagecache:part:route:" in key for key in cache._cache)

    organisation = OrganisationFactory(name="Comune di Latina")
    client.get(project_catalogue.url)
    entries = route_entries()
    assert "Comune di Latina" in client.get(f"{project_catalogue.url}ente/{organisation.slug}/").content.decode()
    for n in range(50):
        assert client.get(f"{project_catalogue.url}ente/{organisation.pk + 1000 + n}/").status_code == 404
    assert route_entries() == entries
    with CaptureQueriesContext(connection) as queries:
        client.get(f"{project_catalogue.url}ente/{organisation.pk + 5000}/")
    assert not [query for query in queries if "url_path" in query["sql"]], "routed from the kept entry"
