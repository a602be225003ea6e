"""The English site in a real Chromium, on a phone and on a desktop: the English home asks for consent
in English, the visitor accepts, switches to Italian (no second question, an Italian interface) and
back to English. Screenshots go to /tmp/en-site-<step>-<width>.png for a person to look at."""

from urllib.parse import urlsplit

import pytest
from cookie_consent.cache import delete_cache

from consent.models import CookiePolicyPage
from core.site_settings import OrganisationSettings
from demo.loaders import consent
from tests.factories import ContentPageFactory
from tests.i18n.conftest import translate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (390, 1366)


@pytest.fixture
def bilingual_site(home_page):
    """The Italian home with "Chi siamo", their English translations and the demo's cookie registry."""
    from wagtail.models import Locale

    english = Locale.objects.get_or_create(language_code="en")[0]
    about = ContentPageFactory(parent=home_page, title="Chi siamo", slug="chi-siamo")
    translate(home_page, english, title="Home", slug="home-en", hero_title="Funded projects and training")
    translate(about, english, title="About us", slug="about-us", intro="Who we are.")
    consent.seed()
    organisation = OrganisationSettings.for_site(home_page.get_site())
    organisation.cookie_policy_page = CookiePolicyPage.objects.get()
    organisation.save()
    yield
    delete_cache()


def open_page(tab, path):
    """Load a page and wait for consent.js to have read the visitor's status."""
    with tab.expect_response("**/cookie/stato/"):
        tab.goto(path)
    tab.locator("html[data-consent]").wait_for(state="attached")


def shoot(tab, step, width):
    tab.screenshot(path=f"/tmp/en-site-{step}-{width}.png")


@pytest.mark.parametrize("width", WIDTHS)
def test_english_home_asks_in_english_and_the_choice_holds_across_the_switch(tab, bilingual_site, width):
    tab.set_viewport_size({"width": width, "height": 844 if width < 800 else 900})
    open_page(tab, "/en/")
    banner = tab.get_by_role("dialog", name="We respect your privacy")
    assert banner.is_visible()
    assert "only with your consent" in banner.inner_text()
    for name in ("Accept all", "Reject", "Customise"):
        assert banner.get_by_role("button", name=name, exact=True).is_visible()
    assert tab.get_by_role("link", name="Read the cookie policy").is_visible()
    assert tab.locator("html").get_attribute("lang") == "en"
    header = tab.locator(".site-header").inner_text()
    assert "Search" in header and "Cerca" not in header
    assert "Legal information" in tab.locator(".site-footer").inner_text()
    shoot(tab, "banner", width)

    with tab.expect_response("**/cookie/scelta/"):
        banner.get_by_role("button", name="Accept all", exact=True).click()
    banner.wait_for(state="hidden")
    shoot(tab, "accepted", width)

    with tab.expect_response("**/cookie/stato/"):
        tab.get_by_role("link", name="Italiano").click()
    tab.locator("html[data-consent]").wait_for(state="attached")
    assert urlsplit(tab.url).path == "/"  # the Italian home, at the root
    assert tab.locator("html").get_attribute("lang") == "it"
    assert tab.locator("#consent-banner").is_hidden()  # the choice holds in both languages
    assert "Cerca" in tab.locator(".site-header").inner_text()
    assert "Informazioni legali" in tab.locator(".site-footer").inner_text()
    shoot(tab, "italian", width)

    with tab.expect_response("**/cookie/stato/"):
        tab.get_by_role("link", name="English").click()
    tab.locator("html[data-consent]").wait_for(state="attached")
    assert urlsplit(tab.url).path == "/en/"
    assert tab.locator("#consent-banner").is_hidden()
    assert "Search" in tab.locator(".site-header").inner_text()
    assert tab.locator("h1").inner_text() == "Funded projects and training"
    shoot(tab, "back", width)


def test_the_english_404_in_the_browser(tab, bilingual_site):
    tab.set_viewport_size({"width": 390, "height": 844})
    response = tab.goto("/en/no-such-page/")
    assert response.status == 404
    assert tab.locator("h1").inner_text() == "Page not found"
    assert tab.get_by_role("link", name="Back to the home page").get_attribute("href") == "/en/"
    shoot(tab, "404", 390)
