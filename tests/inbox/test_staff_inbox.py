"""The staff inbox as staff use it, for every kind of message visitors send: the visitor's words are
shown and never changed, staff change only status, notes and their own fields, nobody adds a message,
and an export keeps its columns."""

import csv
import io

import pytest
from openpyxl import load_workbook

from accessibility.models import AccessibilityFeedback
from tests.factories.courses import CourseEnquiryFactory, CoursePageFactory

pytestmark = pytest.mark.django_db

ENQUIRY_EXPORT = [
    "Ricevuta il",
    "Corso",
    "Codice corso",
    "Edizione",
    "Tipo di richiesta",
    "Lista d'attesa",
    "Nome",
    "Cognome",
    "E-mail",
    "Telefono",
    "Ente",
    "Partecipanti",
    "Messaggio",
    "Consenso comunicazioni",
    "Stato",
    "Note interne",
]


def an_enquiry(course_catalogue):
    course = CoursePageFactory(parent=course_catalogue, title="Appalti pubblici")
    return CourseEnquiryFactory(course=course, message="Vorrei sapere gli orari.", internal_notes="Richiamare lunedì")


def a_report(course_catalogue):
    return AccessibilityFeedback.objects.create(
        name="Marco Bianchi",
        email="marco@esempio.it",
        page_url="http://localhost/progetti/",
        description="Vorrei sapere perché i filtri non si leggono.",
        internal_notes="Richiamare lunedì",
    )


KINDS = {
    "course_enquiries": (an_enquiry, "Vorrei sapere gli orari.", "first_name"),
    "accessibility_feedback": (a_report, "Vorrei sapere perché i filtri non si leggono.", "description"),
}


@pytest.mark.parametrize("kind", KINDS)
def test_staff_read_the_message_and_their_notes_and_change_only_their_fields(admin_client, course_catalogue, kind):
    make, visitor_words, visitor_field = KINDS[kind]
    message = make(course_catalogue)
    detail = admin_client.get(f"/admin/{kind}/inspect/{message.pk}/").content.decode()
    assert visitor_words in detail and "Note interne" in detail and "Richiamare lunedì" in detail
    form = admin_client.get(f"/admin/{kind}/edit/{message.pk}/").content.decode()
    assert visitor_words in form
    assert 'name="status"' in form and 'name="internal_notes"' in form
    assert f'id="id_{visitor_field}"' not in form


@pytest.mark.parametrize("kind", KINDS)
def test_nobody_adds_a_message_in_the_admin(admin_client, course_catalogue, kind):
    KINDS[kind][0](course_catalogue)
    listing = admin_client.get(f"/admin/{kind}/").content.decode()
    assert listing.count("<tr") >= 2  # the message is listed
    assert f"/admin/{kind}/new/" not in listing
    assert admin_client.get(f"/admin/{kind}/new/").status_code in (302, 403)


def test_the_enquiry_export_keeps_its_columns_in_order(admin_client, course_catalogue):
    an_enquiry(course_catalogue)
    response = admin_client.get("/admin/course_enquiries/?export=csv")
    assert response["Content-Disposition"] == 'attachment; filename="richieste-corsi.csv"'
    header = next(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert header == ENQUIRY_EXPORT
    response = admin_client.get("/admin/course_enquiries/?export=xlsx")
    sheet = load_workbook(io.BytesIO(response.content))["Richieste"]
    assert [cell.value for cell in sheet[1]] == ENQUIRY_EXPORT
    assert sheet.cell(row=2, column=ENQUIRY_EXPORT.index("Tipo di richiesta") + 1).value == "Informazioni"
