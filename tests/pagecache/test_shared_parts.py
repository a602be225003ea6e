"""The parts every page shows (menu, boxes, organisation details, consent banner) are built once for
all pages: an uncached page costs only its own queries, and an editor's change shows at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.site_settings import NavigationItem, NavigationSettings, OrganisationSettings
from home.models import HomeCoursePick, HomeProjectPick
from projects.models import ProjectPage
from tests.factories import ContentPageFactory, ImageFactory
from tests.factories.projects import ProjectPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def furnished_site(home_page, project_catalogue, registry):
    """Menu, boxes, organisation details and consent banner all in use."""
    about = ContentPageFactory(parent=home_page, title="Chi siamo", slug="chi-siamo")
    project = ProjectPageFactory(parent=project_catalogue, slug="progetto")
    home_page.course_picks.add(HomeCoursePick(page=about, description="Corsi per enti pubblici"))
    home_page.project_picks.add(HomeProjectPick(page=project))
    home_page.hero_image, home_page.hero_link = ImageFactory(), about  # the hero: a rendition and a page link
    home_page.save_revision().publish()
    menu = NavigationSettings.for_site(home_page.get_site())
    menu.items.add(NavigationItem(page=about, sort_order=0))
    menu.items.add(NavigationItem(page=project_catalogue, sort_order=1))
    menu.save()
    organisation = OrganisationSettings.for_site(home_page.get_site())
    organisation.privacy_page = about
    organisation.save()
    return {"home": "/", "content": "/chi-siamo/", "project": project.url}


def queries_for(client, url):
    client.get(url)  # builds the shared parts, as the first visitor after a change does
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


# Queries of an uncached page once the shared parts are built (before they were cached: home 18,
# content page 21, project page 32; with Wagtail's own routing, site lookup and view restrictions: 4, 7, 18).
# The routing (`serving.routing`, 2 queries), a project page's article (7) and the home page's hero (2) are
# shared parts too, so a page seen before costs none.
# Lower these when a page gets cheaper, never raise them.
QUERIES = {"home": 0, "content": 0, "project": 0}


@pytest.mark.parametrize("page", QUERIES)
def test_an_uncached_page_costs_only_its_own_queries(client, furnished_site, page):
    assert queries_for(client, furnished_site[page]) == QUERIES[page]


def test_the_parts_show_the_same_for_every_page(client, furnished_site):
    html = client.get("/chi-siamo/").content.decode()
    assert '<a href="/chi-siamo/" aria-current="page">Chi siamo</a>' in html  # worked out per page
    assert 'id="box-corsi"' in html and "Corsi per enti pubblici" in html
    assert 'href="/chi-siamo/">Informativa privacy</a>' in html
    assert 'data-page-id="' in html
    project = client.get(furnished_site["project"]).content.decode()
    assert '<a href="/chi-siamo/">Chi siamo</a>' in project  # the same cached menu, not current here
    assert 'class="is-section"' in project  # ... but the catalogue entry is, below its section


def test_an_editors_change_shows_on_the_next_uncached_page(client, furnished_site, home_page):
    client.get("/chi-siamo/")
    organisation = OrganisationSettings.for_site(home_page.get_site())
    organisation.footer_text = "Sede legale a Latina"
    organisation.save()
    assert "Sede legale a Latina" in client.get("/chi-siamo/").content.decode()


def test_a_preview_of_the_home_page_shows_its_draft_boxes(client, furnished_site, home_page, superuser):
    client.get("/")
    client.force_login(superuser)
    draft = home_page.get_latest_revision_as_object()  # as the editor's preview builds it
    draft.courses_box_title = "Formazione in partenza"
    response = draft.make_preview_request()
    assert "Formazione in partenza" in response.content.decode()
    assert "Formazione in partenza" not in client.get("/").content.decode()


def test_a_project_article_follows_publishes_and_snippet_changes_at_once(client, furnished_site):
    url = furnished_site["project"]
    client.get(url)  # the article is now a shared part
    project = ProjectPage.objects.get(slug="progetto")
    project.summary = "Un riassunto nuovo."
    project.save_revision().publish()
    assert "Un riassunto nuovo." in client.get(url).content.decode()

    project.fund.name = "Fondo rinominato"
    project.fund.save()
    assert "Fondo rinominato" in client.get(url).content.decode()

    draft = ProjectPage.objects.get(pk=project.pk)
    draft.summary = "Solo nella bozza."
    draft.save_revision()
    assert "Solo nella bozza." not in client.get(url).content.decode()
