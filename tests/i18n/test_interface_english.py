"""The interface around the content is in the page's language: on the demo's English pages the header,
menu buttons, breadcrumbs, footer, cookie banner and preferences are English, no Italian interface
string is left, and the Italian pages read exactly as before. Error pages under /en/ are English too,
rendered without the database like the Italian ones."""

import io
import re

import pytest
from django.core.management import call_command
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation

from consent.models import CookiePolicyPage
from serving import errors

pytestmark = pytest.mark.django_db

# Interface strings of the header, footer, banner and breadcrumbs that must not reach an English page.
ITALIAN_INTERFACE = [
    "Vai al contenuto principale",
    "Menu principale",
    "Cerca<",
    "nel sito",
    'aria-label="Percorso"',
    "Informazioni legali",
    "Informativa privacy",
    "Preferenze cookie",
    "Dichiarazione di accessibilità",
    "Note legali",
    "Telefono",
    "Codice fiscale",
    "Partita IVA",
    "Seguici",
    "Rispettiamo la tua privacy",
    "Chiudi senza accettare",
    "Leggi la cookie policy",
    "Scegli per categoria",
    "sempre attivi",
    "Salva le scelte",
    "Accetta tutti",
    "Rifiuta",
    "Personalizza",
    "Cookie tecnici necessari",
    "Video e mappe di terze parti",
    "Ultimo aggiornamento",
]
ENGLISH_INTERFACE = [
    '<a class="skip-link" href="#contenuto">Skip to main content</a>',
    'aria-label="Main menu"',
    '</span>Search<span class="visually-hidden"> the site</span>',
    "</span>Menu\n",
    '<label for="header-search-q">Search</label>',
    "Legal information",
    "Privacy notice",
    '<a href="/en/cookie/preferences/" data-consent-open>Cookie preferences</a>',
    "Accessibility statement",
    "Legal notice",
    "Telephone",
    "Tax code",
    "We respect your privacy",
    'aria-label="Close without accepting (refuse the cookies that are not necessary)"',
    "Read the cookie policy",
    "<legend>Choose by category</legend>",
    "<strong>Strictly necessary technical cookies</strong> (always active)",
    "<strong>Third-party videos and maps</strong>",
    'data-consent-action="accept_all">Accept all</button>',
    'data-consent-action="reject_all">Reject</button>',
    ">Customise</button>",
    ">Save my choices</button>",
]


def text_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def breadcrumbs(html):
    block = re.search(r'<nav class="breadcrumbs container" aria-label="([^"]+)">(.*?)</nav>', html, re.S)
    assert block, "no breadcrumbs"
    return block.group(1), re.findall(r'<a href="([^"]+)">([^<]+)</a>', block.group(2))


@pytest.fixture
def demo(wagtail_root):
    call_command("seed_demo", stdout=io.StringIO())


def test_the_demos_english_pages_have_an_english_interface_and_the_italian_ones_an_italian_one(client, demo):
    english = {url: text_of(client, url) for url in ("/en/", "/en/about-us/")}
    for url, html in english.items():
        assert '<html lang="en"' in html, url
        for expected in ENGLISH_INTERFACE:
            assert expected in html, f"{url}: {expected!r} missing"
        for italian in ITALIAN_INTERFACE:
            assert italian not in html, f"{url}: Italian {italian!r} left"
    assert '<a class="brand" href="/en/">' in english["/en/"]
    assert breadcrumbs(english["/en/about-us/"]) == ("Breadcrumb", [("/en/", "Home")])

    # The Italian pages keep their Italian interface (the demo fingerprint proves them byte-identical).
    italian = text_of(client, "/chi-siamo/")
    for expected in [
        '<a class="skip-link" href="#contenuto">Vai al contenuto principale</a>',
        'aria-label="Menu principale"',
        '<a class="brand" href="/">',
        '</span>Cerca<span class="visually-hidden"> nel sito</span>',
        '<a href="/cookie/preferenze/" data-consent-open>Preferenze cookie</a>',
        "Rispettiamo la tua privacy",
        'data-consent-action="accept_all">Accetta tutti</button>',
        "<strong>Cookie tecnici necessari</strong> (sempre attivi)",
        "Ultimo aggiornamento:",
    ]:
        assert expected in italian, expected
    assert breadcrumbs(italian) == ("Percorso", [("/", "Home")])
    for english_text in ("Skip to main content", "We respect your privacy", "Accept all", "Legal information"):
        assert english_text not in italian


@pytest.fixture
def cookie_registry(bilingual):
    """The demo's cookie registry and policy page on the small bilingual site (tests/i18n/conftest.py)."""
    from demo.loaders import consent

    consent.seed()


def test_the_cookie_preferences_and_policy_have_english_versions(client, cookie_registry):
    preferences = text_of(client, "/en/cookie/preferences/")
    assert '<html lang="en"' in preferences
    assert "<h1>Cookie preferences</h1>" in preferences
    assert '<form method="post" action="/en/cookie/preferences/">' in preferences
    assert "Technical cookies are always active." in preferences
    assert "<strong>Statistics</strong>" in preferences
    assert "Preferenze cookie" not in preferences and "Salva le scelte" not in preferences
    assert "<h1>Preferenze cookie</h1>" in text_of(client, "/cookie/preferenze/")

    saved = client.post("/en/cookie/preferences/", {"action": "custom", "cookie_groups": ["statistiche"]})
    assert saved.status_code == 302 and saved["Location"] == "/en/cookie/preferences/?salvato=1"
    assert "Your preferences have been saved." in text_of(client, saved["Location"])

    # The policy's generated texts (the demo has no English policy page yet: its page, rendered in English).
    policy = CookiePolicyPage.objects.live().get()
    request = RequestFactory().get("/en/")
    with translation.override("en"):
        english = render_to_string("consent/cookie_policy_page.html", policy.get_context(request), request=request)
    for expected in [
        "Change your cookie preferences",
        "Cookies in the category “Strictly necessary technical cookies”",
        '<th scope="col">Provider</th>',
        "<td>ASAP (first party)</td>",
        "<td>6 months</td>",
        "Technical, first-party",
        "Non-technical, third-party",
        "Remembers your cookie choices and the anonymous consent ID.",
    ]:
        assert expected in english, expected


def test_an_address_under_en_that_leads_nowhere_gets_the_english_404(client, wagtail_root):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "<h1>Page not found</h1>" in html
    assert '<a href="/en/">Back to the home page</a>' in html
    assert "Skip to main content" in html
    for italian in ("Pagina non trovata", "Torna alla home page", "Vai al contenuto", "Cerca nel sito"):
        assert italian not in html

    italian = client.get("/nessuna-pagina/").content.decode()
    assert '<html lang="it">' in italian and "<h1>Pagina non trovata</h1>" in italian
    assert '<a href="/">Torna alla home page</a>' in italian


@pytest.mark.parametrize(
    ("status", "heading"),
    [(403, "Access denied"), (500, "Something went wrong"), (503, "Service temporarily unavailable")],
)
def test_the_error_pages_are_english_under_en_without_the_database(status, heading, django_assert_num_queries):
    request = RequestFactory().get("/en/about-us/")
    with django_assert_num_queries(0):
        html = errors.render_error(request, status).content.decode()
    assert f"<h1>{heading}</h1>" in html and '<html lang="en">' in html
    json_answer = errors.render_error(RequestFactory().get("/en/x/", HTTP_ACCEPT="application/json"), 404)
    assert json_answer.content == b'{"error": "Page not found."}'


def test_a_throttled_visitor_under_en_reads_english_with_the_wait_in_english():
    html = errors.too_many_requests(RequestFactory().get("/en/about-us/"), 120, kind="forms").content.decode()
    assert "<h1>Too many submissions in a short time</h1>" in html
    assert "Please try again in 2 minutes." in html
    assert "If you need to write to us straight away" in html
    italian = errors.too_many_requests(RequestFactory().get("/chi-siamo/"), 3600, kind="forms").content.decode()
    assert "<h1>Troppi invii in poco tempo</h1>" in italian and "Riprova tra 1 ora." in italian


def test_a_banner_text_the_editors_wrote_has_its_english_fields(client, bilingual):
    """The texts the site ships are translated for them; texts they write themselves get the
    settings' English fields, and an Italian page never shows those."""
    from consent.site_settings import CookieBannerSettings

    banner = CookieBannerSettings.for_site(bilingual[0].get_site())
    banner.title = "La tua privacy, le tue scelte"
    banner.save()
    assert "La tua privacy, le tue scelte" in text_of(client, "/en/about-us/")  # no English written yet

    banner.title_en = "Your privacy, your choices"
    banner.text_en = "We use necessary cookies and, with your consent, anonymous statistics."
    banner.save()
    english = text_of(client, "/en/about-us/")
    assert "Your privacy, your choices" in english and "with your consent, anonymous statistics." in english
    assert "La tua privacy" not in english
    italian = text_of(client, "/chi-siamo/")
    assert "La tua privacy, le tue scelte" in italian and "Your privacy" not in italian
    assert "Chiudendo il banner rifiuti i cookie non necessari." in italian
