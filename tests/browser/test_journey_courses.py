"""Journeys 3 and 4 of the editors (issue 26) and the visitor's enquiry for one edition, in a real browser.

3. A Redattrice writes a course with two editions (Roma and Latina), typing dates, times and seats key
   by key, and submits it for moderation: every value is kept as typed.
4. The "Segreteria corsi" filters the enquiries by edition, marks one person enrolled (the seats left
   on the public course page follow, nobody edits the page) and exports the list as XLSX and CSV.
And a visitor asks for the full Rome edition while Latina is open: the enquiry, the e-mails and the
calendar file are Rome's, on its waiting list."""

import csv
import datetime
import io
import re
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from openpyxl import load_workbook
from playwright.sync_api import expect

from courses.enquiries import CourseEnquiry, EnquiryStatus
from courses.models import CoursePage
from tests.browser.people import (
    click_like_a_person,
    log_in,
    member_of,
    reads_italian,
    type_like_a_person,
)
from tests.factories import ContentPageFactory
from tests.factories.courses import CourseEnquiryFactory, CoursePageFactory, CourseSessionFactory, VenueFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROME = ZoneInfo("Europe/Rome")
# Far enough ahead that the editions are open whatever the day the tests run.
START = datetime.datetime(2098, 3, 10, 9, 30, tzinfo=ROME)


@pytest.fixture
def venues():
    return {
        "roma": VenueFactory(name="Sala Esquilino", city="Roma"),
        "latina": VenueFactory(name="Sala Latina", city="Latina"),
    }


def test_journey_3_a_course_with_two_editions(tab, django_user_model, editorial_groups, course_catalogue, venues):
    member_of(django_user_model, "redattrice", "Redattori")
    log_in(tab, "redattrice")
    tab.goto(f"/admin/pages/{course_catalogue.pk}/add_subpage/")
    tab.wait_for_url(re.compile(r"/admin/pages/add/courses/coursepage/\d+/"))
    type_like_a_person(tab, tab.locator("#id_title"), "Progettazione europea")
    type_like_a_person(tab, tab.get_by_role("textbox", name="Codice"), "ASAP-UE-01")
    type_like_a_person(tab, tab.get_by_role("textbox", name="Sommario"), "Scrivere un progetto europeo.")
    tab.get_by_label("Area tematica").select_option(index=1)
    tab.get_by_label("Modalità di erogazione").select_option(index=1)
    type_like_a_person(tab, tab.get_by_role("textbox", name="Durata complessiva (ore)"), "16")
    type_like_a_person(tab, tab.get_by_role("textbox", name="Destinatari"), "Funzionari degli enti locali.")
    type_like_a_person(tab, tab.get_by_role("textbox", name="Quota di iscrizione (euro)"), "1.250,50")

    editions = [
        ("Roma, primavera 2098", "10/03/2098 09:30", "11/03/2098 17:30", "Sala Esquilino", "12", "01/03/2098"),
        ("Latina, primavera 2098", "17/03/2098 09:30", "18/03/2098 17:30", "Sala Latina", "20", "08/03/2098"),
    ]
    for index, (edition, start, end, venue, seats, deadline) in enumerate(editions):
        tab.get_by_role("button", name="Aggiungi Edizione").click()
        prefix = f"#id_sessions-{index}-"
        type_like_a_person(tab, tab.locator(prefix + "edition"), edition)
        type_like_a_person(tab, tab.locator(prefix + "start"), start)
        type_like_a_person(tab, tab.locator(prefix + "end"), end)
        click_like_a_person(tab, tab.locator(prefix + "schedule"))
        panel = tab.locator(f"#inline_child_sessions-{index}")
        panel.get_by_role("button", name="Scegli una sede").click()
        modal = tab.get_by_role("dialog")
        expect(modal).to_be_focused()
        modal.get_by_role("link", name=re.compile(venue)).click()
        modal.wait_for(state="hidden")
        type_like_a_person(tab, tab.locator(prefix + "seats"), seats)
        type_like_a_person(tab, tab.locator(prefix + "enrolment_deadline"), deadline)
        click_like_a_person(tab, tab.locator(prefix + "schedule"))
        for field, text in (("start", start), ("end", end), ("enrolment_deadline", deadline)):
            expect(tab.locator(prefix + field)).to_have_value(text)
    reads_italian(tab, "3-edizioni")

    tab.get_by_role("button", name="Altre azioni").click()
    tab.get_by_role("button", name="Invia in approvazione").click()
    expect(tab.locator(".messages")).to_contain_text(re.compile("«Progettazione europea» è stata (creata e )?inviata"))
    reads_italian(tab, "3-inviato")

    draft = CoursePage.objects.get(title="Progettazione europea").get_latest_revision_as_object()
    assert (draft.code, draft.total_hours, draft.fee) == ("ASAP-UE-01", Decimal("16"), Decimal("1250.50"))
    sessions = sorted(draft.sessions.all(), key=lambda session: session.start)
    assert [
        (s.edition, s.start.astimezone(ROME), s.end.astimezone(ROME), s.venue.name, s.seats, s.enrolment_deadline)
        for s in sessions
    ] == [
        (
            "Roma, primavera 2098",
            datetime.datetime(2098, 3, 10, 9, 30, tzinfo=ROME),
            datetime.datetime(2098, 3, 11, 17, 30, tzinfo=ROME),
            "Sala Esquilino",
            12,
            datetime.date(2098, 3, 1),
        ),
        (
            "Latina, primavera 2098",
            datetime.datetime(2098, 3, 17, 9, 30, tzinfo=ROME),
            datetime.datetime(2098, 3, 18, 17, 30, tzinfo=ROME),
            "Sala Latina",
            20,
            datetime.date(2098, 3, 8),
        ),
    ]


@pytest.fixture
def course(editorial_groups, course_catalogue, venues):
    privacy = ContentPageFactory(parent=editorial_groups, title="Informativa privacy", slug="privacy")
    from core.site_settings import OrganisationSettings

    organisation = OrganisationSettings.for_site(editorial_groups.get_site())
    organisation.privacy_page = privacy
    organisation.save()
    course = CoursePageFactory(parent=course_catalogue, title="Progettazione europea", slug="progettazione")
    roma = CourseSessionFactory(
        course=course,
        edition="Roma",
        start=START,
        end=START + datetime.timedelta(hours=8),
        venue=venues["roma"],
        seats=10,
    )
    latina = CourseSessionFactory(
        course=course,
        edition="Latina",
        start=START + datetime.timedelta(days=7),
        end=START + datetime.timedelta(days=7, hours=8),
        venue=venues["latina"],
        seats=12,
    )
    return {"page": course, "roma": roma, "latina": latina}


def test_journey_4_enquiries_by_edition_enrolment_and_exports(tab, django_user_model, course):
    roma, latina = course["roma"], course["latina"]
    CourseEnquiryFactory(
        course=course["page"],
        session=roma,
        first_name="Giulia",
        last_name="Rossi",
        participants=3,
        phone="+39 333 1234567",
    )
    CourseEnquiryFactory(course=course["page"], session=roma, first_name="Marco", last_name="Neri", participants=1)
    CourseEnquiryFactory(course=course["page"], session=latina, first_name="Anna", last_name="Bianchi", participants=2)
    member_of(django_user_model, "segreteria", "Segreteria corsi")
    log_in(tab, "segreteria")
    tab.goto("/admin/course_enquiries/")
    reads_italian(tab, "4-richieste")

    tab.get_by_role("button", name="Mostra filtri").click()
    tab.get_by_role("button", name="Edizione", exact=True).click()
    tab.get_by_label("Edizione", exact=True).select_option(str(roma.pk))
    expect(tab.get_by_role("link", name="Giulia Rossi")).to_be_visible()
    expect(tab.get_by_role("link", name="Anna Bianchi")).to_have_count(0)
    reads_italian(tab, "4-filtrate")
    listing = tab.url

    tab.get_by_role("link", name="Giulia Rossi").click()
    tab.locator("#id_status").select_option(label="Iscritto/a")
    tab.get_by_role("button", name="Salva").click()
    expect(tab.locator(".messages")).to_contain_text("Giulia Rossi")
    reads_italian(tab, "4-iscritta")
    assert CourseEnquiry.objects.get(last_name="Rossi").status == EnquiryStatus.ENROLLED

    tab.goto(course["page"].url)
    editions = tab.get_by_role("row", name=re.compile("Roma"))
    expect(editions.first).to_contain_text("7 posti liberi su 10")
    expect(tab.get_by_role("row", name=re.compile("Latina")).first).to_contain_text("12 posti liberi su 12")

    for kind in ("xlsx", "csv"):
        tab.goto(listing)
        link = tab.get_by_role("link", name=f"Scarica {kind.upper()}")
        tab.get_by_role("button", name="Azioni").click()
        with tab.expect_download() as download:
            link.click()
        content = download.value.path().read_bytes()
        if kind == "xlsx":
            sheet = load_workbook(io.BytesIO(content)).active
            rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
            assert sheet["A1"].font.bold and sheet.freeze_panes == "A2" and sheet.auto_filter.ref
        else:
            text = content.decode("utf-8-sig")
            rows = list(csv.reader(io.StringIO(text), delimiter=";" if ";" in text.splitlines()[0] else ","))
        header, records = rows[0], rows[1:]
        people = {(r[header.index("Cognome")], r[header.index("Edizione")]) for r in records}
        assert {name for name, _ in people} == {"Rossi", "Neri"}, (kind, people)
        assert all("Roma" in edition for _, edition in people), (kind, people)
        rossi = next(r for r in records if r[header.index("Cognome")] == "Rossi")
        # Excel shows ="…" as the text inside (no apostrophe, not a number, not a formula that runs).
        assert rossi[header.index("Telefono")] in ("+39 333 1234567", '="+39 333 1234567"'), kind
        assert rossi[header.index("Stato")] == "Iscritto/a", kind
        texts = {str(value) for record in records for value in record if value is not None}  # None: an empty cell
        assert not {"None", "True", "False"} & texts, kind


def test_a_visitor_asks_for_the_full_rome_edition_and_gets_romes_waiting_list(tab, course):
    roma, latina = course["roma"], course["latina"]
    CourseEnquiryFactory(course=course["page"], session=roma, participants=10, status=EnquiryStatus.ENROLLED)
    tab.goto(course["page"].url)
    tab.get_by_role("link", name=re.compile("Richiedi informazioni")).first.click()
    edition = tab.get_by_label("Edizione", exact=True)
    expect(edition.locator(f'option[value="{roma.pk}"]')).to_contain_text("posti esauriti — lista d'attesa")
    expect(edition.locator(f'option[value="{latina.pk}"]')).not_to_contain_text("esauriti")
    edition.select_option(str(roma.pk))
    for label, text in (
        ("Nome (obbligatorio)", "Marco"),
        ("Cognome (obbligatorio)", "Neri"),
        ("E-mail (obbligatorio)", "marco.neri@esempio.it"),
    ):
        type_like_a_person(tab, tab.get_by_label(label, exact=True), text)
    tab.get_by_label("Ho letto l'informativa privacy").check()
    tab.get_by_role("button", name=re.compile("Invia la richiesta|Iscriviti alla lista d'attesa")).click()
    tab.wait_for_url(re.compile(rf"/grazie/\?edizione={roma.pk}&lista=attesa$"))
    expect(tab.get_by_role("heading", level=1)).to_have_text("Grazie, sei in lista d'attesa")
    expect(tab.locator("main")).to_contain_text("edizione Roma")

    enquiry = CourseEnquiry.objects.get(last_name="Neri")
    assert (enquiry.session, enquiry.waiting_list) == (roma, True)
    [visitor] = [message for message in mail.outbox if message.to == ["marco.neri@esempio.it"]]
    assert "edizione «Roma»" in visitor.body and "Latina" not in visitor.body
    [(name, ics, _)] = visitor.attachments
    assert f"corso-{course['page'].pk}-edizione-{roma.pk}@" in ics
    assert f"edizione-{latina.pk}@" not in ics and "Sala Esquilino" in ics
    staff = [message for message in mail.outbox if message.to != ["marco.neri@esempio.it"]]
    assert staff and all("Roma" in message.subject for message in staff)
