"""Suggestions while typing in the header box (issue 25): an ARIA 1.2 combobox a visitor works with the
keyboard alone and a screen reader can follow (aria-expanded, aria-activedescendant, a live count), and
a plain search form without JavaScript."""

import pytest

from tests.factories.courses import CourseIndexPageFactory, CoursePageFactory, CourseSessionFactory
from tests.factories.projects import ProjectIndexPageFactory, ProjectPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(home_page):
    courses = CourseIndexPageFactory(parent=home_page)
    CourseSessionFactory(
        course=CoursePageFactory(parent=courses, title="Rendicontazione dei progetti FSE+", slug="rendiconti")
    )
    projects = ProjectIndexPageFactory(parent=home_page)
    ProjectPageFactory(parent=projects, title="Rendicontazione sociale nei comuni", slug="rendicontazione-comuni")
    return home_page


def test_typing_suggests_titles_and_the_keyboard_opens_one(tab, site, assert_accessible):
    tab.goto("/")
    box = tab.get_by_role("combobox", name="Cerca")
    assert box.get_attribute("aria-expanded") == "false"
    box.press_sequentially("rendic")
    listbox = tab.get_by_role("listbox", name="Suggerimenti")
    listbox.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    options = listbox.get_by_role("option")
    assert sorted(options.all_inner_texts()) == [
        "Rendicontazione dei progetti FSE+\nCorso",
        "Rendicontazione sociale nei comuni\nProgetto",
    ]
    assert tab.locator(".search-suggestions__status").inner_text() == "2 suggerimenti"
    assert box.get_attribute("aria-activedescendant") is None

    box.press("ArrowDown")
    first = options.nth(0)
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    assert first.get_attribute("aria-selected") == "true"
    assert box.evaluate("element => element === document.activeElement")  # focus stays in the box
    assert_accessible(tab)
    box.press("ArrowDown")
    box.press("ArrowUp")
    chosen = first.locator(".search-suggestions__title").inner_text()
    box.press("Enter")
    tab.wait_for_url("**/rendiconti/" if chosen.startswith("Rendicontazione dei") else "**/rendicontazione-comuni/")
    assert tab.get_by_role("heading", level=1).inner_text() == chosen


def test_escape_closes_and_enter_without_a_choice_searches(tab, site):
    tab.goto("/")
    box = tab.get_by_role("combobox", name="Cerca")
    box.press_sequentially("rendic")
    tab.get_by_role("listbox", name="Suggerimenti").wait_for()
    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    assert not tab.get_by_role("listbox").is_visible()
    box.press("Enter")
    tab.wait_for_url("**/cerca/?q=rendic")


def test_without_javascript_the_box_is_a_plain_search(browser, live_server, site):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False, locale="it-IT")
    tab = context.new_page()
    tab.goto("/")
    assert tab.get_by_role("combobox").count() == 0
    box = tab.get_by_role("searchbox", name="Cerca")
    box.fill("rendicontazione")
    box.press("Enter")
    tab.wait_for_url("**/cerca/?q=rendicontazione")
    titles = tab.locator(".search-result__title").all_inner_texts()
    assert {"Rendicontazione dei progetti FSE+", "Rendicontazione sociale nei comuni"} <= set(titles)
    context.close()
