"""A course's status follows from its sessions and the date, with a frozen clock."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from courses.status import CourseStatus
from tests.factories.courses import CoursePageFactory, CourseSessionFactory

pytestmark = pytest.mark.django_db

ROME = ZoneInfo("Europe/Rome")
TODAY = datetime.datetime(2026, 3, 10, 12, 0, tzinfo=ROME)


def at(day, hour=9):
    return datetime.datetime(2026, 3, day, hour, 0, tzinfo=ROME)


@pytest.fixture
def course(course_catalogue):
    return CoursePageFactory(parent=course_catalogue)


def session(course, start_day, end_day, **fields):
    return CourseSessionFactory(course=course, start=at(start_day), end=at(end_day, 17), **fields)


def status_of(course):
    course.refresh_from_db()
    course.__dict__.pop("sorted_sessions", None)
    return course.status()


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(TODAY, tick=False):
        yield


class TestCourseStatus:
    def test_a_future_session_with_seats_is_open(self, course):
        session(course, 20, 21)
        assert status_of(course) == CourseStatus.OPEN
        assert status_of(course).label == "Iscrizioni aperte"

    def test_full_session(self, course):
        session(course, 20, 21, seats=10, seats_taken=10)
        assert status_of(course) == CourseStatus.FULL

    def test_deadline_passed_closes_enrolment(self, course):
        session(course, 20, 21, enrolment_deadline=datetime.date(2026, 3, 9))
        assert status_of(course) == CourseStatus.CLOSED

    def test_deadline_today_is_still_open(self, course):
        session(course, 20, 21, enrolment_deadline=datetime.date(2026, 3, 10))
        assert status_of(course) == CourseStatus.OPEN

    def test_running(self, course):
        session(course, 9, 12)
        assert status_of(course) == CourseStatus.RUNNING

    def test_finished(self, course):
        session(course, 2, 3)
        assert status_of(course) == CourseStatus.FINISHED

    def test_all_cancelled(self, course):
        session(course, 20, 21, cancelled=True)
        session(course, 25, 26, cancelled=True)
        assert status_of(course) == CourseStatus.CANCELLED

    def test_a_cancelled_session_does_not_hide_an_open_one(self, course):
        session(course, 20, 21, cancelled=True)
        session(course, 25, 26)
        assert status_of(course) == CourseStatus.OPEN

    def test_open_wins_over_running_and_finished(self, course):
        session(course, 2, 3)
        session(course, 9, 12)
        session(course, 25, 26)
        assert status_of(course) == CourseStatus.OPEN

    def test_no_sessions(self, course):
        assert status_of(course) == CourseStatus.TO_BE_SCHEDULED

    def test_status_changes_as_time_passes(self, course):
        s = session(course, 20, 21)
        with time_machine.travel(at(20, 10), tick=False):
            assert s.status() == CourseStatus.RUNNING
        with time_machine.travel(at(22), tick=False):
            assert s.status() == CourseStatus.FINISHED
        assert s.status() == CourseStatus.OPEN
