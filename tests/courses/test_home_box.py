"""The home page's "Corsi" box: editor picks first, then the next courses open for enrolment."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from courses.boxes import next_open_courses
from home.models import HomeCoursePick
from tests.factories import ContentPageFactory
from tests.factories.courses import CoursePageFactory, CourseSessionFactory
from tests.site.italian_rule import with_article

pytestmark = pytest.mark.django_db
ROME = ZoneInfo("Europe/Rome")
# A fixed "today" for the box: what it shows follows from the clock (no test may depend on today's date).
TODAY = datetime(2026, 3, 2, 9, tzinfo=ROME)


def course_starting_in(course_catalogue, days, **session):
    course = CoursePageFactory(parent=course_catalogue, title=f"Corso tra {days} giorni")
    CourseSessionFactory(course=course, start=timezone.now() + timedelta(days=days), **session)
    return course


@time_machine.travel(TODAY, tick=False)
def test_next_open_courses_fill_the_box_after_editor_picks(home_page, course_catalogue):
    pick = ContentPageFactory(parent=home_page, title="Formazione")
    home_page.course_picks.add(HomeCoursePick(page=pick))
    home_page.save()
    course_starting_in(course_catalogue, 30)
    course_starting_in(course_catalogue, 5)
    course_starting_in(course_catalogue, 10, seats=3, seats_taken=3)  # full
    course_starting_in(course_catalogue, 12, cancelled=True)
    course_starting_in(course_catalogue, -10)  # over
    private = course_starting_in(course_catalogue, 3)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    entries = home_page.course_box_items()
    assert [e.title for e in entries] == ["Formazione", "Corso tra 5 giorni", "Corso tra 30 giorni"]
    assert entries[1].url == "/corsi/" + entries[1].url.split("/corsi/")[1]
    assert entries[1].meta == "Iscrizioni aperte · dal 7 marzo 2026 · In presenza"


def test_the_box_reads_right_on_every_day_of_a_leap_year(course_catalogue):
    """366 "today"s of 2028, one course starting five days later at 9:00 (Rome, across both DST changes):
    it is in the box with its date as an Italian reader says it."""
    course = course_starting_in(course_catalogue, 5)
    sessions = course.sessions.all()
    wrong = {}
    for offset in range(366):
        today = date(2028, 1, 1) + timedelta(days=offset)
        start = today + timedelta(days=5)
        sessions.update(start=datetime.combine(start, time(9), ROME))
        with time_machine.travel(datetime.combine(today, time(23, 30), ROME), tick=False):
            metas = [entry.meta for entry in next_open_courses()]
        expected = "Iscrizioni aperte · " + with_article(start, "dal", "dall'") + " · In presenza"
        if metas != [expected]:
            wrong[today.isoformat()] = metas
    assert wrong == {}


def test_box_is_on_every_page_with_constant_queries(client, home_page, course_catalogue):
    def queries():
        client.get("/")
        with CaptureQueriesContext(connection) as captured:
            html = client.get("/").content.decode()
        return len(captured), html

    course_starting_in(course_catalogue, 3)
    few, html = queries()
    assert "Corso tra 3 giorni" in html
    for days in range(4, 14):
        course_starting_in(course_catalogue, days)
    many, html = queries()
    assert few == many
    assert html.count('class="box__item"') == 4
