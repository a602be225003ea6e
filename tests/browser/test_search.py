"""A visitor searches from the header box, reads the results and narrows them by type."""

import pytest

from tests.factories import ContentPageFactory
from tests.factories.courses import CourseIndexPageFactory, CoursePageFactory, CourseSessionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(home_page):
    ContentPageFactory(
        parent=home_page, title="Formazione per gli enti", slug="formazione-enti", intro="Corsi su misura."
    )
    ContentPageFactory(parent=home_page, title="Chi siamo", slug="chi-siamo", intro="Progettazione e formazione.")
    return home_page


def test_visitor_searches_from_the_header_and_narrows_to_pages(tab, site, assert_accessible):
    tab.goto("/chi-siamo/")
    box = tab.get_by_role("combobox", name="Cerca")
    box.fill("formazione")
    box.press("Enter")
    tab.wait_for_url("**/cerca/?q=formazione")
    assert tab.get_by_role("status").inner_text().startswith("2 risultati per «formazione»")
    first = tab.locator(".search-result").first
    assert first.get_by_role("heading").inner_text() == "Formazione per gli enti"
    assert tab.locator(".search-result mark").first.inner_text().lower() == "formazione"
    assert_accessible(tab)

    filters = tab.get_by_role("navigation", name="Filtra per tipo")
    filters.get_by_role("link", name="Pagine (2)").click()
    tab.wait_for_url("**/cerca/?q=formazione&tipo=pagine")
    assert filters.get_by_role("link", name="Pagine (2)").get_attribute("aria-current") == "true"
    assert tab.locator(".search-result__type").all_inner_texts() == ["Pagina", "Pagina"]


def test_no_result_page_is_accessible_and_helps(tab, site, assert_accessible):
    tab.goto("/cerca/?q=introvabile")
    assert tab.get_by_role("heading", name="Nessun risultato").is_visible()
    assert_accessible(tab)


def test_visitor_searches_from_the_header_and_narrows_to_courses(tab, site, assert_accessible):
    courses = CourseIndexPageFactory(parent=site)
    CourseSessionFactory(
        course=CoursePageFactory(parent=courses, title="Formazione dei formatori", code="ASAP-FOR-01", slug="formatori")
    )
    tab.goto("/")
    box = tab.get_by_role("combobox", name="Cerca")
    box.fill("formazione")
    box.press("Enter")
    tab.wait_for_url("**/cerca/?q=formazione")
    filters = tab.get_by_role("navigation", name="Filtra per tipo")
    assert filters.get_by_role("link", name="Tutti (3)").get_attribute("aria-current") == "true"
    filters.get_by_role("link", name="Corsi (1)").click()
    tab.wait_for_url("**/cerca/?q=formazione&tipo=corsi")
    assert tab.get_by_role("status").inner_text() == "1 risultato per «formazione» tra corsi"
    result = tab.locator(".search-result")
    assert result.get_by_role("heading").inner_text() == "Formazione dei formatori"
    assert result.locator(".search-result__type").inner_text() == "Corso"
    assert result.locator(".search-result__detail").inner_text().startswith("Iscrizioni aperte · prossima edizione: ")
    assert_accessible(tab)
    result.get_by_role("link", name="Formazione dei formatori").click()
    tab.wait_for_url("**/formatori/")
