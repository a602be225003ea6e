"""Hostile beacons: anything but a small well-formed object gets 400 (never a 500), invented referrers
cannot grow the statistics without bound, and one client cannot send beacons without end."""

import json

import pytest

from analytics.models import DailyPageView
from tests.analytics.test_statistics import BEACON_URL, beacon, consenting  # noqa: F401

pytestmark = pytest.mark.django_db


def post(client, body):
    return client.post(BEACON_URL, body, content_type="text/plain")


@pytest.mark.parametrize(
    "body",
    [
        '{"page": 1e999, "device": "desktop"}',
        '{"page": Infinity, "device": "desktop"}',
        '{"page": NaN, "device": "desktop"}',
        '{"page": -Infinity, "device": "desktop"}',
        '{"page": 1.0, "device": "desktop"}',
        '{"page": true, "device": "desktop"}',
        '{"page": 99999999999999999999999, "device": "desktop"}',
        '{"page": [1], "device": "desktop"}',
        '{"page": 1, "device": ["desktop"]}',
        '{"page": 1, "device": "desktop", "extra": 1}',
        '"testo"',
        "null",
        "[" * 2000,
        "[" * 2000 + "]" * 2000,
        '{"page": 1, "device": "desktop", "referrer": "' + "x" * 2100 + '"}',
        b"\xff\xfe{",
    ],
)
def test_malformed_beacons_get_400_never_500(consenting, home_page, body):  # noqa: F811
    response = post(consenting, body)
    assert response.status_code == 400
    assert DailyPageView.objects.count() == 0


def test_a_body_over_2_kb_is_refused(consenting, home_page):  # noqa: F811
    body = json.dumps({"page": home_page.pk, "device": "desktop", "referrer": "https://a.example/" + "x" * 2100})
    assert post(consenting, body).status_code == 400


@pytest.mark.parametrize("referrer", ["javascript:alert(1)", "non un indirizzo", "http://[::1", "//", "mailto:a@b.it"])
def test_referrers_without_a_host_count_as_direct(consenting, home_page, referrer):  # noqa: F811
    assert beacon(consenting, home_page, referrer=referrer).status_code == 204
    assert list(DailyPageView.objects.values_list("referrer_domain", "views")) == [("", 1)]


def test_over_the_daily_cap_existing_rows_count_and_new_combinations_are_dropped(
    consenting,  # noqa: F811
    home_page,
    settings,
):
    settings.ANALYTICS_MAX_NEW_ROWS_PER_DAY = 3
    for n in range(10):
        beacon(consenting, home_page, referrer=f"https://spam{n}.example/")
    assert DailyPageView.objects.count() == 3
    beacon(consenting, home_page, referrer="https://spam0.example/")
    assert DailyPageView.objects.get(referrer_domain="spam0.example").views == 2
    assert not DailyPageView.objects.filter(referrer_domain="spam9.example").exists()


def test_a_client_over_its_allowance_gets_a_json_429_with_retry_after(consenting, home_page, settings):  # noqa: F811
    settings.ANALYTICS_BEACON_RATE_LIMIT = 3
    settings.ANALYTICS_BEACON_RATE_WINDOW = 60
    assert [beacon(consenting, home_page).status_code for _ in range(3)] == [204, 204, 204]
    response = beacon(consenting, home_page)
    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"
    assert 1 <= int(response["Retry-After"]) <= 60
    assert "Troppe richieste" in response.json()["error"]
    assert DailyPageView.objects.get().views == 3
