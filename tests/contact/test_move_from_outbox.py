"""The "Scrivici" page moved from `outbox` to `contact`: a database migrated by the older code (its
page, fields and messages on outbox's tables, content types under `outbox`) keeps all of them."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Page

from contact.models import ContactFormPage
from tests.factories.outbox import ContactFormPageFactory, add_contact_fields

BEFORE_THE_MOVE = [("outbox", "0002_message_id_and_uncertain_status"), ("contact", None)]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    ContentType.objects.clear_cache()


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True)
def test_contact_page_fields_messages_and_permissions_survive_the_move(home_page, client):
    page = add_contact_fields(ContactFormPageFactory(parent=home_page))
    page.save_revision().publish()
    FormSubmission.objects.create(page=page, form_data={"nome": "Laura", "messaggio": "Vorrei un preventivo."})
    editors = Group.objects.create(name="Segreteria")
    editors.permissions.add(Permission.objects.get(codename="change_contactformpage"))
    page_type = ContentType.objects.get_for_model(ContactFormPage).pk
    try:
        migrate(BEFORE_THE_MOVE)
        with connection.cursor() as cursor:  # the database as the older code left it
            cursor.execute("SELECT COUNT(*) FROM outbox_contactformpage")
            assert cursor.fetchone() == (1,)
            cursor.execute("SELECT COUNT(*) FROM outbox_contactformfield")
            assert cursor.fetchone() == (3,)
        assert ContentType.objects.get(pk=page_type).app_label == "outbox"
    finally:
        migrate(latest())

    moved = Page.objects.get(pk=page.pk)
    assert moved.content_type_id == page_type and ContentType.objects.get(pk=page_type).app_label == "contact"
    assert isinstance(moved.specific, ContactFormPage)
    assert [field.label for field in moved.specific.form_fields.all()] == ["Nome", "E-mail", "Messaggio"]
    assert moved.specific.get_latest_revision().content_type_id == page_type
    assert FormSubmission.objects.get().page_id == page.pk
    assert editors.permissions.get().content_type_id == page_type
    assert client.get("/scrivici/").status_code == 200
    assert ContentType.objects.filter(app_label="outbox", model__startswith="contact").count() == 0
    call_command("check")
