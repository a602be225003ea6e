"""The issue's sending page in the admin: a test to oneself for whoever composes, sending and
scheduling for the Moderatori only, and the report."""

import datetime
from importlib import import_module

import pytest
import time_machine
from django.apps import apps
from django.core import mail
from django.urls import reverse

from newsletter.models import Mailing
from newsletter.scheduling import run_due
from tests.browser.people import member_of
from tests.factories.subscriptions import SubscriberFactory

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 12, 7, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def groups(editorial_groups):
    import_module("newsletter.migrations.0002_moderators_send").forwards(apps, None)
    return editorial_groups


@pytest.fixture
def editor(groups, django_user_model, client):
    client.force_login(member_of(django_user_model, "redattrice", "Redattori"))
    return client


@pytest.fixture
def moderator(groups, django_user_model, client):
    client.force_login(member_of(django_user_model, "moderatrice", "Moderatori"))
    return client


@pytest.fixture
def readers(issue):
    return [SubscriberFactory(topic_slugs=["notizie"]) for _n in range(3)]


def sending_url(issue):
    return reverse("newsletter_issue_sending", args=[issue.pk])


def test_an_editor_sends_herself_a_test_of_the_latest_draft(editor, issue, readers):
    draft = issue.get_latest_revision_as_object()
    draft.title = "Newsletter di dicembre, bozza corretta"
    draft.save_revision()
    response = editor.get(sending_url(issue))
    assert "Invia una prova a me" in response.content.decode()
    assert "spetta ai moderatori" in response.content.decode()
    editor.post(sending_url(issue), {"action": "test"})
    assert [m.to for m in mail.outbox] == [["redattrice@asap.example"]]
    assert mail.outbox[0].subject == "[Prova] Newsletter di dicembre, bozza corretta"
    assert not Mailing.objects.exists()


def test_an_editor_cannot_send_nor_schedule(editor, issue, readers):
    for data in ({"action": "now"}, {"action": "schedule", "send_at": "08/12/2026 09:30"}):
        response = editor.post(sending_url(issue), data)
        assert response.status_code in (302, 403) and response.get("Location") != sending_url(issue)
    assert not Mailing.objects.exists() and not mail.outbox


def test_a_moderator_sends_now_to_the_subscribers(
    moderator, issue, readers, settings, django_capture_on_commit_callbacks
):
    settings.NEWSLETTER_RATE_PER_SECOND = 0
    with django_capture_on_commit_callbacks(execute=True):
        response = moderator.post(sending_url(issue), {"action": "now"}, follow=True)
    assert "Invio avviato" in response.content.decode()
    assert sorted(m.to[0] for m in mail.outbox) == sorted(r.email for r in readers)
    assert Mailing.objects.get().status == Mailing.Status.SENT
    moderator.post(sending_url(issue), {"action": "now"})
    assert len(mail.outbox) == 3  # an issue goes out once
    report = moderator.get(reverse("newsletter_report")).content.decode()
    assert "Newsletter di dicembre" in report and "<td>3</td>" in report


def test_a_moderator_schedules_in_rome_time_and_the_scheduler_sends_then(
    moderator, issue, readers, settings, django_capture_on_commit_callbacks
):
    settings.NEWSLETTER_RATE_PER_SECOND = 0
    with time_machine.travel(NOW, tick=False):
        response = moderator.post(
            sending_url(issue), {"action": "schedule", "send_at": "08/12/2026 09:30"}, follow=True
        )
    assert "Invio programmato: 8 dicembre 2026, ore 9:30." in response.content.decode()
    mailing = Mailing.objects.get()
    assert mailing.send_at == datetime.datetime(2026, 12, 8, 8, 30, tzinfo=datetime.UTC)
    assert run_due(NOW) == (0, 0) and not mail.outbox
    with django_capture_on_commit_callbacks(execute=True):
        assert run_due(datetime.datetime(2026, 12, 8, 8, 31, tzinfo=datetime.UTC))[0] == 1
    assert len(mail.outbox) == 3


def test_a_time_in_the_past_or_malformed_gets_an_italian_error(moderator, issue, readers):
    with time_machine.travel(NOW, tick=False):
        past = moderator.post(sending_url(issue), {"action": "schedule", "send_at": "01/12/2026 09:30"})
        wrong = moderator.post(sending_url(issue), {"action": "schedule", "send_at": "32/13/2026"})
    assert "Scegli un momento futuro" in past.content.decode()
    assert "Questa non è una data e ora valida" in wrong.content.decode()
    assert not Mailing.objects.exists()


def test_an_unpublished_change_must_be_published_before_sending(moderator, issue, readers):
    issue.get_latest_revision_as_object().save_revision()
    issue.refresh_from_db()
    issue.has_unpublished_changes = True
    issue.save()
    response = moderator.post(sending_url(issue), {"action": "now"}, follow=True)
    assert "Pubblica prima il numero" in response.content.decode() and not mail.outbox


def test_the_editor_finds_the_sending_page_in_the_action_menu(editor, issue):
    response = editor.get(reverse("wagtailadmin_pages:edit", args=[issue.pk]))
    assert sending_url(issue) in response.content.decode()
    assert "Prova e invio agli iscritti" in response.content.decode()
