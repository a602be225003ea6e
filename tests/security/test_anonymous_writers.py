"""Anonymous requests that write: consent decisions, the search log and enquiry confirmations cannot be
repeated without bound by one client, and the confirmation carries nothing the sender typed at its top."""

import pytest
from django.core import mail

from consent.models import ConsentRecord
from courses.enquiries import CourseEnquiry
from outbox.models import OutboundEmail
from search.models import SearchQueryDay
from tests.courses.test_enquiries import URL as ENQUIRY_URL
from tests.courses.test_enquiries import course, valid_post  # noqa: F401

pytestmark = pytest.mark.django_db


def test_consent_decisions_beyond_the_allowance_get_a_json_429_and_store_nothing(client, registry, settings):
    settings.CONSENT_DECISION_RATE_LIMIT = 3
    answers = [client.post("/cookie/scelta/", {"action": "accept_all"}).status_code for _ in range(5)]
    assert answers == [200, 200, 200, 429, 429]
    response = client.post("/cookie/scelta/", {"action": "accept_all"})
    assert response["Content-Type"] == "application/json" and int(response["Retry-After"]) >= 1
    assert "Troppe richieste" in response.json()["error"]
    assert ConsentRecord.objects.count() == 3


def test_the_preferences_form_shares_the_consent_allowance(client, registry, settings):
    settings.CONSENT_DECISION_RATE_LIMIT = 1
    client.post("/cookie/scelta/", {"action": "accept_all"})
    response = client.post("/cookie/preferenze/", {"action": "accept_all"})
    assert response.status_code == 429 and "Troppe richieste" in response.content.decode()
    assert ConsentRecord.objects.count() == 1


def test_searches_beyond_the_allowance_still_get_results_but_are_not_logged(home_page, search_page, settings):
    settings.SEARCH_LOG_RATE_LIMIT = 2
    answers = [search_page(q=f"parola{n}")[0].status_code for n in range(5)]
    assert answers == [200] * 5
    assert sorted(SearchQueryDay.objects.values_list("query", flat=True)) == ["parola0", "parola1"]


def test_confirmations_stop_after_the_daily_allowance_per_address_but_enquiries_and_staff_mail_go_on(
    client,
    course,  # noqa: F811
    settings,
):
    settings.COURSES_CONFIRMATIONS_PER_ADDRESS_PER_DAY = 2
    settings.FORM_RATE_LIMIT = 100
    for n in range(4):
        email = "Vittima@Esempio.it" if n % 2 else "vittima@esempio.it"
        assert client.post(ENQUIRY_URL, valid_post(email=email)).status_code == 302
    assert CourseEnquiry.objects.count() == 4
    assert OutboundEmail.objects.filter(kind=OutboundEmail.Kind.STAFF).count() == 4
    assert OutboundEmail.objects.filter(kind=OutboundEmail.Kind.VISITOR).count() == 2
    client.post(ENQUIRY_URL, valid_post(email="altra@esempio.it"))
    assert OutboundEmail.objects.filter(kind=OutboundEmail.Kind.VISITOR, to="altra@esempio.it").exists()


def test_nothing_the_sender_typed_comes_before_the_greeting(client, course):  # noqa: F811
    name = "Vinci un premio su http://truffa.example"
    client.post(ENQUIRY_URL, valid_post(first_name=name, last_name=name))
    confirmation = OutboundEmail.objects.get(kind=OutboundEmail.Kind.VISITOR)
    assert confirmation.body.splitlines()[0] == "Buongiorno,"
    assert "truffa" not in confirmation.subject and "truffa" not in confirmation.body
    assert mail.outbox == [] or all("truffa" not in m.subject for m in mail.outbox)
