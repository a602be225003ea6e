"""Every retention rule runs by itself (the scheduler's daily jobs), never deletes what is still open,
and cannot be set shorter than the consent it proves (docs/retention.md)."""

import datetime
import io

import pytest
import time_machine
from django.core.checks import Error
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from accessibility.models import AccessibilityFeedback, FeedbackStatus
from consent.checks import consent_records_outlive_the_cookie
from outbox.models import OutboundEmail
from serving.management.commands.run_scheduler import JOBS

TODAY = datetime.datetime(2028, 3, 1, 9, tzinfo=datetime.UTC)
RETENTION_COMMANDS = [
    "purge_search_log",
    "purge_course_enquiries",
    "prune_consent_records",
    "purge_accessibility_feedback",
    "purge_event_registrations",
]


@pytest.mark.parametrize("command", RETENTION_COMMANDS)
def test_every_retention_command_runs_daily_in_the_scheduler(command):
    assert (command, 86400) in JOBS


def report(days_since_reply=None, **fields):
    replied_on = TODAY.date() - datetime.timedelta(days=days_since_reply) if days_since_reply is not None else None
    return AccessibilityFeedback.objects.create(
        name="Anna",
        email="anna@esempio.it",
        page_url="http://localhost/bandi/",
        description="Il pulsante non si raggiunge con la tastiera.",
        created_at=TODAY - datetime.timedelta(days=2000),
        replied_on=replied_on,
        **fields,
    )


@pytest.mark.django_db
@time_machine.travel(TODAY, tick=False)
def test_accessibility_reports_are_deleted_with_their_emails_once_the_period_after_the_reply_is_over(settings):
    settings.ACCESSIBILITY_FEEDBACK_RETENTION_DAYS = 730
    expired = report(days_since_reply=731)
    OutboundEmail.objects.create(about=expired, kind="visitor", to=expired.email, subject="x", body="dati personali")
    report(days_since_reply=1500)
    kept = report(days_since_reply=729)
    unanswered = report()
    in_progress = report(status=FeedbackStatus.IN_PROGRESS)
    output = io.StringIO()
    call_command("purge_accessibility_feedback", stdout=output)
    assert set(AccessibilityFeedback.objects.all()) == {kept, unanswered, in_progress}
    assert not OutboundEmail.objects.exists()
    assert output.getvalue() == "2 segnalazioni con risposta più vecchie di 730 giorni cancellate.\n"


def test_consent_records_kept_shorter_than_the_consent_cookie_are_an_error(settings):
    assert consent_records_outlive_the_cookie() == []  # the defaults: 730 days against 183
    settings.CONSENT_RECORD_RETENTION_DAYS = 90
    (error,) = consent_records_outlive_the_cookie()
    assert isinstance(error, Error) and error.id == "consent.E001"
    assert "Porta CONSENT_RECORD_RETENTION_DAYS ad almeno 183" in error.hint
    with pytest.raises(SystemCheckError, match="consent.E001"):
        call_command("check", stdout=io.StringIO(), stderr=io.StringIO())
    settings.CONSENT_RECORD_RETENTION_DAYS = 183
    assert consent_records_outlive_the_cookie() == []
