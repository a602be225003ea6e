"""Without an account: the signed link changes topics or leaves; one-click unsubscribe (RFC 8058)
without a CSRF token; leaving erases the name and topics and keeps the proof of the withdrawal."""

from urllib.parse import urlsplit

import pytest
from django.test import Client

from subscriptions.links import preferences_url, unsubscribe_url
from subscriptions.models import ConsentEvent, Subscriber
from tests.factories.subscriptions import SubscriberFactory, topics

pytestmark = pytest.mark.django_db


@pytest.fixture
def subscriber(home_page):
    topics()
    return SubscriberFactory(email="giulia@esempio.it", name="Giulia", topic_slugs=["corsi", "notizie"])


def path(url):
    return urlsplit(url).path


def test_preferences_change_topics_and_log_it(client, subscriber):
    page = client.get(path(preferences_url(subscriber)))
    html = page.content.decode()
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    assert "giulia@esempio.it" in html and "Disiscriviti" in html

    response = client.post(path(preferences_url(subscriber)), {"topics": [topics()["eventi"].pk]})
    assert response.status_code == 200
    assert "Le tue preferenze sono state salvate." in response.content.decode()
    assert list(subscriber.topics.values_list("slug", flat=True)) == ["eventi"]
    assert list(Subscriber.objects.receiving(["corsi"])) == []
    assert subscriber.consent_events.last().get_action_display() == "Modifica argomenti"
    assert subscriber.consent_events.last().topics == ["eventi"]


def test_no_topic_is_an_italian_error_not_a_silent_unsubscribe(client, subscriber):
    response = client.post(path(preferences_url(subscriber)), {"topics": []})
    assert response.status_code == 400
    assert "Scegli almeno un argomento." in response.content.decode()
    assert subscriber.topics.count() == 2


def test_the_unsubscribe_page_asks_first_then_leaving_keeps_only_the_proof(client, subscriber):
    page = client.get(path(unsubscribe_url(subscriber)))
    assert page.status_code == 200 and "Disiscrivimi" in page.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.is_active  # a link scanner opening the page unsubscribes nobody

    strict = Client(enforce_csrf_checks=True)
    done = strict.post(path(unsubscribe_url(subscriber)))
    assert done.status_code == 200 and "Non sei più iscritto" in done.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED and subscriber.unsubscribed_at
    assert subscriber.name == "" and subscriber.topics.count() == 0
    assert subscriber.email == "giulia@esempio.it" and subscriber.confirmed_at
    last = subscriber.consent_events.last()
    assert (last.action, last.topics) == (ConsentEvent.Action.UNSUBSCRIBE, [])
    # the preferences link now says so instead of offering topics
    assert (
        "Questo indirizzo non riceve la newsletter." in client.get(path(preferences_url(subscriber))).content.decode()
    )


def test_one_click_post_from_a_mail_client_needs_no_csrf_token(subscriber):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        path(unsubscribe_url(subscriber)),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.consent_events.last().source == "un clic"
    again = strict.post(
        path(unsubscribe_url(subscriber)),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert again.status_code == 200
    assert subscriber.consent_events.filter(action=ConsentEvent.Action.UNSUBSCRIBE).count() == 1


def test_english_subscribers_get_english_pages(client, home_page):
    topics()
    english = SubscriberFactory(language="en", topic_slugs=["corsi"])
    html = client.get(path(preferences_url(english))).content.decode()
    assert "Your newsletter preferences" in html and "Courses" in html
    assert "Unsubscribe me" in client.get(path(unsubscribe_url(english))).content.decode()


def test_a_link_for_another_address_is_refused(client, subscriber):
    other = SubscriberFactory(email="altra@esempio.it")
    token = path(unsubscribe_url(subscriber)).rstrip("/").rsplit("/", 1)[1]
    Subscriber.objects.filter(pk=subscriber.pk).update(email="cambiata@esempio.it")
    response = client.post(f"/newsletter/disiscriviti/{token}/")
    assert response.status_code == 400
    other.refresh_from_db()
    assert other.is_active


def test_the_preferences_page_costs_the_same_queries_whatever_the_topics(client, subscriber):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from subscriptions.models import Topic

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path(preferences_url(subscriber))).status_code == 200
        return len(captured)

    queries()  # warm the shared parts (footer, settings)
    before = queries()
    for n in range(6):
        topic = Topic.objects.create(slug=f"territorio-{n}", name=f"Territorio {n}", name_en=f"Area {n}")
        subscriber.topics.add(topic)
    assert queries() == before


def test_the_newsletter_pages_are_valid_html(client, subscriber, assert_valid_html):
    documents = {
        "iscriviti": client.get("/newsletter/iscriviti/?email=a@b.it").content.decode(),
        "errori": client.post("/newsletter/iscriviti/", {"email": "x"}).content.decode(),
        "grazie": client.get("/newsletter/iscriviti/grazie/").content.decode(),
        "preferenze": client.get(path(preferences_url(subscriber))).content.decode(),
        "disiscriviti": client.get(path(unsubscribe_url(subscriber))).content.decode(),
        "non-valido": client.get("/newsletter/conferma/x/").content.decode(),
        "en": client.get("/en/newsletter/subscribe/").content.decode(),
    }
    assert_valid_html(documents)
