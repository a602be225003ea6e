"""Sending an issue to its subscribers: once each, resumable, with the headers mailbox providers ask."""

import datetime

import pytest
import time_machine
from django.core import mail

from newsletter import sending
from newsletter.models import Delivery, Mailing
from newsletter.sending import mark_abandoned_as_uncertain, send_pending, start
from subscriptions.models import Subscriber
from tests.factories.subscriptions import SubscriberFactory
from tests.newsletter.backends import REFUSALS

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 12, 7, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def fast(settings):
    settings.NEWSLETTER_RATE_PER_SECOND = 0


def mailing_for(issue, send_at=NOW):
    return Mailing.objects.create(issue=issue, subject=issue.title, topic_slugs=["notizie"], send_at=send_at)


def started(issue, subscribers=3):
    for _n in range(subscribers):
        SubscriberFactory(topic_slugs=["notizie"])
    mailing = mailing_for(issue)
    assert start(mailing.pk, now=NOW)
    return mailing


def test_only_active_subscribers_of_the_topics_get_a_delivery_each(issue):
    reader = SubscriberFactory(topic_slugs=["notizie", "corsi"])
    SubscriberFactory(topic_slugs=["corsi"])
    SubscriberFactory(topic_slugs=["notizie"], status=Subscriber.Status.PENDING)
    SubscriberFactory(topic_slugs=["notizie"], status=Subscriber.Status.UNSUBSCRIBED)
    mailing = mailing_for(issue)
    assert start(mailing.pk, now=NOW)
    assert list(mailing.deliveries.values_list("subscriber", flat=True)) == [reader.pk]
    assert not start(mailing.pk, now=NOW)  # started once


def test_a_scheduled_mailing_does_not_start_before_its_time(issue):
    mailing = mailing_for(issue, send_at=NOW + datetime.timedelta(hours=1))
    assert not start(mailing.pk, now=NOW)
    assert not mailing.deliveries.exists()


def test_each_subscriber_gets_the_issue_with_personal_links_and_one_click_unsubscribe(issue):
    mailing = started(issue, subscribers=2)
    assert send_pending(mailing.pk) is False
    assert len(mail.outbox) == 2
    first, second = mail.outbox
    delivery = Delivery.objects.get(subscriber__email=first.to[0])
    assert (
        first.extra_headers["Message-ID"]
        == delivery.message_id
        == f"<newsletter.{mailing.pk}.{delivery.subscriber_id}@{delivery.message_id.rpartition('@')[2]}"
    )
    assert first.extra_headers["List-Unsubscribe"].startswith("<http://testserver/")
    assert first.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    html = first.alternatives[0][0]
    assert "Aperto il bando FAMI 2027" in html and "Aperto il bando FAMI 2027" in first.body
    unsubscribe = first.extra_headers["List-Unsubscribe"].strip("<>")
    assert unsubscribe in html and unsubscribe in first.body
    assert unsubscribe not in second.alternatives[0][0]
    mailing.refresh_from_db()
    assert mailing.status == Mailing.Status.SENT


def test_the_body_is_rendered_once_per_language(issue, monkeypatch):
    for language in ("it", "it", "en", "it"):
        SubscriberFactory(topic_slugs=["notizie"], language=language)
    mailing = mailing_for(issue)
    start(mailing.pk, now=NOW)
    calls = []
    original = sending.render_mailing
    monkeypatch.setattr(sending, "render_mailing", lambda m, language: calls.append(language) or original(m, language))
    send_pending(mailing.pk)
    assert sorted(calls) == ["en", "it"] and len(mail.outbox) == 4
    english = next(m for m in mail.outbox if m.to[0] == Subscriber.objects.get(language="en").email)
    assert "Unsubscribe" in english.body and "Annulla l'iscrizione" not in english.body


def test_a_restarted_worker_sends_the_rest_once_and_never_resends_a_row_that_may_have_gone_out(issue):
    mailing = started(issue, subscribers=5)
    rows = list(mailing.deliveries.order_by("pk"))
    # The worker claimed two rows and died: one e-mail may have gone out, the other not.
    Delivery.objects.filter(pk__in=[rows[0].pk, rows[1].pk]).update(status=Delivery.Status.SENDING, claimed_at=NOW)
    with time_machine.travel(NOW + datetime.timedelta(minutes=1)):
        send_pending(mailing.pk)  # the restarted worker
    assert sorted(m.to[0] for m in mail.outbox) == sorted(r.subscriber.email for r in rows[2:])
    with time_machine.travel(NOW + datetime.timedelta(hours=1)):
        assert mark_abandoned_as_uncertain() == 2
        assert send_pending(mailing.pk) is False
    assert len(mail.outbox) == 3  # nothing resent, neither the sent rows nor the uncertain ones
    assert set(mailing.deliveries.values_list("status", flat=True)) == {"sent", "uncertain"}
    assert Mailing.objects.get(pk=mailing.pk).status == Mailing.Status.SENT


def test_a_permanent_refusal_marks_the_address_a_temporary_one_keeps_the_row(issue, settings):
    settings.EMAIL_BACKEND = "tests.newsletter.backends.RefusingBackend"
    mailing = started(issue, subscribers=3)
    gone, busy, fine = (d.subscriber for d in mailing.deliveries.order_by("pk"))
    REFUSALS.clear()
    REFUSALS.update({gone.email: (550, b"5.1.1 User unknown"), busy.email: (452, b"4.2.2 Mailbox full")})
    try:
        assert send_pending(mailing.pk) is False  # the temporary refusal waits for a later run
        assert Mailing.objects.get(pk=mailing.pk).status == Mailing.Status.SENDING
    finally:
        REFUSALS.clear()
    gone.refresh_from_db()
    busy.refresh_from_db()
    assert gone.status == Subscriber.Status.UNDELIVERABLE and "User unknown" in gone.undeliverable_reason
    assert busy.status == Subscriber.Status.ACTIVE
    assert [m.to for m in mail.outbox] == [[fine.email]]
    assert send_pending(mailing.pk) is False  # the mailbox has room again
    assert Mailing.objects.get(pk=mailing.pk).status == Mailing.Status.SENT
    assert [m.to for m in mail.outbox] == [[fine.email], [busy.email]]


def test_a_subscriber_who_left_meanwhile_is_skipped(issue):
    mailing = started(issue, subscribers=2)
    leaving = mailing.deliveries.first().subscriber
    Subscriber.objects.filter(pk=leaving.pk).update(status=Subscriber.Status.UNSUBSCRIBED)
    send_pending(mailing.pk)
    assert [m.to[0] for m in mail.outbox] != [leaving.email] and len(mail.outbox) == 1


def test_the_rate_spaces_the_e_mails_and_the_budget_stops_a_run(issue, settings):
    settings.NEWSLETTER_RATE_PER_SECOND = 2
    mailing = started(issue, subscribers=4)
    now = [0.0]
    waits = []

    def sleep(seconds):
        waits.append(seconds)
        now[0] += seconds

    assert send_pending(mailing.pk, budget=1.2, clock=lambda: now[0], sleep=sleep) is True
    assert waits == [0.5, 0.5] and len(mail.outbox) == 3  # at 0, 0.5 and 1.0 s; the fourth waits
    assert send_pending(mailing.pk) is False and len(mail.outbox) == 4


def test_the_report_counts_sent_failed_and_unsubscribed_since(issue, settings):
    mailing = started(issue, subscribers=3)
    send_pending(mailing.pk)
    first, second, third = (d.subscriber for d in mailing.deliveries.order_by("pk"))
    Subscriber.objects.filter(pk=first.pk).update(
        status=Subscriber.Status.UNSUBSCRIBED, unsubscribed_at=NOW + datetime.timedelta(hours=2)
    )
    Delivery.objects.filter(subscriber=third).update(status=Delivery.Status.FAILED)
    figures = sending.report(Mailing.objects.filter(pk=mailing.pk)).get()
    assert (figures.sent_count, figures.failed_count, figures.unsubscribed_count) == (2, 1, 1)
