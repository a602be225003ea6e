"""Calendar files parsed back with icalendar, and the schema.org JSON-LD on the course page."""

import json
import re
from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from courses.models import DeliveryMode
from tests.factories.courses import CoursePageFactory, CourseSessionFactory, VenueFactory

pytestmark = pytest.mark.django_db

ROME = ZoneInfo("Europe/Rome")


@pytest.fixture
def course(course_catalogue):
    course = CoursePageFactory(
        parent=course_catalogue,
        title="Rendicontazione FSE+",
        slug="rendicontazione",
        is_free=False,
        fee=Decimal("180.00"),
    )
    venue = VenueFactory(name="Sala Tevere", address="Via Cristoforo Colombo 212", city="Roma")
    CourseSessionFactory(
        course=course,
        edition="Primavera",
        start=datetime(2030, 4, 7, 9, 30, tzinfo=ROME),
        end=datetime(2030, 4, 8, 17, 30, tzinfo=ROME),
        venue=venue,
        schedule="Due giornate, 9:30-17:30",
    )
    CourseSessionFactory(
        course=course,
        edition="Autunno",
        start=datetime(2030, 10, 6, 9, 30, tzinfo=ROME),
        end=datetime(2030, 10, 6, 13, 30, tzinfo=ROME),
        venue=None,
        is_online=True,
        online_platform="Zoom",
        cancelled=True,
    )
    return course


def events_of(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    return calendar, sorted(calendar.walk("VEVENT"), key=lambda e: e.decoded("dtstart"))


def test_course_calendar_is_valid_rfc5545_with_rome_times(client, course):
    response = client.get("/corsi/rendicontazione/calendario.ics")
    calendar, events = events_of(response)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Rome"]
    spring, autumn = events
    assert spring["SUMMARY"] == "Rendicontazione FSE+ (Primavera)"
    assert spring.decoded("dtstart") == datetime(2030, 4, 7, 9, 30, tzinfo=ROME)
    assert spring["DTSTART"].params["TZID"] == "Europe/Rome"
    assert "DTSTART;TZID=Europe/Rome:20300407T093000" in response.content.decode()
    assert spring["STATUS"] == "CONFIRMED"
    assert "Sala Tevere" in spring["LOCATION"]
    assert autumn["STATUS"] == "CANCELLED"
    assert spring["URL"].endswith("/corsi/rendicontazione/")
    assert all(event.get("DTSTAMP") for event in events)


def test_uids_are_stable_and_unique(client, course):
    first = [str(e["UID"]) for e in events_of(client.get("/corsi/rendicontazione/calendario.ics"))[1]]
    course.title = "Rendicontazione FSE+ 2030"
    course.save_revision().publish()
    again = [str(e["UID"]) for e in events_of(client.get("/corsi/rendicontazione/calendario.ics"))[1]]
    assert first == again
    assert len(set(first)) == 2
    assert all(re.fullmatch(r"corso-\d+-edizione-\d+@[\w.-]+", uid) for uid in first)


def test_catalogue_feed_has_every_course(client, course_catalogue, course):
    other = CoursePageFactory(parent=course_catalogue, title="Appalti")
    CourseSessionFactory(course=other)
    _, events = events_of(client.get("/corsi/calendario.ics"))
    assert len(events) == 3
    assert {str(e["SUMMARY"]).split(" (")[0] for e in events} == {"Rendicontazione FSE+", "Appalti"}


def test_calendar_is_a_plain_cacheable_get(client, course):
    response = client.get("/corsi/rendicontazione/calendario.ics")
    assert "public" in response["Cache-Control"]
    assert not response.cookies
    assert client.post("/corsi/rendicontazione/calendario.ics").status_code == 405


def test_unknown_calendar_is_404(client, course_catalogue):
    assert client.get("/corsi/non-esiste/calendario.ics").status_code == 404
    assert client.get("/calendario.ics").status_code == 404


def test_unpublished_course_has_no_calendar(client, course):
    course.unpublish()
    assert client.get("/corsi/rendicontazione/calendario.ics").status_code == 404


def json_ld(client, url):
    html = client.get(url).content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_json_ld_course_with_instances_and_offer(client, course):
    data = json_ld(client, "/corsi/rendicontazione/")
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Course"
    assert data["name"] == "Rendicontazione FSE+"
    assert data["courseCode"] == course.code
    assert data["offers"] == [
        {
            "@type": "Offer",
            "category": "Paid",
            "price": "180.00",
            "priceCurrency": "EUR",
            "url": "http://localhost/corsi/rendicontazione/",
        }
    ]
    spring, autumn = data["hasCourseInstance"]
    assert spring["@type"] == "CourseInstance"
    assert spring["courseMode"] == "Onsite"
    assert spring["startDate"] == "2030-04-07T09:30:00+02:00"
    assert spring["location"]["address"]["addressLocality"] == "Roma"
    assert spring["courseSchedule"]["description"] == "Due giornate, 9:30-17:30"
    assert spring["courseWorkload"] == "PT16H"
    assert autumn["location"]["@type"] == "VirtualLocation"
    assert autumn["eventStatus"] == "https://schema.org/EventCancelled"


def test_json_ld_cannot_be_closed_by_course_text(client, course_catalogue):
    course = CoursePageFactory(parent=course_catalogue, summary="</script><script>alert(1)</script>")
    data = json_ld(client, course.url)
    assert data["description"] == "</script><script>alert(1)</script>"


def test_free_online_course_offer(client, course_catalogue):
    course = CoursePageFactory(parent=course_catalogue, delivery_mode=DeliveryMode.E_LEARNING)
    CourseSessionFactory(course=course, venue=None, is_online=True, start=datetime.now(ROME) + timedelta(days=3))
    data = json_ld(client, course.url)
    assert data["offers"][0]["price"] == "0"
    assert data["offers"][0]["category"] == "Free"
    assert data["hasCourseInstance"][0]["courseMode"] == "Online"


def test_catalogue_feed_leaves_out_sessions_over_six_months_ago(client, course_catalogue, course):
    old = CoursePageFactory(parent=course_catalogue, title="Corso del 2020")
    CourseSessionFactory(
        course=old, start=datetime(2020, 3, 2, 9, tzinfo=ROME), end=datetime(2020, 3, 2, 17, tzinfo=ROME)
    )
    _, events = events_of(client.get("/corsi/calendario.ics"))
    assert "Corso del 2020" not in {str(e["SUMMARY"]).split(" (")[0] for e in events}
    _, own = events_of(client.get(old.url + "calendario.ics"))
    assert len(own) == 1
