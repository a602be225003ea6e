"""The "Scrivici" messages are deleted, with their e-mails, once the retention period is over, by the
contact app's own daily job."""

import io

import pytest
from dateutil.relativedelta import relativedelta
from django.core.management import call_command
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission

from outbox.models import OutboundEmail
from serving.management.commands.run_scheduler import JOBS
from tests.factories.outbox import ContactFormPageFactory


def test_the_purge_runs_daily_in_the_scheduler():
    assert ("purge_contact_messages", 86400) in JOBS


@pytest.mark.django_db
def test_old_messages_and_their_emails_go_recent_ones_stay(home_page, settings):
    settings.COURSES_ENQUIRY_RETENTION_MONTHS = 24
    page = ContactFormPageFactory(parent=home_page)
    old = FormSubmission.objects.create(page=page, form_data={"messaggio": "vecchio"})
    FormSubmission.objects.filter(pk=old.pk).update(submit_time=timezone.now() - relativedelta(months=25))
    OutboundEmail.objects.create(about=old, kind="staff", to="info@asap.example", subject="x", body="dati personali")
    recent = FormSubmission.objects.create(page=page, form_data={"messaggio": "recente"})
    output = io.StringIO()
    call_command("purge_contact_messages", stdout=output)
    assert list(FormSubmission.objects.all()) == [recent]
    assert not OutboundEmail.objects.exists()
    assert output.getvalue() == "Messaggi del modulo contatti più vecchi di 24 mesi eliminati: 1.\n"
