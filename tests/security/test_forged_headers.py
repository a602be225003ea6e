"""What a visitor can send that the page cache must not key on or store: each forged request is
followed by a plain visitor, who must get the right page, and none may mint cache entries at will.
Requests go through `asap_site.wsgi.application` (the WSGI front, then Django), as gunicorn serves
them; tests/pagecache/test_gunicorn_forwarders.py sends the real header through gunicorn."""

import io
import json
import re

import pytest
from django.core.cache import cache
from django.test import Client, RequestFactory

from asap_site.wsgi import application
from core.site_settings import OrganisationSettings
from tests.factories import ContentPageFactory
from tests.factories.projects import OrganisationFactory

# The WSGI handler closes database connections after each request, as between real requests.
pytestmark = pytest.mark.django_db(transaction=True)


def page_entries():
    return sum("pagecache:page:" in key for key in cache._cache)


@pytest.fixture
def visit(page_cache):
    """`visit(path, **environ)` -> (status, headers, body), through the WSGI front and Django."""
    cache.clear()

    def serve(path, **extra):
        environ = RequestFactory().get(path, **extra).environ
        environ["wsgi.input"] = io.BytesIO(b"")
        answer = {}
        body = application(environ, lambda status, headers: answer.update(status=status, headers=dict(headers)))
        content = b"".join(body)
        if hasattr(body, "close"):
            body.close()
        return answer["status"], answer["headers"], content.decode()

    return serve


def directives(headers):
    return {part.strip() for part in headers.get("Cache-Control", "").split(",")}


CATALOGUE = "Il catalogo dei progetti."


def test_a_forwarded_script_name_never_replaces_a_page(visit, project_catalogue):
    """gunicorn turns a trusted proxy's `SCRIPT_NAME: /progetti` header on `/progetti/` into
    SCRIPT_NAME=/progetti, PATH_INFO=/: Django serves the home page for that request."""
    status, forged_headers, body = visit("/progetti/", SCRIPT_NAME="/progetti", PATH_INFO="/")
    assert status.startswith("200") and CATALOGUE not in body  # the home page, for that request only
    for _ in range(2):
        status, _headers, body = visit("/progetti/")
        assert status.startswith("200") and CATALOGUE in body
    assert "public" not in directives(forged_headers), "no shared cache may keep it under /progetti/"


def test_a_forwarded_script_name_never_turns_the_theme_into_html(visit, home_page):
    version = OrganisationSettings.for_site(home_page.get_site()).theme_version
    visit(f"/tema.css?v={version}", SCRIPT_NAME="/tema.css", PATH_INFO="")
    for _ in range(2):
        status, headers, body = visit(f"/tema.css?v={version}")
        assert status.startswith("200") and headers["Content-Type"].startswith("text/css") and "<html" not in body


def test_headers_that_name_another_host_prefix_or_address_mint_nothing(visit, home_page, settings):
    ContentPageFactory(parent=home_page, title="Chi siamo", slug="chi-siamo")
    settings.ALLOWED_HOSTS = ["testserver", "www.testserver"]
    plain = visit("/chi-siamo/")[2]
    entries = page_entries()
    for forged in [
        {"HTTP_X_FORWARDED_HOST": "evil.example"},
        {"HTTP_X_FORWARDED_HOST": "www.testserver"},
        {"HTTP_X_FORWARDED_PREFIX": "/altro"},
        {"HTTP_X_ORIGINAL_URL": "/"},
        {"HTTP_X_REWRITE_URL": "/"},
        {"HTTP_HOST": "testserver:8443"},
        {"HTTP_HOST": "TestServer"},
    ]:
        status, _headers, body = visit("/chi-siamo/", **forged)
        assert status.startswith("200") and body == plain, forged
        assert page_entries() == entries, forged
        assert visit("/chi-siamo/")[2] == plain, forged


def test_a_host_port_never_reaches_what_visitors_get(visit, project_catalogue):
    """The organisation's page names its own address (structured data) from the request's host."""
    organisation = OrganisationFactory(name="Comune di Roma")
    url = f"/progetti/ente/{organisation.slug}/"
    status, _headers, body = visit(url, HTTP_HOST="testserver:9999")
    assert status.startswith("200") and "testserver:9999" in body  # what this request asked for
    _status, _headers, body = visit(url)
    assert "9999" not in body and "http://testserver/progetti/" in body


def test_tracking_parameters_share_the_plain_page_and_never_show_in_it(visit, project_catalogue):
    plain = visit("/progetti/")[2]
    entries = page_entries()
    tracked = visit("/progetti/?utm_source=newsletter&utm_medium=email&fbclid=abc&gclid=x&mc_cid=1")[2]
    assert tracked == plain and "utm_" not in tracked and "fbclid" not in tracked
    assert page_entries() == entries
    filtered = visit("/progetti/?stato=in_corso&utm_campaign=primavera")[2]
    assert "utm_" not in filtered and filtered == visit("/progetti/?stato=in_corso")[2]


def test_junk_parameters_mint_no_entries(visit, home_page):
    ContentPageFactory(parent=home_page, title="Chi siamo", slug="chi-siamo")
    plain = visit("/chi-siamo/")[2]
    entries = page_entries()
    for n in range(300):
        status, headers, _body = visit(f"/chi-siamo/?x{n}={n}")
        assert status.startswith("200")
    assert page_entries() == entries
    assert "public" not in directives(headers), "nor may a shared cache keep them"
    assert visit("/chi-siamo/?utm_source=x")[2] == plain


def test_parameters_a_page_ignores_mint_no_entries(visit, home_page):
    """`page` and `q` are read by catalogues and the search, not by a content page."""
    ContentPageFactory(parent=home_page, title="Chi siamo", slug="chi-siamo")
    plain = visit("/chi-siamo/")[2]
    entries = page_entries()
    for n in range(50):
        status, _headers, body = visit(f"/chi-siamo/?page={n}&q=x{n}")
        assert status.startswith("200") and body == plain
    assert page_entries() == entries


def selected_order(body):
    return re.search(r'<option value="(\w+)"[^>]*selected', body.split('name="ordine"', 1)[1]).group(1)


def test_a_repeated_parameter_keeps_djangos_meaning_the_last_value(visit, project_catalogue):
    assert selected_order(visit("/progetti/?ordine=budget&ordine=titolo")[2]) == "titolo"
    assert selected_order(visit("/progetti/?ordine=titolo&ordine=budget")[2]) == "budget"
    assert selected_order(visit("/progetti/?ordine=budget&ordine=titolo")[2]) == "titolo"


def test_error_answers_say_they_vary_on_accept(visit, home_page):
    status, headers, body = visit("/non-esiste/", HTTP_ACCEPT="application/json")
    assert status.startswith("404") and json.loads(body) == {"error": "Pagina non trovata."}
    assert "Accept" in headers["Vary"]
    status, headers, body = visit("/non-esiste/")
    assert status.startswith("404") and "<html" in body and "Accept" in headers["Vary"]


def test_the_https_redirect_is_kept_by_no_shared_cache(page_cache, home_page, settings):
    """Shared caches key on the URL, not the scheme: a kept redirect would send HTTPS visitors round."""
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    client = Client()  # its middleware reads the settings above
    redirect = client.get("/", headers={"X-Forwarded-Proto": "http"})
    assert redirect.status_code == 301 and redirect["Location"].startswith("https://")
    assert "public" not in directives(redirect)
    page = client.get("/", headers={"X-Forwarded-Proto": "https"})
    assert page.status_code == 200 and "public" in directives(page)


def test_a_browser_revalidating_a_kept_page_gets_a_304_from_the_front(visit, home_page):
    status, headers, body = visit("/")
    assert directives(headers) == {"public", "max-age=0", "s-maxage=300"} and headers["ETag"]
    status, again, body = visit("/", HTTP_IF_NONE_MATCH=headers["ETag"])
    assert status.startswith("304") and body == "" and again["ETag"] == headers["ETag"]
    status, _headers, body = visit("/", HTTP_IF_NONE_MATCH='"altro"')
    assert status.startswith("200") and body
