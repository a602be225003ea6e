import io

import pytest
from django.core.management import call_command

from contact.models import ContactFormPage
from courses.models import CoursePage, CourseSession
from courses.status import CourseStatus

pytestmark = pytest.mark.django_db


def test_demo_has_a_dozen_courses_in_every_status_and_is_idempotent(wagtail_root):
    call_command("seed_demo", stdout=io.StringIO())
    courses = list(CoursePage.objects.live().filter(locale__language_code="it"))  # the demo translates three
    assert len(courses) == 12
    statuses = {course.status() for course in courses}
    assert {
        CourseStatus.OPEN,
        CourseStatus.FULL,
        CourseStatus.CLOSED,
        CourseStatus.RUNNING,
        CourseStatus.FINISHED,
        CourseStatus.CANCELLED,
    } <= statuses
    assert len({course.area for course in courses}) >= 6
    assert len({course.delivery_mode for course in courses}) == 4
    assert {s.venue.province for s in CourseSession.objects.exclude(venue=None)} <= {"RM", "LT", "VT", "FR", "RI"}
    assert ContactFormPage.objects.live().count() == 1
    # a full course shows the waiting list (appalti-pnrr in demo/data/courses.yaml)
    assert [course.slug for course in courses if course.waiting_list_sessions()] == ["appalti-pnrr"]

    output = io.StringIO()
    call_command("seed_demo", stdout=output)
    assert "courses: già presente, nulla da fare" in output.getvalue()
    assert CoursePage.objects.count() == 12 + 3  # nothing added by the second run: 12 Italian, 3 English
