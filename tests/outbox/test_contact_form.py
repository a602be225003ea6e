"""The general contact form: stored first, mailed later, honeypot, never a 500 when mail is down."""

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from openpyxl import load_workbook
from wagtail.contrib.forms.models import FormSubmission

from contact.models import ContactFormPage
from outbox.models import OutboundEmail
from tests.factories.outbox import ContactFormPageFactory, add_contact_fields

from .smtp_server import SMTPServer, closed_port, use_smtp

MESSAGE = {"nome": "Laura Verdi", "e_mail": "laura@esempio.it", "messaggio": "Vorrei un preventivo."}


@pytest.fixture
def contact_page(home_page):
    return add_contact_fields(ContactFormPageFactory(parent=home_page))


@pytest.mark.django_db
def test_form_renders_with_honeypot_hidden_off_screen(client, contact_page):
    html = client.get("/scrivici/").content.decode()
    assert 'name="nome"' in html and 'name="e_mail"' in html
    assert '<div class="honeypot">' in html and 'name="sito_web"' in html


@pytest.mark.django_db
def test_submission_is_stored_and_mailed_after_commit(client, contact_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/scrivici/", MESSAGE)
    assert response.status_code == 200
    assert "abbiamo ricevuto il tuo messaggio" in response.content.decode()
    submission = FormSubmission.objects.get()
    assert submission.form_data["messaggio"] == "Vorrei un preventivo."
    assert "sito_web" not in submission.form_data
    [message] = mail.outbox
    assert message.to == ["info@asap.example"]
    assert message.reply_to == ["laura@esempio.it"]
    assert "Vorrei un preventivo." in message.body
    assert f"/admin/forms/submissions/{contact_page.pk}/" in message.body


@pytest.mark.django_db
def test_honeypot(client, contact_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/scrivici/", {**MESSAGE, "sito_web": "spam"})
    assert response.status_code == 200
    assert not FormSubmission.objects.exists()
    assert mail.outbox == []


@pytest.mark.django_db
def test_italian_errors(client, contact_page):
    response = client.post("/scrivici/", {"nome": "", "e_mail": "x", "messaggio": ""})
    html = response.content.decode()
    assert "Il messaggio non è stato inviato" in html
    assert "Questo campo è obbligatorio." in html
    assert not FormSubmission.objects.exists()


@pytest.mark.django_db
def test_rate_limit(client, contact_page, settings):
    settings.FORM_RATE_LIMIT = 1
    assert client.post("/scrivici/", MESSAGE).status_code == 200
    assert client.post("/scrivici/", MESSAGE).status_code == 429


@pytest.mark.django_db(transaction=True)
def test_mail_server_down_then_up(client, contact_page, settings, atomic_requests):
    use_smtp(settings, closed_port())
    response = client.post("/scrivici/", MESSAGE)
    assert response.status_code == 200
    assert FormSubmission.objects.count() == 1
    assert OutboundEmail.objects.get().status == OutboundEmail.Status.PENDING
    with SMTPServer() as server:
        use_smtp(settings, server.port)
        call_command("send_pending_mail")
        call_command("send_pending_mail")
    assert len(server.messages) == 1
    assert server.messages[0]["to"] == ["info@asap.example"]


@pytest.mark.django_db
def test_old_messages_are_deleted_with_their_emails(client, contact_page):
    client.post("/scrivici/", MESSAGE)
    submission = FormSubmission.objects.get()
    assert OutboundEmail.objects.get().about == submission
    assert ContactFormPage.delete_messages_before(submission.submit_time) == 0
    assert ContactFormPage.delete_messages_before(submission.submit_time + timedelta(seconds=1)) == 1
    assert not FormSubmission.objects.exists()
    assert not OutboundEmail.objects.exists()


@pytest.mark.django_db
def test_messages_export_for_an_italian_office(admin_client, contact_page):
    submission = FormSubmission.objects.create(
        page=contact_page, form_data={**MESSAGE, "nome": "=2+2", "messaggio": "+39 0773 123456"}
    )
    FormSubmission.objects.filter(pk=submission.pk).update(submit_time=datetime(2026, 1, 15, 9, 30, tzinfo=UTC))
    url = f"/admin/forms/submissions/{contact_page.pk}/"
    assert admin_client.get(url).status_code == 200

    content = admin_client.get(url, {"export": "csv"}).content
    assert content.startswith("\ufeff".encode())
    header, row = csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";")
    assert row[0] == "15/01/2026 10:30" and "'=2+2" in row and '="+39 0773 123456"' in row  # Rome, winter time

    workbook = load_workbook(io.BytesIO(admin_client.get(url, {"export": "xlsx"}).content))
    assert workbook.sheetnames == ["Messaggi"]
    values = [cell.value for cell in workbook["Messaggi"][2]]
    assert values[0] == datetime(2026, 1, 15, 10, 30) and "=2+2" in values and "+39 0773 123456" in values
