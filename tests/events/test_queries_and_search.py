"""Constant queries on the index and an event page, events in site search with their own type, and
the confirmation in the visitor's language."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from events.mail import RegistrationMails
from tests.factories.events import NOW, EventPageFactory, EventRegistrationFactory

pytestmark = pytest.mark.django_db


def queries(client, url):
    client.get(url)  # warm the site's shared parts (menu, settings)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_index_costs_the_same_with_three_or_twelve_events(client, event_index):
    for days in (-40, 5, 30):
        EventPageFactory(parent=event_index, start=NOW + datetime.timedelta(days=days))
    few = queries(client, "/eventi/")
    for days in range(-90, 90, 20):
        event = EventPageFactory(parent=event_index, start=NOW + datetime.timedelta(days=days))
        EventRegistrationFactory(event=event)
    assert queries(client, "/eventi/") == few


def test_the_index_seen_before_costs_no_query_until_an_event_starts_or_ends(client, event_index, clock):
    EventPageFactory(parent=event_index, title="Webinar di domani", start=NOW + datetime.timedelta(days=1))
    queries(client, "/eventi/")
    with CaptureQueriesContext(connection) as captured:
        html = client.get("/eventi/").content.decode()
    assert len(captured) == 0 and "Webinar di domani" in html
    clock.move_to(NOW + datetime.timedelta(days=1, hours=1))  # the webinar has started
    with CaptureQueriesContext(connection) as captured:
        client.get("/eventi/")
    assert len(captured) > 0  # built again: the lists read differently now


def test_an_event_page_costs_the_same_with_more_speakers_and_registrations(client, seminar):
    few = queries(client, seminar.url)
    for number in range(5):
        seminar.speakers.create(name=f"Relatore {number}", role="ASAP")
        EventRegistrationFactory(event=seminar)
    client.get("/")  # a new request: the article part is built again with them
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    assert queries(client, seminar.url) == few


def test_events_are_found_in_site_search_under_their_own_type(client, seminar, search_page):
    _, html = search_page(q="integrazione")
    assert "Seminario nazionale sull" in html
    assert 'value="eventi"' in html or "tipo=eventi" in html
    assert "15 aprile 2030 · In programma" in html


def test_the_confirmation_is_written_in_the_language_the_visitor_used(rf, seminar, home_page):
    registration = EventRegistrationFactory(event=seminar, language="en")
    request = rf.get("/", HTTP_HOST="localhost")
    mails = RegistrationMails(registration, request)
    with translation.override("it"):
        staff, visitor = mails.queue()
    assert visitor.subject == f"Registration confirmed: {seminar.title}"
    assert "your registration for" in visitor.body and "Hello," in visitor.body
    assert staff.subject.startswith("Nuova iscrizione")
