"""A course funded through an EU programme carries the fund's statement and the programme's logos on
its page, in the visitor's confirmation e-mail and in the calendar entries."""

import pytest
from django.core import mail
from icalendar import Calendar

from projects.models import FundLogo, ProgrammeLogo
from tests.courses.test_enquiries import valid_post
from tests.factories import ImageFactory
from tests.factories.courses import CoursePageFactory, CourseSessionFactory
from tests.factories.projects import FundFactory, FundingProgrammeFactory

pytestmark = pytest.mark.django_db

STATEMENT = "Finanziato dall'Unione europea – NextGenerationEU"


@pytest.fixture
def funded_course(course_catalogue):
    fund = FundFactory(acronym="PNRR", eu_statement="nextgenerationeu")
    FundLogo.objects.create(fund=fund, image=ImageFactory(), alt_text="Italia Domani", sort_order=0)
    programme = FundingProgrammeFactory(fund=fund, name="Missione 5: inclusione e coesione", code="M5")
    ProgrammeLogo.objects.create(
        programme=programme, image=ImageFactory(), alt_text="Repubblica Italiana", sort_order=0
    )
    course = CoursePageFactory(parent=course_catalogue, slug="inclusione", funding_programme=programme)
    CourseSessionFactory(course=course, edition="Autunno")
    return course


def test_the_course_page_shows_the_emblem_statement_and_the_programmes_strip(client, funded_course):
    html = client.get(funded_course.url).content.decode()
    top = html.split('<header class="page-header">')[0]
    assert "<span>Finanziato dall&#x27;Unione europea – NextGenerationEU</span>" in top
    assert 'aria-label="Emblema dell&#x27;Unione europea"' in top
    assert 'alt="Repubblica Italiana"' in top and "Italia Domani" not in top  # the programme's strip wins


def test_the_confirmation_email_and_the_calendar_carry_the_statement(
    client, funded_course, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"{funded_course.url}richiedi-informazioni/", valid_post()).status_code == 302
    visitor = next(m for m in mail.outbox if m.to == ["giulia.rossi@esempio.it"])
    assert f"{STATEMENT}: Missione 5: inclusione e coesione." in visitor.body
    attached = Calendar.from_ical(visitor.attachments[0][1]).walk("VEVENT")[0]
    assert f"{STATEMENT}: Missione 5: inclusione e coesione." in str(attached["DESCRIPTION"])

    for url in (f"{funded_course.url}calendario.ics", "/corsi/calendario.ics"):
        event = Calendar.from_ical(client.get(url).content).walk("VEVENT")[0]
        assert STATEMENT in str(event["DESCRIPTION"]), url


def test_a_course_of_a_national_fund_says_nothing_about_the_union(client, course_catalogue):
    programme = FundingProgrammeFactory(fund=FundFactory(level="nazionale", eu_statement=""))
    course = CoursePageFactory(parent=course_catalogue, funding_programme=programme)
    CourseSessionFactory(course=course)
    assert "Unione europea" not in client.get(course.url).content.decode()
    event = Calendar.from_ical(client.get(f"{course.url}calendario.ics").content).walk("VEVENT")[0]
    assert "Unione europea" not in str(event["DESCRIPTION"])
