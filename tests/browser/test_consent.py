"""The cookie banner in a real Chromium. Every request leaving the live server is intercepted and
answered locally (a fake Matomo on matomo.analytics.test), so the tests see exactly which third-party
hosts the page contacts, and when."""

import datetime
import re
import time

import pytest
from cookie_consent.cache import delete_cache
from django.utils import timezone
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from analytics.models import DailyPageView
from consent.models import ConsentRecord, CookiePolicyPage
from core.site_settings import NavigationItem, NavigationSettings
from home.models import HomePage
from tests.factories import ContentPageFactory
from tests.factories.consent import CookieFactory, make_registry

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MATOMO = "https://matomo.analytics.test/"
VIDEO_URL = "https://www.youtube.com/watch?v=prova"
# Stands in for matomo.js: sets Matomo's cookie and sends one hit to the tracker URL from _paq.
FAKE_MATOMO_JS = """
document.cookie = "_pk_id.1.abcd=visitatore; path=/; max-age=3600";
var tracker = (window._paq || []).filter(function (c) { return c[0] === "setTrackerUrl"; })[0][1];
fetch(tracker + "?idsite=1&rec=1", {mode: "no-cors"});
"""


@pytest.fixture
def site(home_page):
    registry = make_registry(home_page.get_site(), provider="matomo", matomo_url=MATOMO, matomo_site_id=1)
    CookieFactory(cookiegroup=registry["statistics"], name="_pk_id.*", description="Matomo")
    Embed.objects.create(
        hash=get_embed_hash(VIDEO_URL),
        url=VIDEO_URL,
        max_width=None,
        type="video",
        html='<iframe src="https://www.youtube.com/embed/prova" title="Video di prova"></iframe>',
        provider_name="YouTube",
    )
    about = ContentPageFactory(
        parent=home_page,
        title="Chi siamo",
        slug="chi-siamo",
        body=[("embed", {"embed": VIDEO_URL, "title": "Video di presentazione"})],
    )
    nav = NavigationSettings.for_site(home_page.get_site())
    nav.items.add(NavigationItem(page=about, sort_order=0))
    nav.save()
    yield registry
    delete_cache()


@pytest.fixture
def outside(tab, live_server):
    """URLs of every request to a host other than the live server; each is answered locally."""
    seen = []

    def handle(route):
        url = route.request.url
        if url.startswith(live_server.url):
            route.continue_()
            return
        seen.append(url)
        if url.endswith("matomo.js"):
            route.fulfill(status=200, content_type="application/javascript", body=FAKE_MATOMO_JS)
        else:
            route.fulfill(status=204, body="")

    tab.context.route("**/*", handle)
    return seen


def open_page(tab, path="/"):
    """Load a page and wait for consent.js to have read the visitor's status. (Waits use locators and
    Python polling: Playwright's wait_for_function evaluates strings, which the site's CSP forbids.)"""
    with tab.expect_response("**/cookie/stato/"):
        tab.goto(path)
    tab.locator("html[data-consent]").wait_for(state="attached")


def banner(tab):
    return tab.get_by_role("dialog", name="Rispettiamo la tua privacy")


def cookie_names(tab):
    return {cookie["name"] for cookie in tab.context.cookies()}


def decide(tab, button_name):
    with tab.expect_response("**/cookie/scelta/"):
        banner(tab).get_by_role("button", name=button_name, exact=True).click()
    banner(tab).wait_for(state="hidden")


def wait_until(condition, tab=None, timeout=5):
    """Poll a condition (the beacon and the route handler are asynchronous). With `tab`, Playwright
    keeps dispatching its events (route handlers) while waiting."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condizione non raggiunta")
        if tab is None:
            time.sleep(0.05)
        else:
            tab.wait_for_timeout(50)


def test_first_visit_sets_no_cookie_but_technical_ones_and_browsing_does_not_consent(
    tab, site, outside, assert_accessible
):
    open_page(tab)
    assert banner(tab).is_visible()
    assert cookie_names(tab) <= {"csrftoken"}  # technical, for the banner's own POST
    assert_accessible(tab)

    tab.mouse.wheel(0, 2000)
    tab.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    tab.locator("main h1, main").first.click()
    for key in ("Tab", "Escape", "Enter", "a", "End"):
        tab.keyboard.press(key)
    with tab.expect_response("**/cookie/stato/"):
        tab.get_by_role("link", name="Chi siamo").first.click()
    tab.locator("html[data-consent]").wait_for(state="attached")

    assert banner(tab).is_visible()
    assert ConsentRecord.objects.count() == 0
    assert cookie_names(tab) <= {"csrftoken"}
    assert outside == []
    assert tab.locator("iframe").count() == 0


@pytest.mark.parametrize(
    ("button", "action"),
    [("Chiudi senza accettare (rifiuta i cookie non necessari)", "close"), ("Rifiuta", "reject_all")],
)
def test_x_and_rifiuta_record_a_refusal_and_load_nothing(tab, site, outside, button, action):
    open_page(tab)
    decide(tab, button)

    record = ConsentRecord.objects.get()
    assert record.action == action and not any(record.choices.values())
    consent_cookie = next(cookie for cookie in tab.context.cookies() if cookie["name"] == "cookie_consent")
    assert consent_cookie["sameSite"] == "Lax" and consent_cookie["httpOnly"]
    assert consent_cookie["expires"] >= time.time() + 180 * 24 * 3600
    assert record.consent_id in consent_cookie["value"]

    open_page(tab, "/chi-siamo/")
    assert not banner(tab).is_visible()
    assert outside == [] and DailyPageView.objects.count() == 0
    assert tab.locator("iframe").count() == 0


def test_accetta_tutti_loads_analytics_the_beacon_and_embeds_without_a_reload(tab, site, outside):
    open_page(tab, "/chi-siamo/")
    tab.evaluate("window.__stessaPagina = true")
    with tab.expect_request(MATOMO + "matomo.php?idsite=1&rec=1"), tab.expect_request("**/statistiche/visita/"):
        decide(tab, "Accetta tutti")

    assert tab.evaluate("window.__stessaPagina") is True
    assert MATOMO + "matomo.js" in outside
    tab.locator("iframe[title='Video di prova']").wait_for()
    wait_until(lambda: DailyPageView.objects.filter(page__slug="chi-siamo", views=1).exists())
    assert ConsentRecord.objects.get().choices == {"statistiche": True, "video": True}
    assert any(name.startswith("_pk_id") for name in cookie_names(tab))


def test_personalizza_starts_unticked_and_saves_exactly_what_was_ticked(tab, site, outside, assert_accessible):
    open_page(tab, "/chi-siamo/")
    toggle = banner(tab).get_by_role("button", name="Personalizza")
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    necessary = tab.get_by_label("Necessari (sempre attivi)")
    assert necessary.is_checked() and necessary.is_disabled()
    assert not tab.get_by_label("Statistiche").is_checked()
    assert not tab.get_by_label("Video di terze parti").is_checked()
    assert_accessible(tab)

    tab.get_by_label("Video di terze parti").check()
    decide(tab, "Salva le scelte")

    assert ConsentRecord.objects.get().choices == {"statistiche": False, "video": True}
    tab.locator("iframe[title='Video di prova']").wait_for()
    assert not any("analytics.test" in url for url in outside)


def test_footer_link_reopens_the_choices_and_withdrawing_stops_analytics_and_deletes_its_cookies(tab, site, outside):
    open_page(tab)
    with tab.expect_request(MATOMO + "matomo.php?idsite=1&rec=1"):
        decide(tab, "Accetta tutti")
    wait_until(lambda: any(name.startswith("_pk_id") for name in cookie_names(tab)), tab)
    wait_until(lambda: any("matomo.php" in url for url in outside), tab)

    link = tab.get_by_role("link", name="Preferenze cookie")
    link.click()
    banner(tab).wait_for(state="visible")
    assert tab.evaluate("document.activeElement.id") == "consent-banner"
    assert tab.get_by_label("Statistiche").is_checked()  # shows the current choice
    decide(tab, "Rifiuta")

    assert not any(name.startswith("_pk_id") for name in cookie_names(tab))
    assert tab.evaluate("document.activeElement.textContent") == "Preferenze cookie"
    assert ConsentRecord.objects.order_by("-pk").first().action == "reject_all"
    hits = len(outside)
    open_page(tab, "/chi-siamo/")
    assert len(outside) == hits and not banner(tab).is_visible()


def test_who_accepted_is_asked_again_after_the_registry_changes(tab, site, outside):
    open_page(tab)
    with tab.expect_request(MATOMO + "matomo.php?idsite=1&rec=1"):
        decide(tab, "Accetta tutti")

    wait_until(lambda: any("matomo.php" in url for url in outside), tab)  # the route handler runs after the request
    new_cookie = CookieFactory(cookiegroup=site["statistics"], name="_pk_ses.*", description="Matomo, sessione")
    type(new_cookie).objects.filter(pk=new_cookie.pk).update(created=timezone.now() + datetime.timedelta(minutes=1))
    delete_cache()
    hits = len(outside)

    open_page(tab, "/chi-siamo/")
    assert banner(tab).is_visible()
    assert [url for url in outside[hits:] if "analytics.test" in url] == []  # they wait for the new answer


def test_policy_and_preferences_pages_are_accessible_and_the_policy_link_reopens_the_choices(
    tab, site, outside, assert_accessible
):
    policy = CookiePolicyPage(title="Cookie policy", slug="cookie-policy", intro="Come usiamo i cookie.")
    HomePage.objects.get().add_child(instance=policy)
    open_page(tab, policy.url)
    decide(tab, "Rifiuta")
    assert tab.get_by_role("cell", name="Google Ireland (YouTube)").is_visible()
    assert_accessible(tab)

    tab.get_by_role("link", name="Modifica le tue preferenze sui cookie").click()
    banner(tab).wait_for(state="visible")
    assert tab.get_by_role("checkbox", name="Statistiche").is_visible()

    open_page(tab, "/cookie/preferenze/")
    assert_accessible(tab)
    tab.locator("main").get_by_label("Statistiche").check()
    tab.locator("main").get_by_role("button", name="Salva le scelte").click()
    tab.get_by_text("Le tue preferenze sono state salvate").wait_for()
    assert ConsentRecord.objects.order_by("-pk").first().choices == {"statistiche": True, "video": False}


def test_editor_picks_a_date_range_in_the_statistics_report(tab, site, superuser, live_server):
    today = timezone.localdate()
    DailyPageView.objects.create(day=today, page=HomePage.objects.get(), device_class="desktop", views=9)
    DailyPageView.objects.create(
        day=today - datetime.timedelta(days=40), page=HomePage.objects.get(), device_class="mobile", views=4
    )
    tab.goto("/admin/login/")
    tab.get_by_label("Nome utente").fill("capo")
    tab.get_by_label("Password").fill("una-password-robusta")
    tab.get_by_role("button", name="Accedi").click()
    tab.get_by_text("Visite negli ultimi 30 giorni").wait_for()
    tab.get_by_role("link", name="Apri le statistiche").click()
    tab.get_by_role("heading", name=re.compile(r"Visite nel periodo .*: 9$")).wait_for()

    tab.get_by_label("Dal").fill((today - datetime.timedelta(days=60)).isoformat())
    tab.get_by_role("button", name="Aggiorna").click()
    tab.get_by_role("heading", name=re.compile(r"Visite nel periodo .*: 13$")).wait_for()
    assert tab.locator(".stats-report__chart rect").count() == 61
    with tab.expect_download() as download:
        tab.get_by_role("link", name="Esporta CSV").click()
    assert download.value.suggested_filename.startswith("statistiche-")
