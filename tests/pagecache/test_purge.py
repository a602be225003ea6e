"""What editors do empties the caches at once; what visitors do never does."""

import pytest
from cookie_consent.models import CookieGroup
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction
from wagtail.snippets.models import get_snippet_models

from core.site_settings import NavigationItem, NavigationSettings, OrganisationSettings
from serving.pagecache import store
from serving.pagecache.purge import row_models, site_content_models
from serving.pagecache.varnish import VarnishBackend
from tests.factories import ContentPageFactory
from tests.factories.analytics import DailyPageViewFactory
from tests.factories.consent import ConsentRecordFactory
from tests.factories.courses import CourseEnquiryFactory, CoursePageFactory, CourseSessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(home_page):
    return ContentPageFactory(parent=home_page, title="Chi siamo", slug="chi-siamo")


@pytest.fixture
def cached(client, page_cache):
    """GET a URL twice (the second from the cache) and return the cached HTML."""

    def get(url):
        client.get(url)
        response = client.get(url)
        assert response.status_code == 200
        return response.content.decode()

    return get


def test_publishing_shows_the_new_version_on_the_next_request(client, cached, about):
    assert "<h1>Chi siamo</h1>" in cached("/chi-siamo/")
    cached("/")
    about.title = "Chi siamo davvero"
    about.save_revision().publish()
    with CaptureQueriesContext(connection) as queries:
        assert "<h1>Chi siamo davvero</h1>" in client.get("/chi-siamo/").content.decode()
    assert queries, "the published page is built afresh (tests/pagecache/test_dependencies.py: and only what shows it)"


def test_a_deploy_empties_the_cache(client, cached, about):
    """`migrate`, run by every deploy: pages kept by the code before may link static files the new
    manifest no longer has."""
    cached("/chi-siamo/")
    generation = store.current_generation()
    call_command("migrate", verbosity=0)
    assert store.current_generation() != generation


def test_a_saved_draft_changes_nothing_for_visitors(client, cached, about):
    cached("/chi-siamo/")
    generation = store.current_generation()
    about.title = "Bozza"
    about.save_revision()
    assert store.current_generation() == generation
    assert "Bozza" not in client.get("/chi-siamo/").content.decode()


def test_unpublishing_deleting_and_moving_take_pages_away_at_once(client, cached, home_page, about):
    archive = ContentPageFactory(parent=home_page, slug="archivio")
    gone = ContentPageFactory(parent=home_page, slug="da-cancellare")
    cached("/chi-siamo/"), cached("/da-cancellare/"), cached("/archivio/")

    about.unpublish()
    assert client.get("/chi-siamo/").status_code == 404
    gone.delete()
    assert client.get("/da-cancellare/").status_code == 404
    cached("/archivio/")
    archive.move(about, pos="last-child")
    moved = client.get("/archivio/")
    assert moved.status_code == 301 and moved["Location"] == "/chi-siamo/archivio/"  # Wagtail's redirect


def test_making_a_page_private_takes_it_from_the_cache(client, cached, about):
    cached("/chi-siamo/")
    PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.LOGIN)
    assert client.get("/chi-siamo/").status_code == 302


def test_saving_a_setting_shows_on_every_page(client, cached, about):
    cached("/chi-siamo/")
    organisation = OrganisationSettings.for_site(about.get_site())
    organisation.name = "ASAP Formazione"
    organisation.save()
    assert "| ASAP Formazione</title>" in client.get("/chi-siamo/").content.decode()

    menu = NavigationSettings.for_site(about.get_site())
    menu.items.add(NavigationItem(url="https://example.org/bandi", label="Bandi"))
    menu.save()
    assert '<a href="https://example.org/bandi">Bandi</a>' in client.get("/chi-siamo/").content.decode()


def test_saving_a_snippet_shows_on_every_page(client, cached, about, registry):
    assert "Statistiche" in cached("/chi-siamo/")  # the consent banner lists the cookie categories
    group = CookieGroup.objects.get(varname="statistiche")
    group.name = "Misurazione delle visite"
    group.save()
    assert "Misurazione delle visite" in client.get("/chi-siamo/").content.decode()


def test_rows_of_a_page_saved_outside_the_editor_show_at_once(client, cached, course_catalogue):
    course = CoursePageFactory(parent=course_catalogue, slug="appalti")
    html = cached(course.url)
    CourseSessionFactory(course=course, edition="Edizione autunnale")
    assert "Edizione autunnale" not in html
    assert "Edizione autunnale" in client.get(course.url).content.decode()


def test_every_snippet_and_setting_is_watched_and_purged_by_its_table():
    from wagtail.contrib.settings.registry import registry

    assert set(get_snippet_models()) | set(registry) <= site_content_models()
    assert set(get_snippet_models()) | set(registry) <= row_models()


def test_visitors_writes_never_empty_the_cache(client, page_cache, course_catalogue, registry):
    course = CoursePageFactory(parent=course_catalogue)
    client.get("/")
    generation = store.current_generation()
    CourseEnquiryFactory(course=course)
    ConsentRecordFactory()
    DailyPageViewFactory(page=course)
    client.get("/cerca/", {"q": "appalti"})  # the search log
    client.post("/cookie/scelta/", {"action": "accept_all"})
    assert store.current_generation() == generation


@pytest.fixture
def frontend_cache(settings, monkeypatch):
    """A Varnish configured in front; records what the site asks of it instead of sending it."""
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "serving.pagecache.varnish.VarnishBackend", "LOCATION": "http://127.0.0.1:6081"}
    }
    asked = []
    monkeypatch.setattr(VarnishBackend, "ban_everything", lambda backend: asked.append("BAN"))
    monkeypatch.setattr(VarnishBackend, "purge", lambda backend, url: asked.append(f"PURGE {url}"))
    return asked


def test_a_publish_purges_its_page_and_bans_the_frontend_cache_once_after_the_commit(
    about, frontend_cache, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        about.title = "Chi siamo davvero"
        about.save_revision().publish()
        assert "BAN" not in frontend_cache  # Varnish would fetch the old rows again
    assert frontend_cache.count("BAN") == 1
    assert "PURGE http://localhost/chi-siamo/" in frontend_cache


def test_a_snippet_save_bans_the_frontend_cache(registry, frontend_cache, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        CookieGroup.objects.get(varname="statistiche").save()
    assert frontend_cache == ["BAN"]
