"""Who may keep what: public pages for everyone, forms and personal answers for nobody."""

import pytest

from tests.factories import ContentPageFactory
from tests.factories.courses import CoursePageFactory, CourseSessionFactory
from tests.factories.outbox import ContactFormPageFactory, add_contact_fields

pytestmark = pytest.mark.django_db


def directives(response):
    return {part.strip() for part in response["Cache-Control"].split(",")}


def test_public_pages_are_revalidated_by_browsers_and_kept_by_shared_caches(client, home_page):
    """A browser asks again before showing a public page (max-age=0: a publish shows on the next
    load) and gets a 304 without the body when it has not changed."""
    ContentPageFactory(parent=home_page, slug="chi-siamo")
    for url in ["/", "/chi-siamo/", "/sitemap.xml", "/robots.txt"]:
        response = client.get(url)
        assert directives(response) == {"public", "max-age=0", "s-maxage=300"}, url
        assert response["ETag"], url
        revalidated = client.get(url, headers={"If-None-Match": response["ETag"]})
        assert revalidated.status_code == 304 and revalidated.content == b"", url
        assert revalidated["ETag"] == response["ETag"] and "public" in directives(revalidated), url
        assert "Cookie" not in response.get("Vary", ""), url
        assert not response.cookies, url


def test_not_found_is_public_too(client, home_page):
    response = client.get("/non-esiste/")
    assert response.status_code == 404
    assert "public" in directives(response)


def test_header_values_come_from_the_settings(client, home_page, settings):
    settings.PAGE_BROWSER_CACHE_SECONDS, settings.PAGE_CACHE_SECONDS = 30, 120
    assert directives(client.get("/")) == {"public", "max-age=30", "s-maxage=120"}


def assert_private(response):
    assert {"private", "no-store"} <= directives(response), response["Cache-Control"]
    assert "public" not in directives(response)


def test_consent_endpoints_are_private(client, home_page):
    assert_private(client.get("/cookie/stato/"))
    assert_private(client.get("/cookie/preferenze/"))
    assert_private(client.post("/cookie/scelta/", {}))


def test_forms_carrying_a_csrf_token_are_private(client, home_page, course_catalogue):
    add_contact_fields(ContactFormPageFactory(parent=home_page))
    course = CoursePageFactory(parent=course_catalogue, slug="rendicontazione")
    CourseSessionFactory(course=course)
    for url in ["/scrivici/", "/corsi/rendicontazione/richiedi-informazioni/"]:
        response = client.get(url)
        assert b"csrfmiddlewaretoken" in response.content, url
        assert_private(response)


def test_form_posts_are_private(client, home_page):
    add_contact_fields(ContactFormPageFactory(parent=home_page))
    assert_private(client.post("/scrivici/", {"nome": ""}))


def test_signed_in_editors_get_private_pages(client, superuser, home_page):
    client.force_login(superuser)
    assert_private(client.get("/"))


def test_a_counted_search_reaches_the_site_every_time_later_pages_are_public(client, home_page):
    submitted = client.get("/cerca/", {"q": "progetti"})
    assert directives(submitted) == {"private", "max-age=0"}  # no shared cache, and a publish shows at once
    assert "public" in directives(client.get("/cerca/"))
    assert "public" in directives(client.get("/cerca/", {"q": "progetti", "page": "2"}))


def test_the_admin_keeps_wagtails_headers(client, superuser, home_page):
    client.force_login(superuser)
    response = client.get("/admin/")
    assert "public" not in response.get("Cache-Control", "")
    assert "Age" not in response
