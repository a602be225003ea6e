"""The site's rate limiter: per real client (behind the configured proxies, never a header the client
made up), 429 with Retry-After and an Italian message, and only accepted posts count."""

import json

import pytest
from django.test import RequestFactory

from courses.enquiries import CourseEnquiry
from serving import ratelimit
from tests.courses.test_enquiries import valid_post

PROXY = "10.0.0.1"


def request_from(remote="203.0.113.7", forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_trusted_proxies_the_forwarded_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert ratelimit.client_address(request_from("203.0.113.7", "198.51.100.1")) == "203.0.113.7"


@pytest.mark.parametrize(
    ("proxies", "forwarded", "client"),
    [
        (1, "198.51.100.1", "198.51.100.1"),
        (1, "6.6.6.6, 198.51.100.1", "198.51.100.1"),  # what the client wrote itself comes first
        (2, "6.6.6.6, 198.51.100.1, 192.0.2.50", "198.51.100.1"),  # CDN then nginx
        (2, "198.51.100.1", PROXY),  # not through both proxies: only the connecting address is sure
        (1, "non-un-indirizzo", PROXY),
        (1, "", PROXY),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_behind_trusted_proxies_the_nth_address_from_the_right_is_the_client(settings, proxies, forwarded, client):
    settings.TRUSTED_PROXY_COUNT = proxies
    assert ratelimit.client_address(request_from(PROXY, forwarded)) == client


def test_ipv6_clients_share_their_64_network(settings):
    settings.FORM_RATE_LIMIT = 2
    for suffix in ("1", "2"):
        assert ratelimit.hit(request_from(f"2001:db8:1:2::{suffix}"), "prova")
    assert not ratelimit.hit(request_from("2001:db8:1:2:ffff::9"), "prova")
    assert ratelimit.hit(request_from("2001:db8:1:3::1"), "prova")


def test_the_429_says_when_to_retry_in_italian_and_in_json_for_json_clients(settings):
    settings.FORM_RATE_WINDOW = 600
    ratelimit.hit(request_from(), "prova")
    page = ratelimit.too_many_requests(request_from(), "prova", kind="forms")
    assert page.status_code == 429
    assert 590 <= int(page["Retry-After"]) <= 600
    assert page["Cache-Control"] == "no-store"
    html = page.content.decode()
    assert "<h1>Troppi invii in poco tempo</h1>" in html and "Riprova tra" in html
    json_client = RequestFactory().get("/", HTTP_ACCEPT="application/json")
    answer = ratelimit.too_many_requests(json_client, "prova")
    assert answer.status_code == 429 and answer["Retry-After"]
    assert json.loads(answer.content)["error"].startswith("Troppe richieste in poco tempo")


@pytest.mark.django_db
def test_behind_a_proxy_each_visitor_has_its_own_allowance(client, course, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.FORM_RATE_LIMIT = 2
    url = course.url + "richiedi-informazioni/"

    def post(visitor):
        return client.post(url, valid_post(), REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=visitor).status_code

    assert [post("198.51.100.1") for _ in range(3)] == [302, 302, 429]
    assert post("198.51.100.2") == 302
    # a made-up address in front of the real one changes nothing
    assert post("192.0.2.99, 198.51.100.1") == 429
    blocked = client.post(url, valid_post(), REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert "Riprova tra" in blocked.content.decode() and int(blocked["Retry-After"]) > 0
    assert CourseEnquiry.objects.count() == 3


@pytest.mark.django_db
def test_only_accepted_posts_count(client, course, settings):
    """A visitor correcting a form is never throttled; spam caught by the honeypot counts like a success."""
    settings.FORM_RATE_LIMIT = 2
    url = course.url + "richiedi-informazioni/"
    for _ in range(5):
        assert client.post(url, valid_post(email="non-valida")).status_code == 400
    assert client.post(url, valid_post()).status_code == 302
    assert client.post(url, valid_post(sito_web="http://spam.example")).status_code == 302
    assert client.post(url, valid_post()).status_code == 429
    assert CourseEnquiry.objects.count() == 1
