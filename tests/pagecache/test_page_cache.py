"""The anonymous full-page cache: byte-identical pages without a query, never for editors, never
for forms, and never older than the stated bound."""

from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import ContentPageFactory
from tests.factories.outbox import ContactFormPageFactory, add_contact_fields

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(home_page):
    return ContentPageFactory(parent=home_page, title="Chi siamo", slug="chi-siamo")


def get_counting(client, url, method="get", **kwargs):
    """(response, queries run + templates rendered): 0 only for a page served from the cache, since a
    page whose parts are all cached may render without a query."""
    with CaptureQueriesContext(connection) as queries:
        response = getattr(client, method)(url, **kwargs)
    return response, len(queries) + len(response.templates)


def test_second_anonymous_request_is_served_whole_without_a_query(client, page_cache, about):
    with time_machine.travel(timezone.now(), tick=False):  # Age counts whole seconds: a busy machine adds one
        first, first_work = get_counting(client, "/chi-siamo/")
        second, second_work = get_counting(client, "/chi-siamo/")
    assert first_work > 0 and second_work == 0
    assert second.status_code == 200 and second.content == first.content
    assert second["Cache-Control"] == first["Cache-Control"]
    assert second["Content-Type"] == "text/html; charset=utf-8"
    assert second["Age"] == "0"
    head, head_work = get_counting(client, "/chi-siamo/", method="head")
    assert head.status_code == 200 and head_work == 0


def test_without_the_setting_every_request_renders(client, about):
    client.get("/chi-siamo/")
    assert get_counting(client, "/chi-siamo/")[1] > 0


def test_query_strings_are_keyed_in_a_normal_order(client, page_cache, project_catalogue):
    client.get("/progetti/", {"page": "1", "tema": "2"})
    assert get_counting(client, "/progetti/?tema=2&page=1")[1] == 0
    assert get_counting(client, "/progetti/?page=1&tema=3")[1] > 0
    assert get_counting(client, "/progetti/")[1] > 0
    assert get_counting(client, "/progetti/?q=" + "x" * 600)[1] > 0  # too long to be worth a cache entry
    assert get_counting(client, "/progetti/?q=" + "x" * 600)[1] > 0


def test_a_query_the_page_never_reads_is_not_kept(client, page_cache, about):
    client.get("/chi-siamo/", {"page": "1"})
    assert get_counting(client, "/chi-siamo/?page=1")[1] > 0
    client.get("/chi-siamo/")
    assert get_counting(client, "/chi-siamo/")[1] == 0


def test_only_found_pages_are_kept(client, page_cache, home_page):
    client.get("/non-esiste/")
    response, work = get_counting(client, "/non-esiste/")
    assert response.status_code == 404 and work > 0


def test_signed_in_editors_always_get_a_fresh_page_with_their_userbar(client, page_cache, superuser, about):
    anonymous = client.get("/chi-siamo/").content
    client.force_login(superuser)
    response, work = get_counting(client, "/chi-siamo/")
    assert work > 0 and b"wagtail-userbar" in response.content
    client.logout()
    client.cookies.clear()
    response, work = get_counting(client, "/chi-siamo/")
    assert work == 0 and response.content == anonymous and b"wagtail-userbar" not in response.content


def test_an_editors_visit_is_never_stored_for_visitors(client, another_client, page_cache, superuser, about):
    client.force_login(superuser)
    client.get("/chi-siamo/")
    response, work = get_counting(another_client, "/chi-siamo/")
    assert work > 0 and b"wagtail-userbar" not in response.content


def test_forms_with_a_csrf_token_are_never_stored(client, page_cache, home_page):
    add_contact_fields(ContactFormPageFactory(parent=home_page))
    first = client.get("/scrivici/")
    client.cookies.clear()
    second, work = get_counting(client, "/scrivici/")
    assert work > 0
    assert b"csrfmiddlewaretoken" in second.content and second.cookies["csrftoken"]
    assert first.content != second.content  # each visitor gets their own token


def test_responses_that_set_a_cookie_are_never_stored(client, page_cache, home_page):
    client.get("/cookie/preferenze/")  # sets the CSRF cookie, sends no-store
    assert get_counting(client, "/cookie/preferenze/")[1] > 0


def test_other_cookies_do_not_bypass_the_cache(client, page_cache, about):
    client.get("/chi-siamo/")
    client.cookies["cookie_consent"] = "statistiche=-1"
    client.cookies["csrftoken"] = "x" * 32
    assert get_counting(client, "/chi-siamo/")[1] == 0


def test_a_cached_page_is_never_older_than_the_bound(client, page_cache, about):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.get("/chi-siamo/")
    with time_machine.travel(start + timedelta(seconds=299), tick=False):
        response, work = get_counting(client, "/chi-siamo/")
        assert work == 0 and response["Age"] == "299"
    with time_machine.travel(start + timedelta(seconds=300), tick=False):
        response, work = get_counting(client, "/chi-siamo/")
        assert work > 0 and "Age" not in response


def test_a_page_built_from_older_shared_parts_is_as_old_as_they_are(client, page_cache, home_page, about):
    """The menu and boxes cached for one page count towards the bound of the next page built with them."""
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.get("/")
    with time_machine.travel(start + timedelta(seconds=200), tick=False):
        response = client.get("/chi-siamo/")
        assert response["Age"] == "200"  # so Varnish and CDNs keep it only 100 seconds more
    with time_machine.travel(start + timedelta(seconds=300), tick=False):
        assert get_counting(client, "/chi-siamo/")[1] > 0
