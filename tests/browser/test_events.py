"""A visitor opens an upcoming event, takes its calendar file, registers and is confirmed; a full
event offers the waiting list; "Segreteria corsi" reads the registration in the admin and opens the
attendance sheet. axe-core on every page, no sideways scrolling at 320/390/768 px, valid HTML."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from core.site_settings import OrganisationSettings
from events.models import EventRegistration, RegistrationStatus
from tests.browser.people import log_in, member_of
from tests.events.conftest import registration_desk  # noqa: F401  (the fixture)
from tests.factories import ContentPageFactory
from tests.factories.courses import VenueFactory
from tests.factories.events import EventIndexPageFactory, EventPageFactory, EventRegistrationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path("/tmp/events-screens")


def day_at(days, hour):
    """A moment `days` from now at `hour` (Rome): the test needs only "upcoming", never a given date."""
    return timezone.localtime().replace(hour=hour, minute=0, second=0, microsecond=0) + timedelta(days=days)


@pytest.fixture
def site(home_page, request):
    request.getfixturevalue("registration_desk")
    privacy = ContentPageFactory(parent=home_page, title="Informativa privacy", slug="privacy")
    organisation = OrganisationSettings.for_site(home_page.get_site())
    organisation.privacy_page = privacy
    organisation.save()
    index = EventIndexPageFactory(parent=home_page)
    upcoming = EventPageFactory(
        parent=index,
        title="Seminario sui risultati del progetto",
        slug="seminario",
        start=day_at(20, 9),
        end=day_at(20, 13),
        venue=VenueFactory(name="Sala Tevere"),
        online_url="",
        seats=30,
        programme=[("session", "Mattina"), ("item", {"time": None, "title": "Apertura dei lavori", "speaker": ""})],
    )
    upcoming.speakers.create(name="Maria Conti", role="Regione Lazio")
    upcoming.save_revision().publish()
    full = EventPageFactory(parent=index, title="Convegno finale", slug="convegno", start=day_at(30, 9), seats=1)
    EventRegistrationFactory(event=full)
    EventPageFactory(parent=index, title="Incontro di avvio", slug="avvio", start=day_at(-30, 9))
    return {"index": index, "upcoming": upcoming, "full": full}


def register(tab, first_name):
    tab.get_by_label("Nome (obbligatorio)", exact=True).fill(first_name)
    tab.get_by_label("Cognome (obbligatorio)").fill("Rossi")
    tab.get_by_label("E-mail (obbligatorio)").fill(f"{first_name.lower()}.rossi@esempio.it")
    tab.get_by_label("Ente o organizzazione").fill("Comune di Latina")
    tab.get_by_label("Ho letto l'informativa privacy").check()


def test_a_visitor_adds_an_upcoming_event_to_the_calendar_and_registers(tab, site, assert_accessible):
    tab.goto("/eventi/")
    assert_accessible(tab)
    assert tab.locator("#passati ~ .card-list").get_by_text("Incontro di avvio").is_visible()
    tab.get_by_role("link", name="Seminario sui risultati del progetto").click()
    tab.wait_for_url("**/eventi/seminario/")
    assert tab.locator("input[name=csrfmiddlewaretoken]").count() == 0
    assert_accessible(tab)

    ics = tab.context.request.get(tab.get_by_role("link", name="Aggiungi al calendario").get_attribute("href"))
    assert ics.headers["content-type"].startswith("text/calendar")
    assert "SUMMARY:Seminario sui risultati del progetto" in ics.text()

    tab.get_by_role("link", name="Iscriviti all'evento Seminario sui risultati del progetto").click()
    tab.wait_for_url("**/eventi/seminario/iscriviti/")
    assert_accessible(tab)
    tab.get_by_role("button", name="Conferma l'iscrizione").click()  # empty: errors in Italian
    tab.wait_for_selector(".form-errors")
    assert_accessible(tab)
    register(tab, "Giulia")
    tab.get_by_role("button", name="Conferma l'iscrizione").click()
    tab.wait_for_url("**/eventi/seminario/iscriviti/grazie/")
    assert "la tua iscrizione è confermata" in tab.get_by_role("heading", level=1).inner_text()
    assert_accessible(tab)

    registration = EventRegistration.objects.get(email="giulia.rossi@esempio.it")
    assert registration.status == RegistrationStatus.CONFIRMED
    (confirmation,) = [m for m in mail.outbox if m.to == ["giulia.rossi@esempio.it"]]
    assert confirmation.subject == "Iscrizione confermata: Seminario sui risultati del progetto"
    assert confirmation.attachments[0][0] == "seminario.ics"


def test_a_full_event_offers_the_waiting_list(tab, site, assert_accessible):
    tab.goto("/eventi/convegno/")
    assert tab.get_by_text("Posti esauriti", exact=True).first.is_visible()
    tab.get_by_role("link", name="Iscriviti alla lista d'attesa all'evento Convegno finale").click()
    tab.wait_for_url("**/eventi/convegno/iscriviti/")
    assert tab.get_by_role("heading", level=1).inner_text() == "Iscriviti alla lista d'attesa"
    register(tab, "Marco")
    tab.get_by_role("button", name="Iscriviti alla lista d'attesa").click()
    tab.wait_for_url("**/eventi/convegno/iscriviti/grazie/?lista=attesa")
    assert "sei in lista d'attesa" in tab.get_by_role("heading", level=1).inner_text()
    assert_accessible(tab)
    assert EventRegistration.objects.get(email="marco.rossi@esempio.it").status == RegistrationStatus.WAITING_LIST
    (confirmation,) = [m for m in mail.outbox if m.to == ["marco.rossi@esempio.it"]]
    assert confirmation.subject.startswith("Sei in lista d'attesa")


def test_the_desk_reads_the_registration_and_prints_the_attendance_sheet(tab, site, django_user_model):
    EventRegistrationFactory(event=site["upcoming"], first_name="Giulia", last_name="Rossi")
    member_of(django_user_model, "segreteria", "Segreteria corsi")
    log_in(tab, "segreteria")
    tab.get_by_role("link", name="Iscrizioni eventi").first.click()
    tab.wait_for_url("**/admin/event_registrations/")
    tab.get_by_role("link", name="Giulia Rossi").click()
    tab.wait_for_url("**/admin/event_registrations/edit/*/")
    tab.get_by_text("Comune di Latina").first.wait_for(state="visible")  # is_visible() would not wait
    tab.goto("/admin/event_registrations/")
    tab.get_by_role("link", name="Fogli presenze").click()
    tab.get_by_role("link", name="Seminario sui risultati del progetto").click()
    assert tab.get_by_role("heading", level=1).inner_text() == "Foglio presenze: Seminario sui risultati del progetto"
    assert tab.get_by_role("columnheader", name="Firma").is_visible()
    assert tab.get_by_role("cell", name="Rossi Giulia").is_visible()
    SHOTS.mkdir(exist_ok=True)
    tab.screenshot(path=SHOTS / "foglio-presenze-1366.png", full_page=True)


def test_no_overflow_valid_html_and_screenshots(tab, site, assert_valid_html):
    paths = {
        "indice": "/eventi/",
        "evento": "/eventi/seminario/",
        "evento-esaurito": "/eventi/convegno/",
        "iscrizione": "/eventi/seminario/iscriviti/",
        "archivio": "/eventi/archivio/",
    }
    overflowing = []
    for width in (320, 390, 768):
        tab.set_viewport_size({"width": width, "height": 844})
        for name, path in paths.items():
            tab.goto(path)
            if (scroll := tab.evaluate("document.documentElement.scrollWidth")) > width:
                overflowing.append(f"{name} a {width} px: larga {scroll} px")
    assert not overflowing, "\n".join(overflowing)
    SHOTS.mkdir(exist_ok=True)
    for width in (390, 1366):
        tab.set_viewport_size({"width": width, "height": 900})
        for name in ("indice", "evento", "iscrizione"):
            tab.goto(paths[name])
            tab.screenshot(path=SHOTS / f"{name}-{width}.png", full_page=True)
    client = Client()
    assert_valid_html({path: client.get(path).content.decode() for path in paths.values()})
