"""Full courses take waiting-list requests: when every session open for enrolment is full, the
enquiry form asks for a place on the waiting list, and staff see those requests apart."""

import csv
import io
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from courses.enquiries import CourseEnquiry, EnquiryStatus, RequestType
from tests.factories.courses import CourseEnquiryFactory, CoursePageFactory, CourseSessionFactory

pytestmark = pytest.mark.django_db

COURSE = "/corsi/rendicontazione/"
FORM = f"{COURSE}richiedi-informazioni/"
WAITING = "Iscriviti alla lista d'attesa"


@pytest.fixture
def course(course_catalogue):
    course = CoursePageFactory(
        parent=course_catalogue,
        title="Rendicontazione FSE+",
        slug="rendicontazione",
        contact_email="formazione@asap.example",
    )
    CourseSessionFactory(course=course, edition="Primavera", seats=20, seats_taken=20)
    CourseSessionFactory(
        course=course, edition="Autunno", start=timezone.now() + timedelta(days=90), seats=15, seats_taken=15
    )
    # neither a past nor a cancelled session with free seats keeps the course off the waiting list
    CourseSessionFactory(course=course, edition="Passata", start=timezone.now() - timedelta(days=90), seats_taken=0)
    CourseSessionFactory(course=course, edition="Annullata", cancelled=True, seats_taken=0)
    return course


def waiting_list_post(**overrides):
    data = {
        "first_name": "Giulia",
        "last_name": "Rossi",
        "email": "giulia.rossi@esempio.it",
        "participants": "1",
        "message": "",
        "privacy": "on",
    }
    return {**data, **overrides}


def test_full_course_takes_waiting_list_requests_end_to_end(client, course, django_capture_on_commit_callbacks):
    page = client.get(COURSE).content.decode()
    assert f'{WAITING}<span class="visually-hidden"> del corso Rendicontazione FSE+</span>' in page

    form = client.get(FORM).content.decode()
    assert f"<h1>{WAITING}</h1>" in form
    assert f'<button type="submit" class="button">{WAITING}</button>' in form
    assert "sono esauriti" in form
    assert 'name="request_type"' not in form  # nothing to choose: it is a request for a seat
    # the visitor says which full edition she waits for
    assert "Primavera" in form and "Autunno" in form
    assert "Passata" not in form and "Annullata" not in form

    autumn = course.sessions.get(edition="Autunno")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(FORM, waiting_list_post(session=str(autumn.pk)))
    assert response.status_code == 302
    assert response["Location"] == f"{FORM}grazie/?edizione={autumn.pk}&lista=attesa"

    enquiry = CourseEnquiry.objects.get(email="giulia.rossi@esempio.it")
    assert enquiry.waiting_list is True
    assert enquiry.session == autumn
    assert enquiry.request_type == RequestType.PRE_ENROLMENT

    thanks = client.get(response["Location"]).content.decode()
    assert "Grazie, sei in lista d'attesa" in thanks
    assert "lista d'attesa del corso <strong>Rendicontazione FSE+</strong>, edizione <strong>Autunno</strong>" in thanks

    staff, visitor = sorted(mail.outbox, key=lambda m: m.to != ["formazione@asap.example"])
    assert staff.subject == "Nuova richiesta (Lista d'attesa): Rendicontazione FSE+, edizione «Autunno»"
    assert "lista d'attesa" in staff.body
    assert visitor.subject == "Sei in lista d'attesa: Rendicontazione FSE+, edizione «Autunno»"
    assert (
        "abbiamo ricevuto la tua iscrizione alla lista d'attesa del corso «Rendicontazione FSE+», edizione «Autunno»"
        in visitor.body
    )
    assert "se se ne libera uno ti scriviamo" in visitor.body


def test_a_course_with_a_free_session_keeps_the_normal_form(client, course, django_capture_on_commit_callbacks):
    course.enquiries.filter(session__edition="Autunno").update(participants=14)
    assert "Richiedi informazioni<span" in client.get(COURSE).content.decode()
    form = client.get(FORM).content.decode()
    assert "<h1>Richiedi informazioni</h1>" in form
    assert "lista d'attesa" not in form
    assert 'name="request_type"' in form
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(FORM, waiting_list_post(request_type=RequestType.INFORMATION))
    assert response["Location"] == f"{FORM}grazie/"
    assert CourseEnquiry.objects.get(email="giulia.rossi@esempio.it").waiting_list is False
    visitor = next(m for m in mail.outbox if m.to == ["giulia.rossi@esempio.it"])
    assert "lista d'attesa" not in visitor.body + visitor.subject
    assert "lista d'attesa" not in client.get(response["Location"]).content.decode()


def test_a_course_whose_enrolment_is_closed_has_no_waiting_list(client, course):
    course.sessions.update(enrolment_deadline=timezone.localdate() - timedelta(days=1))
    assert "lista d'attesa" not in client.get(FORM).content.decode()


def test_staff_see_waiting_list_requests_apart(admin_client, course):
    CourseEnquiryFactory(course=course, first_name="Anna", waiting_list=True)
    CourseEnquiryFactory(course=course, first_name="Bruno")

    def names(query):
        response = admin_client.get(f"/admin/course_enquiries/?{query}")
        assert response.status_code == 200
        return sorted(e.first_name for e in response.context["object_list"] if e.status != EnquiryStatus.ENROLLED)

    assert names("waiting_list=true") == ["Anna"]
    assert names("waiting_list=false") == ["Bruno"]
    assert names("") == ["Anna", "Bruno"]
    assert names("waiting_list=boh") == ["Anna", "Bruno"]
    listing = admin_client.get("/admin/course_enquiries/").content.decode()
    assert "Lista d&#x27;attesa" in listing
    assert "Informazioni (lista d'attesa)" in admin_client.get("/admin/").content.decode()  # dashboard panel

    response = admin_client.get("/admin/course_enquiries/?export=csv&waiting_list=true")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert [(row["Nome"], row["Lista d'attesa"]) for row in rows] == [("Anna", "Sì")]
