"""“Prossima edizione” never names a day already past: a session that started yesterday is running,
not next (card in the catalogue, search result line)."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from wagtail.search.index import insert_or_update_object

from tests.factories.courses import CoursePageFactory, CourseSessionFactory

pytestmark = pytest.mark.django_db

ROME = ZoneInfo("Europe/Rome")
NOW = datetime.datetime(2026, 11, 26, 10, 0, tzinfo=ROME)


def at(day, hour=9, minute=30):
    return datetime.datetime(2026, 11, day, hour, minute, tzinfo=ROME)


@pytest.fixture
def running_course(course_catalogue):
    course = CoursePageFactory(parent=course_catalogue, title="Rendicontazione FSE+")
    CourseSessionFactory(course=course, start=at(25), end=datetime.datetime(2026, 12, 10, 13, 30, tzinfo=ROME))
    return course


def catalogue_card(client, title):
    html = client.get("/corsi/").content.decode()
    return next(card.split("</article>")[0] for card in html.split("<article") if title in card)


@time_machine.travel(NOW, tick=False)
def test_a_session_that_started_yesterday_is_never_the_next_edition(client, running_course):
    card = catalogue_card(client, "Rendicontazione FSE+")
    assert "Prossima edizione" not in card
    assert "25 novembre" not in card
    assert "In corso <time" in card and "fino al 10 dicembre 2026</time>" in card


@time_machine.travel(NOW, tick=False)
def test_a_running_course_with_a_later_session_names_the_later_one(client, running_course):
    CourseSessionFactory(course=running_course, start=datetime.datetime(2027, 1, 12, 9, 30, tzinfo=ROME))
    card = catalogue_card(client, "Rendicontazione FSE+")
    assert "Prossima edizione: <time" in card and ">12 gennaio 2027</time>" in card
    assert "25 novembre" not in card


@time_machine.travel(NOW, tick=False)
def test_a_session_starting_later_today_is_still_the_next_edition(client, course_catalogue):
    course = CoursePageFactory(parent=course_catalogue, title="Excel per la rendicontazione")
    CourseSessionFactory(course=course, start=at(26, 15), end=at(26, 18))
    card = catalogue_card(client, "Excel per la rendicontazione")
    assert ">26 novembre 2026</time>" in card and "Prossima edizione" in card


@time_machine.travel(NOW, tick=False)
def test_the_search_result_of_a_running_course_says_until_when(client, running_course):
    insert_or_update_object(running_course)
    html = client.get("/cerca/", {"q": "Rendicontazione"}).content.decode()
    assert "In corso · fino al 10 dicembre 2026" in html
    assert "prossima edizione" not in html
