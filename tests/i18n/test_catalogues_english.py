"""The catalogues on English pages: a project's and a course's labels, dates, amounts and EU statement in
English, an enquiry sent from an English course page answered in English (errors, thank-you page,
confirmation e-mail and its calendar) while the staff notification stays Italian; the Italian pages
and e-mails stay as they were."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from icalendar import Calendar

from courses.enquiries import RequestType
from projects.visibility import EuStatement
from tests.factories.courses import CoursePageFactory, CourseSessionFactory
from tests.factories.projects import ProjectPageFactory
from tests.i18n.conftest import translate

pytestmark = pytest.mark.django_db
ROME = ZoneInfo("Europe/Rome")
NOW = datetime.datetime(2026, 9, 1, 10, 0, tzinfo=ROME)


@pytest.fixture
def english_home(home_page, english):
    return translate(home_page, english, title="Home", slug="home-en")


@pytest.fixture
def project(project_catalogue):
    return ProjectPageFactory(
        parent=project_catalogue,
        title="Integrazione a Roma",
        slug="integrazione",
        total_cost=Decimal("1250000.50"),
        eu_contribution=Decimal("937500.00"),
        planned_start=datetime.date(2011, 10, 3),
        planned_end=datetime.date(2013, 6, 30),
        eu_statement=EuStatement.COFUNDED,
        objectives="<p>Accogliere.</p>",
        expected_results="<p>Cento persone accolte.</p>",
    )


@pytest.fixture
def english_project(english, english_home, project_catalogue, project):
    translate(project_catalogue, english, title="Projects", slug="projects")
    return translate(project, english, title="Integration in Rome", slug="integration")


def html_of(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def test_an_english_project_page_has_english_labels_dates_amounts_and_eu_statement(client, english_project):
    html = html_of(client, "/en/projects/integration/")
    assert "<h1>Integration in Rome</h1>" in html
    for text in ["Total cost", "EU contribution", "Planned period", "Objectives", "All projects"]:
        assert text in html, text
    assert "€1,250,000.50" in html and "€937,500.00" in html
    assert "3 October 2011 - 30 June 2013" in html
    assert "<span>Co-funded by the European Union</span>" in html
    assert 'aria-label="Emblem of the European Union"' in html
    for italian in ["Costo totale", "Periodo previsto", "Cofinanziato", "Emblema", "ottobre", "1.250.000,50"]:
        assert italian not in html, italian


def test_the_italian_project_page_stays_italian_beside_its_translation(client, english_project):
    html_of(client, "/en/projects/integration/")  # the English block is kept apart from the Italian one
    html = html_of(client, "/progetti/integrazione/")
    assert "<dt>Costo totale</dt><dd>1.250.000,50 €</dd>" in html
    assert "3 ottobre 2011 - 30 giugno 2013" in html
    assert "<span>Cofinanziato dall&#x27;Unione europea</span>" in html
    assert 'aria-label="Emblema dell&#x27;Unione europea"' in html
    assert "Total cost" not in html and "October" not in html


def test_the_english_project_catalogue_counts_filters_and_charts_in_english(client, english_project):
    html = html_of(client, "/en/projects/")
    assert "1 project" in html and "Filter projects" in html and "Apply filters" in html
    assert "Funding at a glance" in html and "€1.3m" in html
    assert "1 progetto" not in html and "Applica i filtri" not in html
    italian = html_of(client, "/progetti/")
    assert "1 progetto" in italian and "Il finanziamento in sintesi" in italian and "1,3 mln €" in italian


# --- courses ------------------------------------------------------------------------------------


@pytest.fixture
def course(course_catalogue):
    course = CoursePageFactory(
        parent=course_catalogue,
        title="Rendicontazione FSE+",
        slug="rendicontazione",
        contact_email="formazione@asap.example",
        is_free=False,
        fee=Decimal("1250.50"),
    )
    CourseSessionFactory(
        course=course,
        edition="Primavera",
        start=datetime.datetime(2026, 10, 1, 9, 30, tzinfo=ROME),
        end=datetime.datetime(2026, 10, 3, 13, 30, tzinfo=ROME),
    )
    return course


@pytest.fixture
def english_course(english, english_home, course_catalogue, course):
    translate(course_catalogue, english, title="Courses", slug="courses")
    return translate(course, english, title="FSE+ reporting", slug="fse-reporting", summary="A course on reporting.")


ENGLISH_FORM = "/en/courses/fse-reporting/richiedi-informazioni/"


def enquiry(**overrides):
    return {
        "request_type": RequestType.INFORMATION,
        "first_name": "Jane",
        "last_name": "Smith",
        "email": "jane@example.org",
        "participants": "1",
        "privacy": "on",
        **overrides,
    }


@time_machine.travel(NOW, tick=False)
def test_an_english_course_page_reads_in_english(client, english_course):
    html = html_of(client, "/en/courses/fse-reporting/")
    assert "Editions and dates" in html and "Enrolment open" in html and "At a glance" in html
    assert "1-3 October 2026" in html and "9:30am to 1:30pm" in html
    assert "€1,250.50" in html and "16 hours" in html
    assert "Edizioni e date" not in html and "ottobre" not in html
    italian = html_of(client, "/corsi/rendicontazione/")
    assert "1-3 ottobre 2026" in italian and "1.250,50 €" in italian and "16 ore" in italian


@time_machine.travel(NOW, tick=False)
def test_an_english_enquiry_shows_its_errors_in_english(client, english_course):
    response = client.post(ENGLISH_FORM, enquiry(email="not an address", privacy=""))
    html = response.content.decode()
    assert response.status_code == 400
    assert "Your enquiry has not been sent" in html
    assert "Please correct the 2 fields marked below." in html
    assert "Enter a valid e-mail address, for example name@example.com." in html
    assert "To send your enquiry, please confirm that you have read the privacy notice." in html
    assert "Leave this field empty" in html  # the honeypot's label, for whoever reads it
    assert "Correggi" not in html and "La richiesta non è stata inviata" not in html


@time_machine.travel(NOW, tick=False)
def test_an_english_enquiry_is_confirmed_in_english_and_notified_to_the_staff_in_italian(
    client, english_course, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ENGLISH_FORM, enquiry())
    assert response.status_code == 302
    assert response["Location"] == "/en/courses/fse-reporting/richiedi-informazioni/grazie/"
    thanks = html_of(client, response["Location"])
    assert "Thank you, we have received your enquiry" in thanks and "1-3 October 2026" in thanks

    staff, visitor = sorted(mail.outbox, key=lambda m: m.to != ["formazione@asap.example"])
    assert staff.subject == "Nuova richiesta (Informazioni): FSE+ reporting, edizione «Primavera»"
    assert "Nuova richiesta sul corso" in staff.body
    assert visitor.subject == "We have received your enquiry: FSE+ reporting, edition “Primavera”"
    assert visitor.body.startswith("Hello,\n\nwe have received your enquiry (information)")
    assert "Fee: €1,250.50" in visitor.body
    assert "Edition: Primavera, 1-3 October 2026, 9:30am to 1:30pm" in visitor.body
    assert "Buongiorno" not in visitor.body and "ottobre" not in visitor.body
    (event,) = Calendar.from_ical(visitor.attachments[0][1]).walk("VEVENT")
    assert "Details and enquiries: http://localhost/en/courses/fse-reporting/" in str(event["DESCRIPTION"])


@time_machine.travel(NOW, tick=False)
def test_an_italian_enquiry_is_still_confirmed_in_italian(client, english_course, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/corsi/rendicontazione/richiedi-informazioni/", enquiry())
    visitor = next(m for m in mail.outbox if m.to == ["jane@example.org"])
    assert visitor.subject == "Abbiamo ricevuto la tua richiesta: Rendicontazione FSE+, edizione «Primavera»"
    assert "Quota: 1.250,50 €" in visitor.body and "1-3 ottobre 2026, ore 9:30-13:30" in visitor.body
    (event,) = Calendar.from_ical(visitor.attachments[0][1]).walk("VEVENT")
    assert "Dettagli e richieste di informazioni:" in str(event["DESCRIPTION"])


def test_the_english_calendar_file_is_in_english(client, english_course):
    ics = client.get("/en/courses/fse-reporting/calendario.ics").content
    (event,) = Calendar.from_ical(ics).walk("VEVENT")
    assert str(event["SUMMARY"]) == "FSE+ reporting (Primavera)"
    assert "Details and enquiries:" in str(event["DESCRIPTION"])


@time_machine.travel(NOW, tick=False)
def test_the_english_course_catalogue_reads_in_english(client, english_course):
    html = html_of(client, "/en/courses/")
    assert "1 course" in html and "Filter courses" in html and "Subject area" in html
    assert "Calendar of all courses (.ics)" in html and "Next edition:" in html and "1 October 2026" in html
    assert "Filtra i corsi" not in html and "Prossima edizione" not in html
    italian = html_of(client, "/corsi/")
    assert "1 corso" in italian and "Prossima edizione:" in italian and "1 ottobre 2026" in italian
