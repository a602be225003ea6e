"""The home page's "Corsi" box: editor picks first, then the next courses open for enrolment."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from home.models import HomeCoursePick
from tests.factories import ContentPageFactory
from tests.factories.courses import CoursePageFactory, CourseSessionFactory

pytestmark = pytest.mark.django_db


def course_starting_in(course_catalogue, days, **session):
    course = CoursePageFactory(parent=course_catalogue, title=f"Corso tra {days} giorni")
    CourseSessionFactory(course=course, start=timezone.now() + timedelta(days=days), **session)
    return course


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
    assert entries[1].meta.startswith("Iscrizioni aperte · dal ")


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
