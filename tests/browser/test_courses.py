"""A visitor finds a course in the catalogue and asks for information; axe-core on every page type."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from core.site_settings import OrganisationSettings
from courses.enquiries import CourseEnquiry
from courses.models import Area
from projects.models import ProgrammeLogo
from tests.factories import ContentPageFactory, ImageFactory
from tests.factories.courses import CourseIndexPageFactory, CoursePageFactory, CourseSessionFactory, VenueFactory
from tests.factories.outbox import ContactFormPageFactory, add_contact_fields
from tests.factories.projects import FundFactory, FundingProgrammeFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(home_page):
    privacy = ContentPageFactory(parent=home_page, title="Informativa privacy", slug="privacy")
    organisation = OrganisationSettings.for_site(home_page.get_site())
    organisation.privacy_page = privacy
    organisation.save()
    course_catalogue = CourseIndexPageFactory(parent=home_page)
    latina = VenueFactory(name="Sala Latina", city="Latina")
    wanted = CoursePageFactory(
        parent=course_catalogue, title="Appalti pubblici nei progetti", slug="appalti", area=Area.PROCUREMENT
    )
    CourseSessionFactory(course=wanted, edition="Primavera", venue=latina)
    CourseSessionFactory(course=wanted, edition="Autunno", start=timezone.now() + timedelta(days=90))
    for i in range(3):
        other = CoursePageFactory(parent=course_catalogue, title=f"Rendicontazione {i}")
        CourseSessionFactory(course=other, start=timezone.now() + timedelta(days=5 + i), seats=2, seats_taken=i)
    add_contact_fields(ContactFormPageFactory(parent=home_page))
    return course_catalogue


def test_visitor_finds_a_course_and_sends_an_enquiry(tab, site, assert_accessible):
    tab.goto("/corsi/")
    assert_accessible(tab)
    tab.get_by_label("Area tematica").select_option(label="Appalti e contratti pubblici")
    tab.get_by_label("Città").select_option("Latina")
    tab.get_by_role("button", name="Applica i filtri").click()
    tab.wait_for_url("**/corsi/?*area=appalti*")
    assert tab.get_by_role("heading", level=2, name=re.compile("^1 corso")).is_visible()
    tab.locator(".card-list").get_by_role("link", name="Appalti pubblici nei progetti").click()
    tab.wait_for_url("**/corsi/appalti/")
    assert tab.get_by_role("heading", level=1).inner_text() == "Appalti pubblici nei progetti"
    assert tab.locator("input[name=csrfmiddlewaretoken]").count() == 0
    assert_accessible(tab)

    tab.get_by_role("link", name="Richiedi informazioni sul corso Appalti pubblici nei progetti").click()
    tab.wait_for_url("**/corsi/appalti/richiedi-informazioni/")
    assert_accessible(tab)

    # Sent with mistakes first: errors in Italian next to the fields.
    tab.get_by_label("Nome (obbligatorio)", exact=True).fill("Giulia")
    tab.get_by_label("E-mail (obbligatorio)").fill("giulia-senza-chiocciola")
    tab.get_by_role("button", name="Invia la richiesta").click()
    tab.wait_for_selector(".form-errors")
    assert "Scrivi un indirizzo e-mail valido" in tab.locator("#id_email-errore").inner_text()
    assert tab.get_by_label("E-mail (obbligatorio)").get_attribute("aria-describedby") == "id_email-errore"
    assert_accessible(tab)

    tab.get_by_label("Pre-iscrizione").check()
    tab.get_by_label("Edizione", exact=True).select_option(label=tab.locator("#id_session option").nth(1).inner_text())
    tab.get_by_label("Cognome (obbligatorio)").fill("Rossi")
    tab.get_by_label("E-mail (obbligatorio)").fill("giulia.rossi@esempio.it")
    tab.get_by_label("Numero di partecipanti (obbligatorio)").fill("3")
    tab.get_by_label("Messaggio", exact=True).fill("Siamo tre colleghe del Comune.")
    tab.get_by_label("Ho letto l'informativa privacy").check()
    tab.get_by_role("button", name="Invia la richiesta").click()
    tab.wait_for_url(re.compile(r"/corsi/appalti/richiedi-informazioni/grazie/(\?edizione=\d+)?$"))
    assert "abbiamo ricevuto la tua richiesta" in tab.get_by_role("heading", level=1).inner_text()
    assert_accessible(tab)

    enquiry = CourseEnquiry.objects.get(email="giulia.rossi@esempio.it")
    assert (enquiry.last_name, enquiry.participants, enquiry.session.edition) == ("Rossi", 3, "Primavera")


def test_contact_form_and_archive_are_accessible(tab, site, assert_accessible):
    tab.goto("/scrivici/")
    assert_accessible(tab)
    tab.get_by_role("button", name="Invia").click()
    tab.wait_for_selector(".form-errors")
    assert_accessible(tab)
    tab.goto("/corsi/?archivio=on")
    assert_accessible(tab)


def test_full_course_takes_a_place_on_the_waiting_list(tab, site, assert_accessible):
    full = CoursePageFactory(parent=site, title="Progettazione europea", slug="progettazione")
    CourseSessionFactory(course=full, edition="Unica", seats=10, seats_taken=10)
    tab.goto("/corsi/progettazione/")
    tab.get_by_role("link", name="Iscriviti alla lista d'attesa del corso Progettazione europea").click()
    tab.wait_for_url("**/corsi/progettazione/richiedi-informazioni/")
    assert tab.get_by_role("heading", level=1).inner_text() == "Iscriviti alla lista d'attesa"
    assert tab.get_by_label("Pre-iscrizione").count() == 0
    assert_accessible(tab)

    tab.get_by_label("Nome (obbligatorio)", exact=True).fill("Marco")
    tab.get_by_label("Cognome (obbligatorio)").fill("Neri")
    tab.get_by_label("E-mail (obbligatorio)").fill("marco.neri@esempio.it")
    tab.get_by_label("Ho letto l'informativa privacy").check()
    tab.get_by_role("button", name="Iscriviti alla lista d'attesa").click()
    tab.wait_for_url("**/corsi/progettazione/richiedi-informazioni/grazie/?lista=attesa")
    assert tab.get_by_role("heading", level=1).inner_text() == "Grazie, sei in lista d'attesa"
    assert_accessible(tab)

    enquiry = CourseEnquiry.objects.get(last_name="Neri")
    assert (enquiry.last_name, enquiry.waiting_list, enquiry.session.edition) == ("Neri", True, "Unica")


def test_a_visitor_chooses_the_full_edition_and_joins_its_waiting_list(tab, site, assert_accessible):
    course = CoursePageFactory(parent=site, title="Progettazione europea", slug="progettazione")
    start = timezone.now() + timedelta(days=30)
    rome = CourseSessionFactory(
        course=course, edition="Roma", start=start, venue=VenueFactory(city="Roma"), seats=10, seats_taken=10
    )
    CourseSessionFactory(course=course, edition="Latina", start=start + timedelta(days=7), seats=10)
    tab.goto("/corsi/progettazione/richiedi-informazioni/")
    edition = tab.get_by_label("Edizione", exact=True)
    assert "posti esauriti — lista d'attesa" in edition.locator(f'option[value="{rome.pk}"]').inner_text()
    edition.select_option(str(rome.pk))
    tab.get_by_label("Pre-iscrizione").check()
    tab.get_by_label("Nome (obbligatorio)", exact=True).fill("Marco")
    tab.get_by_label("Cognome (obbligatorio)").fill("Neri")
    tab.get_by_label("E-mail (obbligatorio)").fill("marco.neri@esempio.it")
    tab.get_by_label("Ho letto l'informativa privacy").check()
    tab.get_by_role("button", name="Invia la richiesta").click()
    tab.wait_for_url(f"**/corsi/progettazione/richiedi-informazioni/grazie/?edizione={rome.pk}&lista=attesa")
    assert tab.get_by_role("heading", level=1).inner_text() == "Grazie, sei in lista d'attesa"
    assert "edizione Roma" in tab.get_by_role("status").inner_text()
    assert_accessible(tab)
    enquiry = CourseEnquiry.objects.get(last_name="Neri")
    assert (enquiry.session, enquiry.waiting_list) == (rome, True)


def test_a_funded_course_shows_the_emblem_first_and_stays_accessible(tab, course_catalogue, assert_accessible):
    programme = FundingProgrammeFactory(fund=FundFactory(eu_statement="cofinanziato"), name="PR Lazio FSE+")
    ProgrammeLogo.objects.create(
        programme=programme, image=ImageFactory(file__width=900, file__height=300), alt_text="Regione Lazio"
    )
    course = CoursePageFactory(parent=course_catalogue, title="Rendicontazione FSE+", funding_programme=programme)
    CourseSessionFactory(course=course)
    tab.goto(course.url)
    emblem = tab.get_by_role("img", name="Emblema dell'Unione europea")
    strip_logo = tab.get_by_role("img", name="Regione Lazio")
    assert emblem.bounding_box()["height"] >= strip_logo.bounding_box()["height"] > 0
    assert tab.get_by_text("Cofinanziato dall'Unione europea").is_visible()
    assert_accessible(tab)
