"""The catalogue: upcoming first, filters in the URL, archive, bad input, constant queries."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.search.index import insert_or_update_object

from courses.models import Area, DeliveryMode
from tests.factories.courses import CoursePageFactory, CourseSessionFactory, VenueFactory

pytestmark = pytest.mark.django_db


def course_with_session(course_catalogue, days_ahead, **course_fields):
    session_fields = course_fields.pop("session", {})
    course = CoursePageFactory(parent=course_catalogue, **course_fields)
    start = timezone.now() + timedelta(days=days_ahead)
    CourseSessionFactory(course=course, start=start, end=start + timedelta(hours=6), **session_fields)
    insert_or_update_object(course)  # as publishing does once the editor saved the sessions
    return course


def titles(response):
    return [course.title for course in response.context["results"]]


@pytest.fixture
def courses(course_catalogue):
    latina = VenueFactory(name="Sala Latina", city="Latina", province="LT")
    return {
        "later": course_with_session(course_catalogue, 60, title="Rendicontazione FSE+", area=Area.MANAGEMENT),
        "soon": course_with_session(
            course_catalogue,
            10,
            title="Appalti pubblici",
            area=Area.PROCUREMENT,
            is_free=False,
            fee=Decimal("250"),
            session={"venue": latina},
        ),
        "online": course_with_session(
            course_catalogue,
            20,
            title="Monitoraggio online",
            area=Area.MONITORING,
            delivery_mode=DeliveryMode.ONLINE_LIVE,
            session={"venue": None, "is_online": True, "online_platform": "Zoom"},
        ),
        "full": course_with_session(course_catalogue, 30, title="Corso pieno", session={"seats": 5, "seats_taken": 5}),
        "past": course_with_session(course_catalogue, -90, title="Corso concluso"),
    }


def test_upcoming_courses_come_first_and_past_ones_are_in_the_archive(client, course_catalogue, courses):
    response = client.get("/corsi/")
    assert response.status_code == 200
    assert titles(response) == ["Appalti pubblici", "Monitoraggio online", "Corso pieno", "Rendicontazione FSE+"]
    archive = client.get("/corsi/?archivio=on")
    assert titles(archive) == ["Corso concluso"]
    assert "Archivio dei corsi conclusi" in archive.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("area=appalti", ["Appalti pubblici"]),
        ("modalita=online", ["Monitoraggio online"]),
        ("citta=Latina", ["Appalti pubblici"]),
        ("quota=gratuito", ["Monitoraggio online", "Corso pieno", "Rendicontazione FSE+"]),
        ("quota=pagamento", ["Appalti pubblici"]),
        ("aperte=on", ["Appalti pubblici", "Monitoraggio online", "Rendicontazione FSE+"]),
        ("q=appalti", ["Appalti pubblici"]),
        ("q=Latina", ["Appalti pubblici"]),
        ("area=gestione&aperte=on", ["Rendicontazione FSE+"]),
    ],
)
def test_filters(client, courses, query, expected):
    response = client.get(f"/corsi/?{query}")
    assert response.status_code == 200
    assert titles(response) == expected


def test_month_filter_uses_months_that_have_sessions(client, courses):
    start = courses["soon"].sessions.get().start
    month = timezone.localtime(start).strftime("%Y-%m")
    response = client.get(f"/corsi/?mese={month}")
    assert "Appalti pubblici" in titles(response)
    assert all(
        any(timezone.localtime(s.start).strftime("%Y-%m") == month for s in course.sessions.all())
        for course in response.context["results"]
    )


def test_filter_state_is_kept_in_the_form_and_in_pagination_links(client, course_catalogue):
    for i in range(12):
        course_with_session(course_catalogue, 5 + i, title=f"Corso {i:02d}", area=Area.DIGITAL)
    response = client.get("/corsi/?area=digitale")
    html = response.content.decode()
    assert '<option value="digitale" selected>' in html
    assert "?area=digitale&amp;page=2" in html
    second = client.get("/corsi/?area=digitale&page=2")
    assert titles(second) == ["Corso 10", "Corso 11"]


@pytest.mark.parametrize(
    "query",
    [
        "area=nonesiste",
        "mese=2026-13",
        "mese=abc",
        "citta=Atlantide",
        "page=abc",
        f"page={10**9}",
        "page=-1",
        "q=%22%27%3B--+OR+1%3D1",
        "q=" + "x" * 5000,
        "area=appalti&area=gestione",
        "aperte=forse",
        "q=%00",
        "quota[]=1",
    ],
)
def test_bad_input_never_breaks_the_catalogue(client, courses, query):
    response = client.get(f"/corsi/?{query}")
    assert response.status_code == 200


def test_invalid_choice_is_reported_in_italian(client, courses):
    html = client.get("/corsi/?area=nonesiste").content.decode()
    assert "Valore non valido: scegli una delle opzioni proposte." in html


def test_catalogue_query_count_does_not_grow_with_courses(client, course_catalogue):
    def count_queries():
        client.get("/corsi/")
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/corsi/?aperte=on&quota=gratuito")
        assert response.status_code == 200
        return len(captured), len(response.context["results"])

    for i in range(2):
        course_with_session(course_catalogue, 10 + i)
    few, shown_few = count_queries()
    venue = VenueFactory(city="Viterbo")
    for i in range(12):
        course = course_with_session(course_catalogue, 20 + i, session={"venue": venue})
        CourseSessionFactory(course=course, start=timezone.now() + timedelta(days=50))
    many, shown_many = count_queries()
    assert (shown_few, shown_many) == (2, 10)
    assert few == many, f"{few} queries with 2 courses, {many} with 14"


def test_course_page_shows_sessions_and_has_no_csrf_token(client, course_catalogue, courses):
    course = courses["soon"]
    response = client.get(course.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "csrfmiddlewaretoken" not in html
    assert "Set-Cookie" not in str(response.headers) and not response.cookies
    assert "Iscrizioni aperte" in html
    assert "Sala Latina" in html
    assert f'href="{course.url}richiedi-informazioni/"' in html
    assert f'href="{course.url}calendario.ics"' in html
    assert "Aggiungi al calendario" in html


def test_course_page_query_count_does_not_grow_with_sessions(client, course_catalogue):
    course = CoursePageFactory(parent=course_catalogue)

    def count():
        client.get(course.url)
        with CaptureQueriesContext(connection) as captured:
            client.get(course.url)
        return len(captured)

    CourseSessionFactory(course=course)
    few = count()
    for i in range(8):
        CourseSessionFactory(course=course, start=timezone.now() + timedelta(days=40 + i))
    assert count() == few


def test_session_deadline_shown(client, course_catalogue):
    course = CoursePageFactory(parent=course_catalogue)
    CourseSessionFactory(course=course, enrolment_deadline=timezone.localdate() + timedelta(days=3))
    assert "Iscrizioni entro" in client.get(course.url).content.decode()


PARAMETERS = ["q", "area", "modalita", "citta", "mese", "quota", "aperte", "archivio", "page"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    params=st.lists(
        st.tuples(st.sampled_from(PARAMETERS), st.text(max_size=30)),
        max_size=6,
    )
)
def test_any_query_string_gives_a_page(client, course_catalogue, params):
    response = client.get("/corsi/", params)
    assert response.status_code == 200


def test_cards_say_when_a_course_is_cancelled_or_full(client, course_catalogue, courses):
    course_with_session(course_catalogue, 15, title="Corso annullato", session={"cancelled": True})
    html = client.get("/corsi/").content.decode()
    card = html.split("Corso annullato")[1].split("</li>")[0]
    assert "Annullato" in card and "Tutte le edizioni sono annullate." in card
    full = html.split("Corso pieno")[1].split("</li>")[0]
    assert "Posti esauriti" in full
