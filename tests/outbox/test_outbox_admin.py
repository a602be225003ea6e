"""E-mail in uscita: staff see the e-mails of uncertain outcome and record what they verified; one
that did not arrive goes out again with its own Message-ID, one that did is never sent again."""

import pytest
from django.core import mail

from outbox.delivery import queue
from outbox.models import OutboundEmail

Status = OutboundEmail.Status
URL = "/admin/email_in_uscita/"


@pytest.fixture
def uncertain(home_page):  # the admin's pages need a Site, which a transactional test may have flushed
    email = queue(kind=OutboundEmail.Kind.STAFF, to=["info@asap.example"], subject="Nuova richiesta", body="Testo")
    OutboundEmail.objects.filter(pk=email.pk).update(
        status=Status.UNCERTAIN, attempts=1, last_error="Nessuna risposta dal server: TimeoutError: timed out"
    )
    email.refresh_from_db()
    return email


def edit(client, email, status, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(f"{URL}edit/{email.pk}/", {"status": status})


@pytest.mark.django_db
def test_staff_find_the_uncertain_emails(admin_client, uncertain):
    html = admin_client.get(URL, {"status": Status.UNCERTAIN}).content.decode()
    assert "E-mail in uscita" in html and "Nuova richiesta" in html and "Esito incerto" in html
    inspect = admin_client.get(f"{URL}inspect/{uncertain.pk}/").content.decode()
    assert uncertain.message_id.strip("<>") in inspect


@pytest.mark.django_db
def test_one_that_did_not_arrive_goes_out_again_with_the_same_message_id(
    admin_client, uncertain, django_capture_on_commit_callbacks
):
    response = edit(admin_client, uncertain, Status.PENDING, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    uncertain.refresh_from_db()
    assert uncertain.status == Status.SENT
    [message] = mail.outbox
    assert message.message()["Message-ID"] == uncertain.message_id


@pytest.mark.django_db
def test_one_that_arrived_is_recorded_as_sent_and_never_sent(
    admin_client, uncertain, django_capture_on_commit_callbacks
):
    assert edit(admin_client, uncertain, Status.SENT, django_capture_on_commit_callbacks).status_code == 302
    uncertain.refresh_from_db()
    assert uncertain.status == Status.SENT
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_sent_email_cannot_be_put_back_in_the_queue(admin_client, uncertain, django_capture_on_commit_callbacks):
    OutboundEmail.objects.filter(pk=uncertain.pk).update(status=Status.SENT)
    response = edit(admin_client, uncertain, Status.PENDING, django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert "Si può cambiare solo lo stato di un&#x27;e-mail con esito incerto." in response.content.decode()
    uncertain.refresh_from_db()
    assert uncertain.status == Status.SENT and mail.outbox == []
