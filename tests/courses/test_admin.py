"""Staff side: the enquiry viewset, exports, permissions, dashboard panel and retention."""

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest
from dateutil.relativedelta import relativedelta
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.utils import timezone
from openpyxl import load_workbook

from courses.enquiries import CourseEnquiry, EnquiryStatus
from outbox.models import OutboundEmail
from tests.factories.courses import CourseEnquiryFactory, CoursePageFactory, CourseSessionFactory

pytestmark = pytest.mark.django_db

INDEX = "/admin/course_enquiries/"


@pytest.fixture
def course(course_catalogue):
    return CoursePageFactory(parent=course_catalogue, title="Appalti pubblici")


@pytest.fixture
def enquiry(course):
    return CourseEnquiryFactory(course=course, first_name="Mario", last_name="Bianchi", organisation="Comune di Rieti")


def staff_user(django_user_model, username, permissions):
    user = django_user_model.objects.create_user(username, f"{username}@asap.example", "password-lunga-1")
    group = Group.objects.create(name=f"Gruppo {username}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in permissions:
        group.permissions.add(Permission.objects.get(codename=codename, content_type__app_label="courses"))
    user.groups.add(group)
    return user


def test_only_groups_with_the_permission_see_enquiries(client, django_user_model, enquiry):
    editor = staff_user(django_user_model, "redattore", [])
    client.force_login(editor)
    assert client.get(INDEX).status_code in (302, 403)
    assert client.get(f"{INDEX}edit/{enquiry.pk}/").status_code in (302, 403)
    assert "Nuove richieste" not in client.get("/admin/").content.decode()
    assert client.get(f"{INDEX}?export=csv").status_code in (302, 403)

    segreteria = staff_user(django_user_model, "segreteria", ["view_courseenquiry", "change_courseenquiry"])
    client.force_login(segreteria)
    response = client.get(INDEX)
    assert response.status_code == 200
    assert "Mario Bianchi" in response.content.decode()
    dashboard = client.get("/admin/").content.decode()
    assert "Nuove richieste" in dashboard and "Mario Bianchi" in dashboard


def test_nobody_adds_enquiries_in_the_admin(admin_client, enquiry):
    assert admin_client.get(f"{INDEX}new/").status_code in (302, 403)


def test_filters_and_search(admin_client, course, course_catalogue):
    other = CoursePageFactory(parent=course_catalogue, title="Rendicontazione")
    CourseEnquiryFactory(course=course, first_name="Anna", status=EnquiryStatus.CLOSED)
    CourseEnquiryFactory(course=other, first_name="Bruno")
    CourseEnquiryFactory(
        course=other, first_name="Carla", organisation="ASL Roma 1", created_at=timezone.now() - timedelta(days=60)
    )

    def names(query):
        response = admin_client.get(f"{INDEX}?{query}")
        assert response.status_code == 200
        return sorted(e.first_name for e in response.context["object_list"])

    assert names(f"course={other.pk}") == ["Bruno", "Carla"]
    assert names("status=chiusa") == ["Anna"]
    assert names("q=ASL") == ["Carla"]
    since = (timezone.localdate() - timedelta(days=7)).isoformat()
    assert names(f"created_at_from={since}") == ["Anna", "Bruno"]
    assert admin_client.get(f"{INDEX}?course=abc&status=boh&created_at_from=ieri").status_code == 200


def test_staff_change_status_and_notes_but_not_what_the_visitor_wrote(admin_client, enquiry):
    response = admin_client.post(
        f"{INDEX}edit/{enquiry.pk}/",
        {"status": EnquiryStatus.IN_PROGRESS, "internal_notes": "Richiamare lunedì", "first_name": "Altro"},
    )
    assert response.status_code == 302
    enquiry.refresh_from_db()
    assert enquiry.status == EnquiryStatus.IN_PROGRESS
    assert enquiry.internal_notes == "Richiamare lunedì"
    assert enquiry.first_name == "Mario"


def test_saving_an_enquiry_links_the_course_page_where_the_seats_show(admin_client, enquiry):
    response = admin_client.post(
        f"{INDEX}edit/{enquiry.pk}/", {"status": EnquiryStatus.IN_PROGRESS, "internal_notes": ""}, follow=True
    )
    page = response.content.decode()
    assert "Vedi sul sito" in page
    assert f'href="{enquiry.course.url}"' in page


def test_detail_view(admin_client, enquiry):
    html = admin_client.get(f"{INDEX}inspect/{enquiry.pk}/").content.decode()
    assert "Comune di Rieti" in html and "Appalti pubblici" in html


DANGEROUS = ['=HYPERLINK("http://x","clic")', "+SUM(1,2)", "-2+3", "@cmd", "\tTAB"]


def csv_rows(response):
    """The CSV as Excel set to Italian reads it: UTF-8 with BOM, `;` between columns."""
    assert response.content.startswith("\ufeff".encode())
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_exports_read_as_an_italian_office_expects(admin_client, course):
    received = timezone.make_aware(datetime(2026, 7, 1, 8, 5), UTC)  # 10:05 in Rome (summer time)
    session = CourseSessionFactory(course=course, edition="Latina", start=datetime(2026, 9, 14, 7, 30, tzinfo=UTC))
    CourseEnquiryFactory(
        course=course,
        session=session,
        first_name="=2+2",
        phone="+39 0773 123456",
        marketing_consent=True,
        created_at=received,
    )
    first = csv_rows(admin_client.get(f"{INDEX}?export=csv"))[0]
    # a phone number reads as typed in Excel: a quoted constant, no visible apostrophe
    assert first["Nome"] == "'=2+2" and first["Telefono"] == '="+39 0773 123456"'
    assert first["Consenso comunicazioni"] == "Sì" and first["Ricevuta il"] == "01/07/2026 10:05"
    assert first["Edizione"] == "Latina (14 settembre 2026)"

    workbook = load_workbook(io.BytesIO(admin_client.get(f"{INDEX}?export=xlsx").content))
    assert workbook.sheetnames == ["Richieste"]
    sheet = workbook["Richieste"]
    cells = dict(zip([cell.value for cell in sheet[1]], sheet[2], strict=True))
    assert cells["Telefono"].value == "+39 0773 123456" and cells["Nome"].value == "=2+2"
    assert cells["Nome"].data_type == "s" and cells["Consenso comunicazioni"].value == "Sì"
    assert cells["Ricevuta il"].value == datetime(2026, 7, 1, 10, 5)
    assert cells["Ricevuta il"].number_format == "DD/MM/YYYY HH:MM"
    assert cells["Edizione"].value == "Latina (14 settembre 2026)"


def test_xlsx_opens_with_a_bold_frozen_filtered_header_and_readable_columns(admin_client, course):
    CourseEnquiryFactory(course=course, message="Una domanda piuttosto lunga sul programma del corso. " * 5)
    sheet = load_workbook(io.BytesIO(admin_client.get(f"{INDEX}?export=xlsx").content))["Richieste"]
    header = [cell.value for cell in sheet[1]]
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(row=1, column=len(header)).column_letter}2"

    def width(heading):
        return sheet.column_dimensions[sheet.cell(row=1, column=header.index(heading) + 1).column_letter].width

    assert width("Ricevuta il") >= len("31/12/2026 23:59")  # a date shows, not #####
    assert width("E-mail") > len("persona0@esempio.it")
    assert width("Messaggio") == 60  # long text is cut at a readable width
    assert all(width(heading) >= 8 for heading in header)


def test_csv_export_is_formula_injection_safe(admin_client, course):
    for i, text in enumerate(DANGEROUS):
        CourseEnquiryFactory(course=course, first_name=text, message=text, created_at=timezone.now() - timedelta(i))
    response = admin_client.get(f"{INDEX}?export=csv")
    assert response.status_code == 200
    rows = csv_rows(response)
    assert len(rows) == len(DANGEROUS)
    assert "Corso" in rows[0] and "Messaggio" in rows[0]
    assert sorted(row["Nome"] for row in rows) == sorted("'" + text for text in DANGEROUS)
    assert all(row["Corso"] == "Appalti pubblici" for row in rows)


def test_xlsx_export_is_formula_injection_safe(admin_client, course):
    for text in DANGEROUS:
        CourseEnquiryFactory(course=course, first_name=text)
    response = admin_client.get(f"{INDEX}?export=xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [cell.value for cell in sheet[1]]
    name_column = header.index("Nome")
    cells = [row[name_column] for row in sheet.iter_rows(min_row=2)]
    assert all(cell.data_type == "s" for cell in cells)
    assert sorted(cell.value for cell in cells) == sorted(DANGEROUS)  # typed text: no visible apostrophe


def test_export_follows_the_filters(admin_client, course, course_catalogue):
    CourseEnquiryFactory(course=course, first_name="Anna", status=EnquiryStatus.CLOSED)
    CourseEnquiryFactory(course=course, first_name="Bruno")
    rows = csv_rows(admin_client.get(f"{INDEX}?status=chiusa&export=csv"))
    assert [row["Nome"] for row in rows] == ["Anna"]


def test_retention_anonymises_old_enquiries_and_their_emails(course):
    old = CourseEnquiryFactory(course=course, created_at=timezone.now() - relativedelta(months=25))
    OutboundEmail.objects.create(about=old, kind="visitor", to=old.email, subject="x", body="dati personali")
    recent = CourseEnquiryFactory(course=course, created_at=timezone.now() - relativedelta(months=23))
    call_command("purge_course_enquiries", stdout=io.StringIO())
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.first_name, old.last_name, old.email, old.message) == ("Anonimo", "", "anonimo@invalid", "")
    assert old.anonymised_at is not None and old.course == course
    assert not OutboundEmail.objects.filter(enquiry=old).exists()
    assert recent.first_name == "Giulia"

    CourseEnquiry.objects.update(status=EnquiryStatus.CLOSED)
    call_command("purge_course_enquiries", mesi=1, elimina=True, stdout=io.StringIO())
    assert not CourseEnquiry.objects.exists()


def test_deleting_old_enquiries_spares_the_ones_not_yet_closed(course):
    two_years_ago = timezone.now() - relativedelta(months=25)
    for status in (EnquiryStatus.NEW, EnquiryStatus.IN_PROGRESS):
        CourseEnquiryFactory(course=course, first_name=status.label, status=status, created_at=two_years_ago)
    CourseEnquiryFactory(course=course, status=EnquiryStatus.CLOSED, created_at=two_years_ago)
    output = io.StringIO()
    call_command("purge_course_enquiries", elimina=True, stdout=output)
    # untouched, still answerable
    assert list(CourseEnquiry.objects.order_by("pk").values_list("first_name", flat=True)) == [
        "Nuova",
        "In lavorazione",
    ]
    assert "eliminate: 1. Richieste non chiuse conservate: 2." in output.getvalue()


def test_enquiries_survive_the_deletion_of_their_course(admin_client, course, enquiry):
    course.delete()
    enquiry.refresh_from_db()
    assert enquiry.course is None
    assert enquiry.course_title == "Appalti pubblici"
    html = admin_client.get(INDEX).content.decode()
    assert "Appalti pubblici (pagina eliminata)" in html
    assert admin_client.get(f"{INDEX}edit/{enquiry.pk}/").status_code == 200


def test_emails_still_to_send_are_not_called_a_waiting_list(admin_client, enquiry):
    OutboundEmail.objects.create(about=enquiry, kind="staff", to="formazione@asap.example", subject="x", body="y")
    html = admin_client.get(INDEX).content.decode()
    assert "1 da inviare" in html
    assert "in attesa" not in html.lower().replace("lista d&#x27;attesa", "")
