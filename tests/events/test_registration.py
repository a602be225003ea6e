"""Registration for an event through the visitors' form flow: stored with its e-mails, confirmed
with the calendar file, the waiting list once the seats are taken, the visitor's language."""

import threading

import pytest
from django.core import mail
from django.db import connection, transaction
from icalendar import Calendar

from events.models import EventPage, EventRegistration, RegistrationStatus
from events.models.registrations import take_seat
from outbox.models import OutboundEmail
from tests.factories.events import EventRegistrationFactory

pytestmark = pytest.mark.django_db

URL = "/eventi/seminario-nazionale/iscriviti/"


def valid_post(**overrides):
    return {
        "first_name": "Giulia",
        "last_name": "Rossi",
        "email": "giulia.rossi@esempio.it",
        "organisation": "Comune di Latina",
        "privacy": "on",
        **overrides,
    }


def test_registering_confirms_a_seat_and_mails_the_calendar(client, seminar, django_capture_on_commit_callbacks):
    form = client.get(URL)
    assert form.status_code == 200 and "csrfmiddlewaretoken" in form.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, valid_post())
    assert response["Location"] == "/eventi/seminario-nazionale/iscriviti/grazie/"
    registration = EventRegistration.objects.get()
    assert (registration.event, registration.status, registration.language) == (seminar, "confermata", "it")
    staff, visitor = sorted(mail.outbox, key=lambda m: m.to == ["giulia.rossi@esempio.it"])
    assert f"/admin/event_registrations/edit/{registration.pk}/" in staff.body
    assert visitor.subject == "Iscrizione confermata: Seminario nazionale sull'integrazione"
    assert "15 aprile 2030" in visitor.body
    name, content, mimetype = visitor.attachments[0]
    assert (name, mimetype) == ("seminario-nazionale.ics", "text/calendar")
    assert [str(e["summary"]) for e in Calendar.from_ical(content).walk("VEVENT")] == [seminar.title]
    assert "la tua iscrizione è confermata" in client.get(response["Location"]).content.decode()


def test_when_full_the_registration_goes_to_the_waiting_list_and_says_so(
    client, seminar, django_capture_on_commit_callbacks
):
    EventRegistrationFactory.create_batch(2, event=seminar)
    assert "Iscriviti alla lista d'attesa" in client.get(URL).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, valid_post())
    assert response["Location"].endswith("?lista=attesa")
    assert EventRegistration.objects.get(email="giulia.rossi@esempio.it").status == RegistrationStatus.WAITING_LIST
    (visitor,) = [m for m in mail.outbox if m.to == ["giulia.rossi@esempio.it"]]
    assert visitor.subject.startswith("Sei in lista d'attesa")
    assert "lista d'attesa" in visitor.body
    assert "sei in lista d'attesa" in client.get(response["Location"]).content.decode()


def test_errors_are_italian_and_nothing_is_stored(client, seminar):
    response = client.post(URL, valid_post(email="non-un-indirizzo", privacy=""))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Scrivi un indirizzo e-mail valido" in html
    assert "devi dichiarare di aver letto l&#x27;informativa privacy" in html
    assert not EventRegistration.objects.exists()


def test_honeypot_looks_accepted_and_stores_nothing(client, seminar):
    response = client.post(URL, valid_post(sito_web="http://spam.example"))
    assert response.status_code == 302 and not EventRegistration.objects.exists()


def test_a_past_event_takes_no_registration(client, seminar, clock):
    clock.move_to(seminar.start)
    response = client.post(URL, valid_post())
    assert "Le iscrizioni sono chiuse" in response.content.decode()
    assert not EventRegistration.objects.exists()


def test_the_staff_email_and_the_outbox_rows_are_stored_in_the_same_transaction(client, seminar):
    client.post(URL, valid_post())
    registration = EventRegistration.objects.get()
    assert OutboundEmail.objects.filter(event_registration=registration).count() == 2


@pytest.mark.django_db(transaction=True)
def test_concurrent_registrations_never_overbook(home_page, clock):
    """Two registrations for the last seat at once: the second waits for the first's lock and goes to
    the waiting list. Needs PostgreSQL (SQLite has no row locks, and writes one at a time anyway)."""
    if connection.vendor != "postgresql":
        pytest.skip("row locks are PostgreSQL's")
    from tests.factories.events import EventIndexPageFactory, EventPageFactory

    index = EventIndexPageFactory(parent=home_page)
    event = EventPageFactory(parent=index, seats=1)
    blocked, results = threading.Event(), {}

    def register(name, hold=False):
        try:
            with transaction.atomic():
                registration = EventRegistration(
                    event_id=event.pk,
                    first_name=name,
                    last_name="Verdi",
                    email=f"{name}@esempio.it",
                    privacy_acknowledged_at=event.start,
                )
                results[name] = take_seat(registration, EventPage).status
                if hold:  # keep the lock until the other registration is seen waiting for it
                    blocked.wait(30)
        finally:
            connection.close()

    first = threading.Thread(target=register, args=("prima", True))
    first.start()
    while "prima" not in results:
        threading.Event().wait(0.01)
    second = threading.Thread(target=register, args=("seconda",))
    second.start()
    with connection.cursor() as cursor:
        for _ in range(3000):
            cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
            if cursor.fetchone()[0]:
                break
            threading.Event().wait(0.01)
        else:
            blocked.set()
            first.join()
            second.join()
            pytest.fail("the second registration did not wait for the first one's lock")
    blocked.set()
    first.join()
    second.join()
    assert results == {"prima": RegistrationStatus.CONFIRMED, "seconda": RegistrationStatus.WAITING_LIST}
