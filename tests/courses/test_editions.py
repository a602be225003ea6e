"""Enquiries name the edition the visitor chose, full editions included (their waiting list), and
the seats an edition has taken are the enquiries staff mark "Iscritto/a"."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from courses.enquiries import CourseEnquiry, EnquiryStatus, RequestType
from courses.feeds import session_uid
from tests.factories.courses import CourseEnquiryFactory, CoursePageFactory, CourseSessionFactory, VenueFactory

pytestmark = pytest.mark.django_db

COURSE = "/corsi/appalti/"
FORM = f"{COURSE}richiedi-informazioni/"


@pytest.fixture
def course(course_catalogue):
    """A full Rome edition and an open Latina one, a week apart."""
    course = CoursePageFactory(
        parent=course_catalogue, title="Appalti pubblici", slug="appalti", contact_email="formazione@asap.example"
    )
    start = (timezone.now() + timedelta(days=30)).replace(microsecond=0)
    CourseSessionFactory(
        course=course,
        edition="Roma",
        start=start,
        venue=VenueFactory(name="Sala Tevere", city="Roma"),
        seats=10,
        seats_taken=10,
    )
    CourseSessionFactory(
        course=course,
        edition="Latina",
        start=start + timedelta(days=7),
        venue=VenueFactory(name="Sala Pontina", city="Latina"),
        seats=10,
    )
    return course


def post(**overrides):
    data = {
        "request_type": RequestType.PRE_ENROLMENT,
        "first_name": "Giulia",
        "last_name": "Rossi",
        "email": "giulia.rossi@esempio.it",
        "participants": "1",
        "privacy": "on",
    }
    return {**data, **overrides}


def desk_client(django_user_model):
    """A member of "Segreteria corsi", who cannot edit pages."""
    user = django_user_model.objects.create_user("segreteria", "segreteria@asap.example", "password-lunga-1")
    user.groups.add(Group.objects.get(name="Segreteria corsi"))
    client = Client()
    client.force_login(user)
    return client


def test_asking_for_the_full_rome_edition_records_rome_on_its_waiting_list(
    client, course, django_capture_on_commit_callbacks
):
    rome = course.sessions.get(edition="Roma")
    form = client.get(FORM).content.decode()
    assert 'name="session"' in form
    assert "Roma: " in form and "(posti esauriti — lista d&#x27;attesa)" in form
    assert "Latina: " in form

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(FORM, post(session=str(rome.pk)))
    assert response.status_code == 302
    enquiry = CourseEnquiry.objects.get(email="giulia.rossi@esempio.it")
    assert (enquiry.session, enquiry.waiting_list) == (rome, True)

    thanks = client.get(response["Location"]).content.decode()
    assert "Grazie, sei in lista d'attesa" in thanks
    assert "edizione <strong>Roma</strong>" in thanks and "Sala Tevere, Roma" in thanks

    staff, visitor = sorted(mail.outbox, key=lambda m: m.to != ["formazione@asap.example"])
    assert "edizione «Roma»" in staff.subject and "Edizione: Roma" in staff.body
    assert "Latina" not in staff.body + visitor.body
    assert "lista d'attesa del corso «Appalti pubblici», edizione «Roma»" in visitor.body
    (name, content, mimetype) = visitor.attachments[0]
    events = Calendar.from_ical(content).walk("VEVENT")
    assert [str(event["uid"]) for event in events] == [session_uid(rome)]
    assert "Sala Tevere" in str(events[0]["location"])
    assert events[0].decoded("dtstart") == rome.start


def test_asking_for_the_open_latina_edition_is_not_a_waiting_list(client, course):
    latina = course.sessions.get(edition="Latina")
    response = client.post(FORM, post(session=str(latina.pk)))
    enquiry = CourseEnquiry.objects.get(email="giulia.rossi@esempio.it")
    assert (enquiry.session, enquiry.waiting_list) == (latina, False)
    assert response["Location"] == f"{FORM}grazie/?edizione={latina.pk}"
    assert "edizione <strong>Latina</strong>" in client.get(response["Location"]).content.decode()


def test_a_thank_you_address_no_form_gives_is_never_shared(client, course):
    """`edizione` and `lista` name what the form chose; other values mint no shared cache entry."""
    latina = course.sessions.get(edition="Latina")
    assert "public" in client.get(f"{FORM}grazie/?edizione={latina.pk}")["Cache-Control"]
    assert "public" in client.get(f"{FORM}grazie/?lista=attesa")["Cache-Control"]
    for made_up in ("edizione=99999", "edizione=abc", "lista=altro"):
        response = client.get(f"{FORM}grazie/?{made_up}")
        assert response.status_code == 200 and "public" not in response["Cache-Control"], made_up


def test_the_course_page_keeps_the_normal_button_while_one_edition_has_seats(client, course):
    page = client.get(COURSE).content.decode()
    assert "Richiedi informazioni<span" in page
    assert "Iscriviti alla lista d'attesa" not in page


def test_the_desk_enrols_a_person_and_the_cached_page_shows_the_seats_at_once(
    client, course, django_user_model, page_cache
):
    latina = course.sessions.get(edition="Latina")
    enquiry = CourseEnquiryFactory(course=course, session=latina, participants=9)
    assert "10 posti liberi su 10" in client.get(COURSE).content.decode()
    assert "10 posti liberi su 10" in client.get(COURSE).content.decode()  # now from the page cache

    desk = desk_client(django_user_model)
    edit = reverse("course_enquiries:edit", args=[enquiry.pk])
    assert 'name="seats"' not in desk.get(f"/admin/pages/{course.pk}/edit/").content.decode()
    response = desk.post(edit, {"session": str(latina.pk), "status": EnquiryStatus.ENROLLED, "internal_notes": ""})
    assert response.status_code == 302, response.content.decode()[:2000]

    page = client.get(COURSE).content.decode()
    assert "1 posto libero su 10" in page
    # a person moved back out frees the seats again
    desk.post(edit, {"session": str(latina.pk), "status": EnquiryStatus.IN_PROGRESS, "internal_notes": ""})
    assert "10 posti liberi su 10" in client.get(COURSE).content.decode()


def test_the_desk_cannot_enrol_beyond_the_seats_nor_without_an_edition(course, django_user_model):
    rome = course.sessions.get(edition="Roma")
    enquiry = CourseEnquiryFactory(course=course, session=rome, participants=1)
    desk = desk_client(django_user_model)
    edit = reverse("course_enquiries:edit", args=[enquiry.pk])
    full = desk.post(edit, {"session": str(rome.pk), "status": EnquiryStatus.ENROLLED, "internal_notes": ""})
    assert "L&#x27;edizione «Roma» ha 0 posti liberi su 10" in full.content.decode()
    none = desk.post(edit, {"session": "", "status": EnquiryStatus.ENROLLED, "internal_notes": ""})
    assert "Per segnare la persona come iscritta scegli l&#x27;edizione." in none.content.decode()
    enquiry.refresh_from_db()
    assert enquiry.status == EnquiryStatus.NEW


def test_the_desk_filters_and_sees_enquiries_by_edition(course, django_user_model):
    rome, latina = course.sessions.get(edition="Roma"), course.sessions.get(edition="Latina")
    CourseEnquiryFactory(course=course, session=rome, first_name="Anna", last_name="Roma")
    CourseEnquiryFactory(course=course, session=latina, first_name="Bruno", last_name="Latina")
    desk = desk_client(django_user_model)
    index = reverse("course_enquiries:index")
    listing = desk.get(index).content.decode()
    assert re.search(r"<th[^>]*>\s*Edizione\s*</th>", listing)
    assert "Appalti pubblici: Latina (" in listing  # the filter's choice names course and edition
    filtered = desk.get(index, {"session": str(latina.pk)}).content.decode()
    assert "Bruno Latina" in filtered and "Anna Roma" not in filtered


def test_an_edition_cannot_have_fewer_seats_than_people_enrolled(course):
    rome = course.sessions.get(edition="Roma")
    rome.seats = 5
    with pytest.raises(Exception, match="già 10"):
        rome.full_clean()
