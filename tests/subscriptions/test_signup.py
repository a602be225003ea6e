"""A visitor's path: sign-up (footer and page) -> confirmation e-mail -> confirm -> active; the same
answer for known addresses; links that are expired or altered; the footer form identical for all."""

import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.utils import timezone

from subscriptions.models import ConsentEvent, Subscriber
from tests.factories.subscriptions import SubscriberFactory, topics

pytestmark = pytest.mark.django_db

SIGNUP = "/newsletter/iscriviti/"


@pytest.fixture
def site(home_page):
    topics()
    return home_page


def post(client, **overrides):
    data = {"email": "Giulia.Rossi@Esempio.it", "name": "Giulia", "topics": [], "consent": "on", "sito_web": ""}
    data["topics"] = [topics()[slug].pk for slug in overrides.pop("slugs", ["corsi", "eventi"])]
    data.update(overrides)
    return client.post(SIGNUP, data)


def link_in(message):
    return urlsplit(re.search(r"https?://\S+", message.body).group(0)).path


def signup_and_mail(client, capture, **overrides):
    with capture(execute=True):
        response = post(client, **overrides)
    assert response.status_code == 302
    return response


def test_signup_mails_a_link_and_nothing_is_active_before_confirming(client, site, django_capture_on_commit_callbacks):
    response = signup_and_mail(client, django_capture_on_commit_callbacks)
    assert response["Location"] == "/newsletter/iscriviti/grazie/"
    assert "Controlla la tua casella di posta" in client.get(response["Location"]).content.decode()

    subscriber = Subscriber.objects.get()
    assert subscriber.email == "giulia.rossi@esempio.it"
    assert subscriber.get_status_display() == "In attesa di conferma"
    assert not Subscriber.objects.receiving(["corsi"]).exists()
    (message,) = mail.outbox
    assert message.subject == "Conferma la tua iscrizione alla newsletter"
    assert message.to == ["giulia.rossi@esempio.it"]
    assert "Buongiorno Giulia," in message.body and "7 giorni" in message.body

    confirm = link_in(message)
    assert confirm.startswith("/newsletter/conferma/")
    page = client.get(confirm)
    assert page.status_code == 200 and "Conferma l'iscrizione" in page.content.decode()
    Subscriber.objects.get().refresh_from_db()
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING  # opening the link is not enough

    done = client.post(confirm)
    assert done.status_code == 302 and "/newsletter/preferenze/" in done["Location"]
    assert "Iscrizione confermata" in client.get(done["Location"]).content.decode()
    assert list(Subscriber.objects.receiving(["eventi"])) == [subscriber]
    events = list(subscriber.consent_events.values_list("action", "topics", "text_version"))
    assert [action for action, _topics, _version in events] == ["subscribe", "confirm"]
    assert events[0][1] == ["corsi", "eventi"] and events[0][2] == subscriber.consent_version != ""


def test_english_signup_writes_in_english_with_english_links(client, site, django_capture_on_commit_callbacks):
    assert client.get("/en/newsletter/subscribe/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/en/newsletter/subscribe/",
            {"email": "anna@example.org", "topics": [topics()["notizie"].pk], "consent": "on"},
        )
    assert response["Location"] == "/en/newsletter/subscribe/thanks/"
    (message,) = mail.outbox
    assert message.subject == "Confirm your newsletter subscription"
    assert link_in(message).startswith("/en/newsletter/confirm/")
    assert Subscriber.objects.get().language == "en"


def test_errors_are_italian_and_store_nothing(client, site):
    response = client.post(SIGNUP, {"email": "non-un-indirizzo", "topics": ["x"]})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Scrivi un indirizzo e-mail valido" in html
    assert "Scegli gli argomenti dall&#x27;elenco." in html or "Scegli gli argomenti dall'elenco." in html
    assert "Per iscriverti devi dare il consenso" in html
    assert not Subscriber.objects.exists()


def test_signing_up_again_gives_the_same_answer_and_mails_at_most_once_a_day(
    client, site, django_capture_on_commit_callbacks
):
    active = SubscriberFactory(email="noto@esempio.it", topic_slugs=["corsi"])
    with time_machine.travel("2026-12-01 10:00 +0000", tick=False):
        first = signup_and_mail(client, django_capture_on_commit_callbacks, email="noto@esempio.it", slugs=["avvisi"])
        again = signup_and_mail(client, django_capture_on_commit_callbacks, email="NOTO@esempio.it", slugs=["avvisi"])
        new = signup_and_mail(client, django_capture_on_commit_callbacks, email="nuovo@esempio.it")
        new_again = signup_and_mail(client, django_capture_on_commit_callbacks, email="nuovo@esempio.it")
    assert first["Location"] == again["Location"] == new["Location"] == new_again["Location"]
    # the known address got one note with its preferences link, its topics unchanged; the new one confirmation
    assert sorted((m.to[0], m.subject) for m in mail.outbox) == [
        ("noto@esempio.it", "Sei già iscritto alla newsletter"),
        ("nuovo@esempio.it", "Conferma la tua iscrizione alla newsletter"),
    ]
    assert list(active.topics.values_list("slug", flat=True)) == ["corsi"]
    with time_machine.travel("2026-12-02 11:00 +0000", tick=False):
        signup_and_mail(client, django_capture_on_commit_callbacks, email="nuovo@esempio.it")
    assert len(mail.outbox) == 3


def test_expired_and_altered_links_give_an_italian_page_not_a_500(client, site, django_capture_on_commit_callbacks):
    with time_machine.travel("2026-12-01 10:00 +0000", tick=False):
        signup_and_mail(client, django_capture_on_commit_callbacks)
    confirm = link_in(mail.outbox[0])
    with time_machine.travel("2026-12-09 10:00 +0000", tick=False):
        expired = client.post(confirm)
    assert expired.status_code == 410 and "Collegamento scaduto" in expired.content.decode()
    for bad in (
        confirm[:-5] + "xxxx/",
        "/newsletter/conferma/abc/",
        "/newsletter/preferenze/%00%ff/",
        "/newsletter/disiscriviti/" + "A" * 300 + "/",
    ):
        response = client.get(bad)
        assert response.status_code == 400, bad
        assert "Collegamento non valido" in response.content.decode()
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_the_footer_form_is_the_same_for_every_visitor_and_carries_no_token(site):
    pages = [Client().get("/").content.decode() for _ in range(2)]
    footers = [
        re.search(r'<div class="container site-footer__newsletter">.*?</form>', html, re.S).group(0) for html in pages
    ]
    assert footers[0] == footers[1]
    assert 'method="get" action="/newsletter/iscriviti/"' in footers[0]
    assert "csrfmiddlewaretoken" not in pages[0]


def test_the_footer_address_arrives_in_the_signup_page(client, site):
    html = client.get(SIGNUP, {"email": "giulia@esempio.it"}).content.decode()
    assert 'value="giulia@esempio.it"' in html and "csrfmiddlewaretoken" in html
    assert "no-store" in client.get(SIGNUP)["Cache-Control"]


def test_purge_deletes_old_unconfirmed_signups_with_their_mails(client, site, django_capture_on_commit_callbacks):
    from django.core.management import call_command

    with time_machine.travel("2026-11-01 10:00 +0000", tick=False):
        signup_and_mail(client, django_capture_on_commit_callbacks, email="vecchia@esempio.it")
    with time_machine.travel("2026-11-20 10:00 +0000", tick=False):
        signup_and_mail(client, django_capture_on_commit_callbacks, email="recente@esempio.it")
        SubscriberFactory(email="attiva@esempio.it", created_at=timezone.now() - timedelta(days=100))
        call_command("purge_unconfirmed_subscribers")
    assert sorted(Subscriber.objects.values_list("email", flat=True)) == ["attiva@esempio.it", "recente@esempio.it"]
    assert not ConsentEvent.objects.filter(subscriber__email="vecchia@esempio.it").exists()
    from outbox.models import OutboundEmail

    assert not OutboundEmail.objects.filter(to="vecchia@esempio.it").exists()


def test_the_purge_runs_daily_in_the_scheduler():
    from serving.management.commands.run_scheduler import JOBS

    assert ("purge_unconfirmed_subscribers", 86400) in JOBS
