"""The staff's side: "Segreteria corsi" reads registrations, filters them by event and status,
exports them, prints the attendance sheet; Redattori write events and submit them, Moderatori
publish; the retention command."""

import datetime

import pytest
import time_machine
from django.core.management import call_command
from wagtail.models import Page

from events.models import EventPage, EventRegistration, RegistrationStatus
from tests.accessibility.test_feedback import member_of
from tests.factories.events import NOW, EventPageFactory, EventRegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock():
    """The admin's session does not survive a frozen clock: these tests need no particular moment."""
    return None


@pytest.fixture
def desk_client(client, django_user_model, registration_desk):
    client.force_login(member_of(django_user_model, "Segreteria corsi", "segreteria"))
    return client


def test_the_desk_lists_filters_and_reads_registrations(desk_client, seminar, event_index):
    other = EventPageFactory(parent=event_index, title="Convegno finale", slug="convegno")
    EventRegistrationFactory(event=seminar, first_name="Giulia", last_name="Rossi")
    EventRegistrationFactory(
        event=seminar, first_name="Marco", last_name="Neri", status=RegistrationStatus.WAITING_LIST
    )
    EventRegistrationFactory(event=other, first_name="Sara", last_name="Verdi")
    response = desk_client.get("/admin/event_registrations/")
    assert response.status_code == 200, (response.status_code, response.get("Location"))
    html = response.content.decode()
    assert "Giulia Rossi" in html and "Sara Verdi" in html and "In lista d&#x27;attesa" in html
    html = desk_client.get(f"/admin/event_registrations/?event={seminar.pk}&status=lista_attesa").content.decode()
    assert "Marco Neri" in html and "Giulia Rossi" not in html and "Sara Verdi" not in html
    assert "Aggiungi" not in html.split("Fogli presenze")[0][-400:]


def test_the_desk_exports_to_an_italian_spreadsheet(desk_client, seminar):
    EventRegistrationFactory(event=seminar, first_name="Giulia", last_name="Rossi", organisation="Comune di Latina")
    response = desk_client.get("/admin/event_registrations/?export=csv")
    text = response.content.decode("utf-8-sig")
    header, row = text.splitlines()[:2]
    assert header.split(";")[:2] == ["Ricevuta il", "Evento"]
    assert "Comune di Latina" in row and "Confermata" in row


def test_the_attendance_sheet_lists_the_confirmed_names_with_a_signature_column(desk_client, seminar):
    EventRegistrationFactory(event=seminar, first_name="Giulia", last_name="Rossi")
    EventRegistrationFactory(event=seminar, first_name="Anna", last_name="Bruni")
    EventRegistrationFactory(
        event=seminar, first_name="Marco", last_name="Neri", status=RegistrationStatus.WAITING_LIST
    )
    sheets = desk_client.get("/admin/event_registrations/presenze/").content.decode()
    assert f"/admin/event_registrations/presenze/{seminar.pk}/" in sheets
    html = desk_client.get(f"/admin/event_registrations/presenze/{seminar.pk}/").content.decode()
    assert "Foglio presenze: Seminario nazionale" in html and ">Firma</th>" in html
    table = html.split("<tbody>")[1].split("</tbody>")[0]
    assert table.index("Bruni Anna") < table.index("Rossi Giulia")
    assert "Neri" not in table and "in lista d'attesa: 1" in html


def test_editors_do_not_read_registrations(client, django_user_model, registration_desk, seminar):
    client.force_login(member_of(django_user_model, "Redattori", "redattrice"))
    assert client.get("/admin/event_registrations/").status_code in (302, 403)
    assert client.get(f"/admin/event_registrations/presenze/{seminar.pk}/").status_code in (302, 403)


def test_a_redattrice_writes_an_event_and_submits_it_a_moderatore_publishes(
    client, django_user_model, registration_desk, event_index
):
    redattrice = member_of(django_user_model, "Redattori", "redattrice")
    client.force_login(redattrice)
    add_url = f"/admin/pages/add/events/eventpage/{event_index.pk}/"
    form = {
        "title": "Tavolo tecnico con i Comuni",
        "slug": "tavolo-tecnico",
        "summary": "Un incontro con i Comuni partner.",
        "start": "2030-05-20 10:00",
        "end": "2030-05-20 13:00",
        "online_url": "https://meet.esempio.it/tavolo",
        "programme-count": "0",
        "speakers-TOTAL_FORMS": "0",
        "speakers-INITIAL_FORMS": "0",
        "speakers-MIN_NUM_FORMS": "0",
        "speakers-MAX_NUM_FORMS": "1000",
        "related_projects-TOTAL_FORMS": "0",
        "related_projects-INITIAL_FORMS": "0",
        "related_projects-MIN_NUM_FORMS": "0",
        "related_projects-MAX_NUM_FORMS": "1000",
        "action-submit": "1",
    }
    assert client.get(add_url).status_code == 200
    response = client.post(add_url, form)
    assert response.status_code == 302, response.content.decode()[:3000]
    event = EventPage.objects.get(slug="tavolo-tecnico")
    assert not event.live and event.current_workflow_state is not None
    client.force_login(member_of(django_user_model, "Moderatori", "moderatore"))
    page = Page.objects.get(pk=event.pk)
    assert page.permissions_for_user(django_user_model.objects.get(username="moderatore")).can_publish()
    assert not page.permissions_for_user(redattrice).can_publish()


def test_old_registrations_are_purged_with_their_emails(seminar, settings):
    settings.EVENTS_REGISTRATION_RETENTION_DAYS = 30
    EventRegistrationFactory(event=seminar, created_at=NOW - datetime.timedelta(days=31))
    kept = EventRegistrationFactory(event=seminar, created_at=NOW - datetime.timedelta(days=29))
    with time_machine.travel(NOW, tick=False):
        call_command("purge_event_registrations")
    assert list(EventRegistration.objects.all()) == [kept]
