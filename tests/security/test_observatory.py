"""The Mozilla Observatory score of the public pages under the production settings: at least 100 (A+)."""

import pytest

from tests.factories.consent import make_registry

from . import observatory

HOST = "asap.example"


def scan(client, path):
    response = client.get(path, secure=True, HTTP_HOST=HOST)
    plain = client.get(path, HTTP_HOST=HOST)
    cross_domain = [
        answer.content.decode()
        for answer in (
            client.get(f, secure=True, HTTP_HOST=HOST) for f in ("/crossdomain.xml", "/clientaccesspolicy.xml")
        )
        if answer.status_code == 200
    ]
    return response, observatory.score(response, http_response=plain, host=HOST, cross_domain_files=cross_domain)


@pytest.mark.django_db
@pytest.mark.parametrize("provider", ["first_party", "matomo", "ga4"])
def test_every_public_page_scores_at_least_100(production, fresh_client, public_pages, home_page, provider):
    make_registry(
        home_page.get_site(),
        provider=provider,
        matomo_url="https://statistiche.asap.example/",
        matomo_site_id=1,
        ga4_measurement_id="G-ABC123XYZ",
    )
    for name, path in public_pages.items():
        response, report = scan(fresh_client, path)
        assert response.status_code == (404 if name == "404" else 200), name
        assert report.score >= 100, f"{name} ({path}):\n{report}"


@pytest.mark.django_db
def test_the_enquiry_form_cookie_earns_the_cookie_bonus(production, fresh_client, public_pages):
    response, report = scan(fresh_client, public_pages["enquiry form"])
    assert "csrftoken" in response.cookies
    assert report.results["cookies"] == ("cookies-secure-with-httponly-sessions-and-samesite", 5)


def test_the_scorer_agrees_with_the_observatory_on_a_bare_response():
    """A response with no security header at all: the Observatory's F, 100 - 95."""
    from django.http import HttpResponse

    bare = HttpResponse("<html><script src='https://cdn.example/x.js'></script></html>")
    plain = HttpResponse("")
    report = observatory.score(bare, http_response=plain, host=HOST)
    assert report.results["content-security-policy"] == ("csp-not-implemented", -25)
    assert report.results["x-frame-options"] == ("x-frame-options-not-implemented", -20)
    assert report.results["subresource-integrity"][1] == -5
    assert report.score == 5  # CSP -25, redirection -20, HSTS -20, SRI -5, nosniff -5, framing -20
