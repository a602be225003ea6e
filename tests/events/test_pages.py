"""The event page and the index: what a visitor reads, when "past" changes, the calendar files and
the structured data."""

import datetime
import json
import re

import pytest
from icalendar import Calendar

from courses.feeds import uid_domain
from tests.factories.events import NOW, ROME, EventPageFactory, EventRegistrationFactory

pytestmark = pytest.mark.django_db


def json_ld(html):
    return [json.loads(m) for m in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]


def test_event_page_says_when_where_and_offers_registration_and_calendar(client, seminar):
    html = client.get("/eventi/seminario-nazionale/").content.decode()
    assert "Seminario nazionale sull&#x27;integrazione" in html
    assert "15 aprile 2030" in html and "9:30" in html
    assert "Sala Tevere" in html and "https://meet.esempio.it/seminario" in html
    assert 'href="/eventi/seminario-nazionale/iscriviti/"' in html
    assert 'href="/eventi/seminario-nazionale/evento.ics"' in html
    assert "In programma" in html


def test_event_json_ld_has_status_and_attendance_mode(client, seminar):
    data = next(d for d in json_ld(client.get(seminar.url).content.decode()) if d["@type"] == "Event")
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["startDate"].startswith("2030-04-15T09:30:00+02:00")
    assert data["location"][0]["name"] == "Sala Tevere"


def test_a_cancelled_online_event_says_so_in_json_ld(client, event_index):
    event = EventPageFactory(parent=event_index, slug="annullato", cancelled=True)
    data = next(d for d in json_ld(client.get(event.url).content.decode()) if d["@type"] == "Event")
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"


def test_event_calendar_file_is_in_rome_time_with_a_stable_uid(client, seminar):
    response = client.get("/eventi/seminario-nazionale/evento.ics")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    (entry,) = calendar.walk("VEVENT")
    assert str(entry["uid"]) == f"evento-{seminar.pk}@{uid_domain()}"
    assert entry["dtstart"].dt == datetime.datetime(2030, 4, 15, 9, 30, tzinfo=ROME)
    assert "TZID=Europe/Rome" in response.content.decode()
    assert "Sala Tevere" in str(entry["location"])


def test_index_lists_upcoming_first_and_past_in_the_archive(client, event_index):
    EventPageFactory(parent=event_index, title="Convegno finale", start=NOW + datetime.timedelta(days=30))
    EventPageFactory(parent=event_index, title="Seminario di avvio", start=NOW - datetime.timedelta(days=60))
    EventPageFactory(parent=event_index, title="Tavolo tecnico", start=NOW + datetime.timedelta(days=5))
    html = client.get("/eventi/").content.decode()
    upcoming, past = html.split('id="passati"')
    assert upcoming.index("Tavolo tecnico") < upcoming.index("Convegno finale")
    assert "Seminario di avvio" in past and "Seminario di avvio" not in upcoming
    archive = client.get("/eventi/archivio/").content.decode()
    assert "Seminario di avvio" in archive and "Convegno finale" not in archive


def test_all_events_calendar(client, seminar):
    calendar = Calendar.from_ical(client.get("/eventi/calendario.ics").content)
    assert [str(e["summary"]) for e in calendar.walk("VEVENT")] == [seminar.title]


def test_past_is_computed_when_rendered(client, seminar, clock):
    assert "In programma" in client.get(seminar.url).content.decode()
    clock.move_to(seminar.end + datetime.timedelta(minutes=1))
    html = client.get(seminar.url).content.decode()
    assert "Concluso" in html and f"{seminar.url}iscriviti/" not in html


def test_the_page_cache_keeps_an_event_page_only_until_it_changes(client, seminar, clock, page_cache):
    clock.move_to(seminar.start - datetime.timedelta(seconds=90))
    response = client.get(seminar.url)
    assert "s-maxage=90" in response["Cache-Control"]
    assert "In programma" in response.content.decode()
    clock.move_to(seminar.start + datetime.timedelta(seconds=1))
    assert "In corso" in client.get(seminar.url).content.decode()


def test_the_index_is_kept_until_the_next_event_starts_or_ends(client, seminar, clock, page_cache):
    clock.move_to(seminar.end - datetime.timedelta(seconds=30))
    response = client.get("/eventi/")
    assert "s-maxage=30" in response["Cache-Control"]
    clock.move_to(seminar.end + datetime.timedelta(seconds=1))
    html = client.get("/eventi/").content.decode()
    assert "Seminario nazionale" in html.split('id="passati"')[1]


def test_a_full_event_offers_the_waiting_list(client, seminar):
    EventRegistrationFactory.create_batch(2, event=seminar)
    html = client.get(seminar.url).content.decode()
    assert "Posti esauriti" in html
    assert "Iscriviti alla lista d'attesa" in html
