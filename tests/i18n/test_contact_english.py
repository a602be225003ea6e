"""A message sent from the English "Scrivici" page reaches the staff in Italian: the Italian page's
subject and field labels, whatever labels the visitor read."""

import pytest
from django.core import mail

from tests.factories.outbox import ContactFormPageFactory, add_contact_fields

from .conftest import translate

pytestmark = pytest.mark.django_db


def test_the_staff_read_a_message_from_the_english_page_under_the_italian_labels(
    client, bilingual, english, django_capture_on_commit_callbacks
):
    italian = add_contact_fields(
        ContactFormPageFactory(parent=bilingual[0].get_parent(), to_address="info@asap.example")
    )
    page = translate(italian, english, title="Write to us", slug="write-to-us")
    for field, label in zip(
        page.form_fields.order_by("sort_order"), ("Name", "E-mail address", "Message"), strict=True
    ):
        field.label = label
        field.save()
    assert "Message" in client.get(page.url).content.decode()

    data = {"nome": "Jane Doe", "e_mail": "jane@example.org", "messaggio": "A question about your projects."}
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(page.url, data).status_code == 200
    staff = next(message for message in mail.outbox if "info@asap.example" in message.to)
    assert f"«{italian.title}»" in staff.subject + staff.body
    assert "Nome: Jane Doe" in staff.body and "Messaggio: A question about your projects." in staff.body
    assert "Name:" not in staff.body and "Message:" not in staff.body
