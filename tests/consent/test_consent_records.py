"""The decision endpoint, the consent cookie, the server-side record and when the banner asks again."""

import datetime

import pytest
import time_machine
from cookie_consent.util import parse_cookie_str
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from consent.models import ConsentRecord, CookieBannerSettings
from tests.factories.consent import ConsentRecordFactory, CookieFactory

pytestmark = pytest.mark.django_db

DECISION_URL = "/cookie/scelta/"
STATUS_URL = "/cookie/stato/"


def decide(client, action, groups=(), **extra):
    return client.post(DECISION_URL, {"action": action, "cookie_groups": list(groups)}, **extra)


def status(client):
    response = client.get(STATUS_URL)
    assert response.status_code == 200
    return response.json()


def test_accept_all_writes_a_record_and_a_long_lived_lax_cookie_with_the_consent_id(client, registry):
    response = decide(client, "accept_all")

    assert response.status_code == 200
    record = ConsentRecord.objects.get()
    assert record.action == "accept_all"
    assert record.choices == {"statistiche": True, "video": True}
    assert record.policy_version == "1"
    assert len(record.consent_id) == 32
    assert record.registry_version
    morsel = response.cookies["cookie_consent"]
    assert int(morsel["max-age"]) >= 180 * 24 * 3600
    assert morsel["samesite"] == "Lax"
    assert morsel["httponly"]
    assert not morsel["secure"]  # plain HTTP in tests; see the HTTPS test below
    stored = parse_cookie_str(morsel.value)
    assert stored[".cid"] == record.consent_id and stored[".pv"] == "1"
    assert response.json()["accepted"] == ["statistiche", "video"]


def test_the_record_holds_no_ip_address_or_browser_data(client, registry):
    decide(client, "accept_all", REMOTE_ADDR="203.0.113.9", HTTP_USER_AGENT="Mozilla/5.0 Prova")
    field_names = {field.name for field in ConsentRecord._meta.get_fields()}
    assert field_names == {"id", "consent_id", "action", "choices", "policy_version", "registry_version", "created_at"}
    values = str(list(ConsentRecord.objects.values()))
    assert "203.0.113.9" not in values and "Mozilla" not in values


def test_the_consent_cookie_is_secure_over_https(client, registry):
    response = decide(client, "reject_all", secure=True)
    assert response.cookies["cookie_consent"]["secure"]


@pytest.mark.parametrize("action", ["reject_all", "close"])
def test_refusing_or_closing_records_a_refusal_and_deletes_third_party_cookies(client, registry, action):
    client.cookies["YSC"] = "abc"
    response = decide(client, action)

    record = ConsentRecord.objects.get()
    assert record.action == action and record.choices == {"statistiche": False, "video": False}
    assert response.cookies["YSC"]["expires"].startswith("Thu, 01 Jan 1970")
    assert status(client)["ask"] is False and status(client)["acceptedCookieGroups"] == []


def test_custom_choice_saves_exactly_the_ticked_groups_and_keeps_the_consent_id(client, registry):
    decide(client, "custom", ["video"])
    first = ConsentRecord.objects.get()
    assert first.choices == {"statistiche": False, "video": True}
    assert status(client)["acceptedCookieGroups"] == ["video"]

    decide(client, "custom", [])
    latest = ConsentRecord.objects.order_by("-pk").first()
    assert latest.consent_id == first.consent_id and latest.choices == {"statistiche": False, "video": False}


def test_status_is_never_cached_and_asks_on_the_first_visit(client, registry):
    response = client.get(STATUS_URL)
    assert "no-store" in response["Cache-Control"]
    assert response.json()["ask"] is True
    assert response.json()["csrftoken"]


def test_who_accepted_is_asked_again_after_a_registry_change_but_a_refusal_is_not(client, registry):
    refuser = Client()
    decide(client, "accept_all")
    decide(refuser, "reject_all")
    assert status(client)["ask"] is False and status(refuser)["ask"] is False

    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=5)):
        CookieFactory(cookiegroup=registry["statistics"], name="_nuovo")

    accepted_status = status(client)
    assert accepted_status["ask"] is True
    assert "statistiche" not in accepted_status["acceptedCookieGroups"]  # nothing runs until they decide
    assert status(refuser)["ask"] is False


def test_who_accepted_is_asked_again_after_a_new_policy_version(client, registry):
    refuser = Client()
    decide(client, "custom", ["statistiche"])
    decide(refuser, "close")
    banner = CookieBannerSettings.for_site(registry["site"])
    banner.policy_version = "2026-2"
    banner.save()

    assert status(client) | {"csrftoken": ""} == {
        "ask": True,
        "acceptedCookieGroups": [],
        "declinedCookieGroups": ["video"],
        "consentId": ConsentRecord.objects.filter(action="custom").get().consent_id,
        "csrftoken": "",
        "decisionUrl": DECISION_URL,
    }
    assert status(refuser)["ask"] is False

    decide(client, "accept_all")
    assert ConsentRecord.objects.order_by("-pk").first().policy_version == "2026-2"
    assert status(client)["ask"] is False


@pytest.mark.parametrize(
    "data",
    [
        {"action": "accept_all", "cookie_groups": ["inesistente"]},
        {"action": "tutto"},
        {},
        {"action": ["custom", "accept_all"], "cookie_groups": ["necessari"]},
    ],
)
def test_bad_decisions_are_refused_with_400_and_write_nothing(client, registry, data):
    response = client.post(DECISION_URL, data)
    assert response.status_code == 400
    assert ConsentRecord.objects.count() == 0
    assert "cookie_consent" not in response.cookies


def test_decision_needs_post_and_a_csrf_token(registry):
    browser = Client(enforce_csrf_checks=True)
    assert browser.get(DECISION_URL).status_code == 405
    assert browser.post(DECISION_URL, {"action": "accept_all"}).status_code == 403
    token = browser.get(STATUS_URL).json()["csrftoken"]
    assert browser.post(DECISION_URL, {"action": "accept_all"}, HTTP_X_CSRFTOKEN=token).status_code == 200


def test_preferences_page_works_without_javascript(client, registry):
    response = client.get("/cookie/preferenze/")
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert "Preferenze cookie" in html and "(sempre attivi)" in html and "csrfmiddlewaretoken" in html

    response = client.post("/cookie/preferenze/", {"action": "custom", "cookie_groups": ["statistiche"]})
    assert response.status_code == 302
    assert ConsentRecord.objects.get().choices == {"statistiche": True, "video": False}
    html = client.get(response["Location"]).content.decode()
    assert "Le tue preferenze sono state salvate" in html
    assert 'value="statistiche" checked' in html

    bad = client.post("/cookie/preferenze/", {"action": "custom", "cookie_groups": ["x"]})
    assert bad.status_code == 400 and "Categoria di cookie sconosciuta" in bad.content.decode()


def test_pages_are_the_same_html_whatever_the_visitor_decided(client, registry, home_page):
    first = client.get("/")
    assert not first.cookies  # no CSRF or consent cookie from a public page
    before = first.content
    decide(client, "accept_all")
    other = Client()
    decide(other, "reject_all")
    assert client.get("/").content == before == other.get("/").content
    html = before.decode()
    assert "csrfmiddlewaretoken" not in html and "<script>" not in html
    assert 'id="consent-banner"' in html and "hidden" in html
    assert "Preferenze cookie" in html


def test_prune_removes_only_records_past_the_retention_period(registry, settings):
    settings.CONSENT_RECORD_RETENTION_DAYS = 365
    ConsentRecordFactory(created_at=timezone.now() - datetime.timedelta(days=400))
    kept = ConsentRecordFactory(created_at=timezone.now() - datetime.timedelta(days=300))

    call_command("prune_consent_records", "--dry-run")
    assert ConsentRecord.objects.count() == 2
    call_command("prune_consent_records")
    assert list(ConsentRecord.objects.all()) == [kept]
    call_command("prune_consent_records", "--days", "10")
    assert ConsentRecord.objects.count() == 0
