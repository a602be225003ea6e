"""A visitor's view of the skeleton: real Chromium, axe-core on every page type."""

import pytest

from core.site_settings import NavigationItem, NavigationSettings
from tests.factories import ContentPageFactory
from tests.factories.accessibility import AccessibilityFeedbackPageFactory, AccessibilityStatementPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(home_page):
    about = ContentPageFactory(
        parent=home_page,
        title="Chi siamo",
        slug="chi-siamo",
        body=[("heading", {"text": "I servizi", "level": "h2"}), ("paragraph", "<p>Progettazione e gestione.</p>")],
    )
    statement = AccessibilityStatementPageFactory(parent=home_page, out_of_scope="<p>I video di terzi.</p>")
    AccessibilityFeedbackPageFactory(parent=statement)
    nav = NavigationSettings.for_site(home_page.get_site())
    nav.items.add(NavigationItem(page=about, sort_order=0))
    nav.save()
    return home_page


@pytest.mark.parametrize(
    "path", ["/", "/chi-siamo/", "/dichiarazione-di-accessibilita/", "/non-esiste/", "/cerca/?q=servizi"]
)
def test_page_types_have_no_accessibility_violations(tab, site, assert_accessible, path):
    tab.goto(path)
    assert tab.locator("html").get_attribute("lang") == "it"
    assert_accessible(tab)


def test_skip_link_and_phone_menu_work_with_the_keyboard(tab, site):
    tab.set_viewport_size({"width": 390, "height": 800})
    tab.goto("/")
    menu = tab.locator("#menu-principale")
    assert not menu.is_visible()
    toggle = tab.get_by_role("button", name="Menu")
    toggle.focus()
    tab.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    tab.get_by_role("link", name="Chi siamo").first.click()
    tab.wait_for_url("**/chi-siamo/")
    assert tab.get_by_role("heading", level=1).inner_text() == "Chi siamo"

    tab.keyboard.press("Tab")
    skip = tab.get_by_role("link", name="Vai al contenuto principale")
    assert skip.evaluate("el => el === document.activeElement")
    tab.keyboard.press("Enter")
    assert tab.evaluate("document.activeElement.id") == "contenuto"
