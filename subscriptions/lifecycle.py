"""What happens to a subscriber, each step with its consent event: sign-up (again), confirmation,
a change of topics, leaving, an import. Views and the staff import call these; nothing else
changes a subscriber's status (but `Subscriber.mark_undeliverable`)."""

import datetime

from django.conf import settings
from django.utils import timezone

from .consent_text import CONSENT_VERSION
from .models import ConsentEvent, Subscriber

Status = Subscriber.Status
Action = ConsentEvent.Action


def sign_up(email, name, topics, language, source="modulo"):
    """Record a sign-up; return (subscriber, what to mail: "confirm", "already" or None).

    The answer to the visitor is the same whatever the address's state: an active subscriber's
    topics are not changed by a stranger (the mail gives her the preferences link instead), and an
    address gets at most one such e-mail per SUBSCRIPTIONS_RESEND_HOURS."""
    now = timezone.now()
    subscriber = Subscriber.objects.with_address(email).first()
    if subscriber is None:
        subscriber = Subscriber(email=email, created_at=now)
    elif subscriber.status == Status.ACTIVE:
        return subscriber, _once_per_period(subscriber, now, "already")
    elif subscriber.status == Status.PENDING and not _may_mail(subscriber, now):
        return subscriber, None  # a repeated sign-up while the last confirmation is still fresh
    subscriber.name = name
    subscriber.language = language
    subscriber.status = Status.PENDING
    subscriber.consent_version = CONSENT_VERSION
    subscriber.save()
    subscriber.topics.set(topics)
    subscriber.log(Action.SUBSCRIBE, when=now, source=source)
    return subscriber, _once_per_period(subscriber, now, "confirm")


def _may_mail(subscriber, now):
    sent = subscriber.confirmation_sent_at
    return sent is None or now - sent >= datetime.timedelta(hours=settings.SUBSCRIPTIONS_RESEND_HOURS)


def _once_per_period(subscriber, now, kind):
    if not _may_mail(subscriber, now):
        return None
    Subscriber.objects.filter(pk=subscriber.pk).update(confirmation_sent_at=now)
    subscriber.confirmation_sent_at = now
    return kind


def confirm(subscriber):
    """The link in the confirmation e-mail was followed: the subscriber becomes active (once)."""
    if subscriber.status != Status.PENDING:
        return False
    now = timezone.now()
    subscriber.status = Status.ACTIVE
    subscriber.confirmed_at = now
    subscriber.save(update_fields=["status", "confirmed_at"])
    subscriber.log(Action.CONFIRM, when=now, source="link")
    return True


def change_topics(subscriber, topics):
    subscriber.topics.set(topics)
    subscriber.log(Action.CHANGE_TOPICS, source="preferenze")


def unsubscribe(subscriber, source):
    """Leaving keeps only what proves the consent was withdrawn: the address (so an import cannot
    add it again), the dates and the consent log. Name and topics are erased. Idempotent."""
    if subscriber.status == Status.UNSUBSCRIBED:
        return False
    now = timezone.now()
    subscriber.status = Status.UNSUBSCRIBED
    subscriber.unsubscribed_at = now
    subscriber.name = ""
    subscriber.save(update_fields=["status", "unsubscribed_at", "name"])
    subscriber.topics.clear()
    subscriber.log(Action.UNSUBSCRIBE, when=now, topics=[], source=source)
    return True
