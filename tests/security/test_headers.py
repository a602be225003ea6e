"""Security headers: a strict Content-Security-Policy on public pages, widened only for what a page
shows (the analytics an editor configured, its own embeds); the admin's own policy; Permissions-Policy
and the cross-origin headers everywhere."""

import re

import pytest
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from tests.factories import ContentPageFactory
from tests.factories.consent import make_registry
from tests.security.observatory import parse_csp

VIDEO_URL = "https://www.youtube.com/watch?v=prova"


def policy(response):
    return parse_csp(response.headers["Content-Security-Policy"])


@pytest.mark.django_db
def test_public_pages_have_the_strict_policy_and_the_other_headers(client, public_pages):
    for name, path in public_pages.items():
        response = client.get(path)
        csp = policy(response)
        assert csp["default-src"] == {"'none'"}, name
        assert csp["script-src"] == {"'self'"}, name
        assert csp["style-src"] == {"'self'"}, name
        assert csp["object-src"] == {"'none'"}, name
        assert csp["base-uri"] == csp["frame-ancestors"] == csp["form-action"] == {"'self'"}, name
        assert "frame-src" not in csp, name  # no embed on these pages: frames fall back to 'none'
        permissions = response.headers["Permissions-Policy"]
        for feature in ("camera", "microphone", "geolocation", "payment", "browsing-topics"):
            assert f"{feature}=()" in permissions, name
        assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin", name
        assert response.headers["Cross-Origin-Resource-Policy"] == "same-origin", name
        assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin", name
        assert response.headers["X-Content-Type-Options"] == "nosniff", name


@pytest.mark.django_db
def test_pages_carry_no_inline_script_only_json_ld_data(client, public_pages):
    """script-src has no 'unsafe-inline': an inline script would not run. JSON-LD is data (browsers
    never execute a non-JavaScript type), so CSP does not block it and search engines still read it."""
    for name, path in public_pages.items():
        html = client.get(path).content.decode()
        inline = re.findall(r"<script\b(?![^>]*\bsrc=)([^>]*)>", html)
        assert all('type="application/ld+json"' in attributes for attributes in inline), (name, inline)
    assert '<script type="application/ld+json">' in client.get(public_pages["course"]).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("provider", "fields", "expected"),
    [
        (
            "matomo",
            {"matomo_url": "https://statistiche.asap.example/matomo/", "matomo_site_id": 3},
            {d: {"https://statistiche.asap.example"} for d in ("script-src", "connect-src", "img-src")},
        ),
        (
            "plausible",
            {"plausible_domain": "asap.example", "plausible_script_host": "https://plausible.io"},
            {d: {"https://plausible.io"} for d in ("script-src", "connect-src")},
        ),
        (
            "ga4",
            {"ga4_measurement_id": "G-ABC123XYZ"},
            {"script-src": {"https://*.googletagmanager.com"}, "connect-src": {"https://*.google-analytics.com"}},
        ),
        ("first_party", {}, {}),
    ],
)
def test_only_the_configured_analytics_provider_is_allowed(client, home_page, provider, fields, expected):
    make_registry(home_page.get_site(), provider=provider, **fields)
    csp = policy(client.get("/"))
    added = {directive: sources - {"'self'"} for directive, sources in csp.items() if sources - {"'self'", "'none'"}}
    for directive, hosts in expected.items():
        assert hosts <= added.pop(directive), directive
    if provider == "ga4":  # gtag.js also sends hits to Google's other hosts
        assert set(added) <= {"img-src", "connect-src"}
    else:
        assert not added


@pytest.mark.django_db
def test_analytics_without_a_consent_group_adds_nothing(client, home_page):
    registry = make_registry(home_page.get_site(), provider="ga4", ga4_measurement_id="G-ABC123XYZ")
    from analytics.site_settings import AnalyticsSettings

    AnalyticsSettings.objects.filter(site=registry["site"]).update(cookie_group=None)
    assert "googletagmanager" not in client.get("/").headers["Content-Security-Policy"]


@pytest.mark.django_db
def test_a_page_with_an_embed_allows_only_its_provider_frames(client, home_page, page_cache):
    Embed.objects.create(
        hash=get_embed_hash(VIDEO_URL),
        url=VIDEO_URL,
        max_width=None,
        type="video",
        html='<iframe src="https://www.youtube-nocookie.com/embed/prova" title="Video di prova"></iframe>',
        provider_name="YouTube",
    )
    page = ContentPageFactory(
        parent=home_page, slug="video", body=[("embed", {"embed": VIDEO_URL, "title": "Video di presentazione"})]
    )
    assert policy(client.get(page.url))["frame-src"] == {"https://www.youtube-nocookie.com"}
    served_again = client.get(page.url)  # from the page cache: the policy still names the frame
    assert "Age" in served_again.headers
    assert policy(served_again)["frame-src"] == {"https://www.youtube-nocookie.com"}
    assert "frame-src" not in policy(client.get("/"))


@pytest.mark.django_db
def test_the_admin_has_its_own_policy(client, superuser, home_page):
    """Wagtail's admin still ships inline scripts and styles: the admin policy allows them there only."""
    login = policy(client.get("/admin/login/"))
    assert "'unsafe-inline'" in login["script-src"]
    assert login["object-src"] == {"'none'"}
    assert login["frame-ancestors"] == login["base-uri"] == login["form-action"] == {"'self'"}
    client.force_login(superuser)
    editor = client.get(f"/admin/pages/{home_page.pk}/edit/")
    assert editor.status_code == 200
    assert "'unsafe-inline'" in policy(editor)["script-src"]
    assert "'unsafe-inline'" in policy(client.get("/django-admin/"))["script-src"]


@pytest.mark.django_db
def test_the_admin_loads_no_avatar_from_gravatar(client, superuser, home_page):
    """Editors' e-mail hashes would go to a third party, and offline the images would break."""
    client.force_login(superuser)
    for path in ("/admin/", "/admin/account/", "/admin/users/"):
        html = client.get(path).content.decode()
        assert "gravatar" not in html.lower(), path
