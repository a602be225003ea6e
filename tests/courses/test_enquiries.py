"""Course enquiries: the visitor's form, and e-mails that survive a mail server outage."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from icalendar import Calendar

from core.site_settings import OrganisationSettings
from courses.enquiries import CourseEnquiry, EnquiryStatus, RequestType
from outbox.models import OutboundEmail
from tests.factories import ContentPageFactory
from tests.factories.courses import CourseEnquiryFactory, CoursePageFactory, CourseSessionFactory
from tests.outbox.smtp_server import SMTPServer, closed_port, use_smtp


@pytest.fixture
def course(course_catalogue):
    course = CoursePageFactory(
        parent=course_catalogue,
        title="Rendicontazione FSE+",
        slug="rendicontazione",
        contact_email="formazione@asap.example",
    )
    CourseSessionFactory(course=course, edition="Primavera")
    return course


def valid_post(**overrides):
    data = {
        "request_type": RequestType.PRE_ENROLMENT,
        "first_name": "Giulia",
        "last_name": "Rossi",
        "email": "giulia.rossi@esempio.it",
        "phone": "",
        "organisation": "Comune di Latina",
        "participants": "2",
        "message": "Possiamo iscrivere due colleghe?",
        "privacy": "on",
    }
    data.update(overrides)
    return data


URL = "/corsi/rendicontazione/richiedi-informazioni/"


# --- the form ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_form_is_on_its_own_url_with_a_csrf_token_and_a_privacy_link(client, course):
    privacy = ContentPageFactory(parent=course.get_parent().get_parent(), title="Privacy", slug="privacy")
    organisation = OrganisationSettings.for_site(course.get_site())
    organisation.privacy_page = privacy
    organisation.save()
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert "csrfmiddlewaretoken" in html
    assert 'href="/privacy/"' in html
    assert "Ho letto l&#x27;informativa privacy" in html
    # Marketing consent is a separate box, not ticked.
    assert 'name="marketing_consent"' in html and "checked" not in html.split('name="marketing_consent"')[1][:80]
    # One session: nothing to choose.
    assert 'name="session"' not in html


@pytest.mark.django_db
def test_session_choice_appears_with_several_sessions_and_skips_cancelled_and_past_ones(client, course):
    CourseSessionFactory(course=course, edition="Autunno", start=timezone.now() + timedelta(days=90))
    CourseSessionFactory(course=course, edition="Annullata", cancelled=True)
    CourseSessionFactory(course=course, edition="Passata", start=timezone.now() - timedelta(days=90))
    html = client.get(URL).content.decode()
    assert 'name="session"' in html
    assert "Primavera" in html and "Autunno" in html
    assert "Annullata" not in html and "Passata" not in html


@pytest.mark.django_db
def test_full_sessions_are_offered_for_their_waiting_list_and_closed_ones_never(client, course):
    CourseSessionFactory(course=course, edition="Autunno", start=timezone.now() + timedelta(days=90))
    CourseSessionFactory(course=course, edition="Esaurita", seats=12, seats_taken=12)
    CourseSessionFactory(
        course=course,
        edition="Iscrizioni chiuse",
        start=timezone.now() + timedelta(days=20),
        enrolment_deadline=timezone.localdate() - timedelta(days=1),
    )
    html = client.get(URL).content.decode()
    assert "Primavera" in html and "Autunno" in html
    assert "Esaurita" in html and "(posti esauriti — lista d&#x27;attesa)" in html
    assert "Iscrizioni chiuse" not in html
    closed = course.sessions.get(edition="Iscrizioni chiuse")
    response = client.post(URL, valid_post(session=str(closed.pk)))
    assert "Scegli una delle edizioni proposte." in response.content.decode()
    assert not CourseEnquiry.objects.filter(email="giulia.rossi@esempio.it").exists()


@pytest.mark.django_db
def test_a_full_only_session_is_taken_by_the_waiting_list(client, course):
    """(The waiting list itself: tests/courses/test_waiting_list.py.)"""
    session = course.sessions.get()
    course.sessions.update(seats=10)
    CourseEnquiryFactory(course=course, session=session, participants=10, status=EnquiryStatus.ENROLLED)
    html = client.get(URL).content.decode()
    assert 'name="session"' not in html
    client.post(URL, valid_post())
    enquiry = CourseEnquiry.objects.get(email="giulia.rossi@esempio.it")
    assert (enquiry.session.edition, enquiry.waiting_list) == ("Primavera", True)


@pytest.mark.django_db
def test_happy_path_stores_the_enquiry_and_mails_staff_and_visitor(client, course, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, valid_post())
    assert response.status_code == 302
    assert response["Location"] == "/corsi/rendicontazione/richiedi-informazioni/grazie/"
    enquiry = CourseEnquiry.objects.get()
    assert (enquiry.course, enquiry.session.edition, enquiry.participants) == (course, "Primavera", 2)
    assert enquiry.status == EnquiryStatus.NEW
    assert enquiry.privacy_acknowledged_at is not None
    assert enquiry.marketing_consent is False

    staff, visitor = sorted(mail.outbox, key=lambda m: m.to != ["formazione@asap.example"])
    assert staff.to == ["formazione@asap.example"]
    assert staff.reply_to == ["giulia.rossi@esempio.it"]
    assert f"http://testserver/admin/course_enquiries/edit/{enquiry.pk}/" in staff.body
    assert "Pre-iscrizione" in staff.subject
    assert visitor.to == ["giulia.rossi@esempio.it"]
    assert "Rendicontazione FSE+" in visitor.body and course.summary in visitor.body
    name, content, mimetype = visitor.attachments[0]
    assert (name, mimetype) == ("rendicontazione.ics", "text/calendar")
    events = Calendar.from_ical(content).walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == ["Rendicontazione FSE+ (Primavera)"]
    assert set(OutboundEmail.objects.values_list("status", flat=True)) == {OutboundEmail.Status.SENT}

    thanks = client.get(response["Location"])
    assert "abbiamo ricevuto la tua richiesta" in thanks.content.decode()


@pytest.mark.django_db
def test_errors_are_italian_and_next_to_their_fields(client, course):
    response = client.post(
        URL, valid_post(first_name="", email="non-una-mail", participants="due", privacy="", request_type="x")
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "La richiesta non è stata inviata" in html
    assert "Questo campo è obbligatorio." in html
    assert "Scrivi un indirizzo e-mail valido" in html
    assert "Scrivi un numero intero, ad esempio 1." in html
    assert "devi dichiarare di aver letto l&#x27;informativa privacy" in html
    assert "Scegli uno dei tipi di richiesta proposti." in html
    # The error is tied to its input for screen readers.
    assert 'aria-describedby="id_email-errore"' in html and 'id="id_email-errore"' in html
    assert not CourseEnquiry.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "overrides",
    [
        {"participants": "0"},
        {"participants": "100000000000000000000"},
        {"session": "999999"},
        {"session": "abc"},
        {"request_type": RequestType.DEDICATED_EDITION, "organisation": ""},
        {"message": "x" * 5000},
        {"email": "a@b"},
    ],
)
def test_bad_posts_give_form_errors_not_500(client, course, overrides):
    CourseSessionFactory(course=course, edition="Autunno")
    response = client.post(URL, valid_post(**overrides))
    assert response.status_code == 400
    assert not CourseEnquiry.objects.exists()


@pytest.mark.django_db
def test_session_of_another_course_is_refused(client, course, course_catalogue):
    CourseSessionFactory(course=course, edition="Autunno")
    foreign = CourseSessionFactory(course=CoursePageFactory(parent=course_catalogue))
    response = client.post(URL, valid_post(session=str(foreign.pk)))
    assert "Scegli una delle edizioni proposte." in response.content.decode()


@pytest.mark.django_db
def test_honeypot_looks_like_success_but_stores_nothing(client, course, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, valid_post(sito_web="http://spam.example"))
    assert response.status_code == 302
    assert not CourseEnquiry.objects.exists()
    assert mail.outbox == []


@pytest.mark.django_db
def test_rate_limit_per_client(client, course, settings):
    settings.FORM_RATE_LIMIT = 3
    for _ in range(3):
        assert client.post(URL, valid_post()).status_code == 302
    blocked = client.post(URL, valid_post())
    assert blocked.status_code == 429
    assert "Troppi invii" in blocked.content.decode()
    assert CourseEnquiry.objects.count() == 3
    # Another client is not affected.
    assert client.post(URL, valid_post(), REMOTE_ADDR="10.0.0.9").status_code == 302


@pytest.mark.django_db
def test_unknown_course_or_finished_path(client, course):
    assert client.get("/corsi/non-esiste/richiedi-informazioni/").status_code == 404
    assert client.get("/corsi/non-esiste/richiedi-informazioni/grazie/").status_code == 404
    assert client.put("/corsi/non-esiste/richiedi-informazioni/").status_code == 404
    assert client.put(URL).status_code == 405


@pytest.mark.django_db
def test_a_content_page_with_that_slug_is_still_served(client, home_page):
    ContentPageFactory(parent=home_page, slug="richiedi-informazioni", title="Come chiedere")
    response = client.get("/richiedi-informazioni/")
    assert response.status_code == 200
    assert "Come chiedere" in response.content.decode()


# --- the mail server is down, then back ------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_mail_server_down_keeps_the_enquiry_then_sends_each_email_exactly_once(
    client, course, settings, atomic_requests
):
    use_smtp(settings, closed_port())
    response = client.post(URL, valid_post())
    assert response.status_code == 302, "the visitor is told the enquiry arrived"

    enquiry = CourseEnquiry.objects.get()
    emails = list(OutboundEmail.objects.filter(enquiry=enquiry))
    assert {e.kind for e in emails} == {"staff", "visitor"}
    assert all(e.status == OutboundEmail.Status.PENDING for e in emails)
    assert all(e.attempts == 1 and "Connection refused" in e.last_error for e in emails)

    # Still down: the command tries again and leaves them pending.
    call_command("send_pending_mail")
    assert OutboundEmail.objects.filter(status=OutboundEmail.Status.PENDING).count() == 2

    with SMTPServer() as server:
        use_smtp(settings, server.port)
        call_command("send_pending_mail")
        call_command("send_pending_mail")  # a second run (or a late worker) sends nothing more
        from outbox.delivery import deliver_many

        assert deliver_many([e.pk for e in emails]) == 0
    delivered = sorted(tuple(m["to"]) for m in server.messages)
    assert delivered == [("formazione@asap.example",), ("giulia.rossi@esempio.it",)]
    visitor = next(m["message"] for m in server.messages if m["to"] == ["giulia.rossi@esempio.it"])
    assert visitor["Subject"].strip() == "Abbiamo ricevuto la tua richiesta: Rendicontazione FSE+, edizione «Primavera»"
    assert any(part.get_content_type() == "text/calendar" for part in visitor.walk())
    assert set(OutboundEmail.objects.values_list("status", flat=True)) == {OutboundEmail.Status.SENT}


@pytest.mark.django_db(transaction=True)
def test_database_task_backend_sends_from_the_worker_once(client, course, settings, atomic_requests):
    # django_tasks resets its backends when TASKS changes (setting_changed).
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from django_tasks_db.models import DBTaskResult

    with SMTPServer() as server:
        use_smtp(settings, server.port)
        assert client.post(URL, valid_post()).status_code == 302
        assert server.messages == [], "nothing is sent inside the request"
        assert DBTaskResult.objects.filter(task_path="outbox.tasks.send_outbound_emails").count() == 1
        call_command("db_worker", batch=True, no_startup_delay=True, verbosity=0)
        call_command("send_pending_mail")
    assert len(server.messages) == 2
    assert set(OutboundEmail.objects.values_list("status", flat=True)) == {OutboundEmail.Status.SENT}


@pytest.mark.django_db(transaction=True)
def test_enquiry_is_committed_in_its_own_transaction_even_if_the_request_fails_later(
    client, course, monkeypatch, atomic_requests
):
    """With ATOMIC_REQUESTS on, a failure after the enquiry is stored would roll back a savepoint;
    the view commits its own transaction instead, so the enquiry and its pending e-mails survive."""
    from courses.enquiries import pages as enquiry_pages

    def broken_redirect(*args, **kwargs):
        raise RuntimeError("something after the save went wrong")

    monkeypatch.setattr(enquiry_pages, "redirect", broken_redirect)
    client.raise_request_exception = False
    assert client.post(URL, valid_post()).status_code == 500
    assert CourseEnquiry.objects.count() == 1
    assert OutboundEmail.objects.filter(enquiry__isnull=False).count() == 2
