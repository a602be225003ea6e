"""The public API the newsletter builds on: who receives a topic, the signed links, the RFC 8058
headers, and a permanent failure marking an address."""

from urllib.parse import urlsplit

import pytest
from django.db import IntegrityError

from subscriptions.links import (
    MANAGE_SALT,
    BadLink,
    list_unsubscribe_headers,
    preferences_url,
    subscriber_from_token,
    unsubscribe_url,
)
from subscriptions.models import Subscriber
from tests.factories.subscriptions import SubscriberFactory, topics

pytestmark = pytest.mark.django_db


def test_the_migration_makes_the_four_topics_with_english_names():
    assert {slug: (t.name, t.name_en) for slug, t in topics().items()} == {
        "corsi": ("Corsi", "Courses"),
        "notizie": ("Notizie", "News"),
        "avvisi": ("Avvisi e bandi", "Calls for proposals"),
        "eventi": ("Eventi", "Events"),
    }


def test_receiving_lists_active_subscribers_of_any_topic_once():
    both = SubscriberFactory(topic_slugs=["corsi", "avvisi"])
    courses = SubscriberFactory(topic_slugs=["corsi"])
    SubscriberFactory(topic_slugs=["notizie"])
    SubscriberFactory(topic_slugs=["corsi"], status=Subscriber.Status.PENDING)
    SubscriberFactory(topic_slugs=["corsi"], status=Subscriber.Status.UNSUBSCRIBED)
    SubscriberFactory(topic_slugs=["corsi"], status=Subscriber.Status.UNDELIVERABLE)

    assert sorted(Subscriber.objects.receiving(["corsi", "avvisi"]).values_list("pk", flat=True)) == sorted(
        [both.pk, courses.pk]
    )


def test_an_address_is_unique_whatever_its_case():
    SubscriberFactory(email="Maria@Example.org")
    assert Subscriber.objects.with_address("MARIA@example.ORG").count() == 1
    with pytest.raises(IntegrityError):
        Subscriber.objects.bulk_create([Subscriber(email="MARIA@EXAMPLE.ORG")])


def test_links_are_absolute_signed_and_in_the_subscribers_language():
    italian = SubscriberFactory(language="it")
    english = SubscriberFactory(language="en")

    assert urlsplit(preferences_url(italian)).path.startswith("/newsletter/preferenze/")
    assert urlsplit(unsubscribe_url(english)).path.startswith("/en/newsletter/unsubscribe/")
    assert preferences_url(italian).startswith("http://testserver/")
    token = urlsplit(unsubscribe_url(english)).path.rstrip("/").rsplit("/", 1)[1]
    assert subscriber_from_token(token, salt=MANAGE_SALT) == english
    with pytest.raises(BadLink):
        subscriber_from_token(token[:-2] + "xx", salt=MANAGE_SALT)


def test_list_unsubscribe_headers_follow_rfc_8058():
    subscriber = SubscriberFactory()
    headers = list_unsubscribe_headers(subscriber)
    assert headers == {
        "List-Unsubscribe": f"<{unsubscribe_url(subscriber)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def test_a_permanent_failure_stops_sending_to_the_address():
    subscriber = SubscriberFactory(topic_slugs=["corsi"])
    subscriber.mark_undeliverable("550 5.1.1 Mailbox does not exist")
    subscriber.refresh_from_db()
    assert subscriber.get_status_display() == "Indirizzo non valido"
    assert subscriber.undeliverable_reason.startswith("550")
    assert not Subscriber.objects.receiving(["corsi"]).exists()
