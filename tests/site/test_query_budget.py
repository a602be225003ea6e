"""Every uncached public page costs at most 12 queries, and the same number with three times the
content: the shared parts come from the cache, the routing takes three queries at any depth
(`serving.routing`), a catalogue counts all its facets in one, and listings prefetch per relation."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.site_settings import NavigationItem, NavigationSettings
from tests.factories import ContentPageFactory
from tests.factories.courses import CoursePageFactory, CourseSessionFactory
from tests.factories.projects import (
    FundFactory,
    OrganisationFactory,
    ProjectOrganisationFactory,
    ProjectPageFactory,
    TerritoryFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db

BUDGET = 12


def add_content(home, projects, courses, count):
    """`count` more of everything a page lists: projects with their fund, themes, territories and
    partners, courses with two sessions, content pages in the menu."""
    menu = NavigationSettings.for_site(home.get_site())
    for n in range(count):
        organisation = OrganisationFactory()
        project = ProjectPageFactory(
            parent=projects,
            title=f"Progetto sostenibile {n}",
            fund=FundFactory(),
            planned_start=datetime.date(2010 + n % 10, 1, 1),
            themes=[ThemeFactory()],
            territories=[TerritoryFactory()],
        )
        ProjectOrganisationFactory(project=project, organisation=organisation, role="capofila")
        course = CoursePageFactory(parent=courses)
        CourseSessionFactory.create_batch(2, course=course)
        menu.items.add(NavigationItem(page=ContentPageFactory(parent=home)))
    menu.save()
    return organisation


@pytest.fixture
def site_pages(home_page, project_catalogue, course_catalogue):
    ContentPageFactory(parent=home_page, title="Chi siamo", slug="chi-siamo")
    organisation = add_content(home_page, project_catalogue, course_catalogue, 2)
    project = project_catalogue.get_children().first()
    course = course_catalogue.get_children().first()
    return {
        "home": "/",
        "content page": "/chi-siamo/",
        "project catalogue": project_catalogue.url,
        "project page": project.url,
        "organisation page": f"{project_catalogue.url}ente/{organisation.slug}/",
        "course catalogue": course_catalogue.url,
        "course page": course.url,
        "search": "/cerca/?q=sostenibile",
        "404": "/pagina-che-non-esiste/",
    }


def queries_for(client, url):
    client.get(url)  # the first visitor after a change builds the shared parts
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code in (200, 404)
    return len(captured)


def test_every_public_page_stays_within_the_budget_as_content_grows(
    client, site_pages, home_page, project_catalogue, course_catalogue
):
    few = {page: queries_for(client, url) for page, url in site_pages.items()}
    add_content(home_page, project_catalogue, course_catalogue, 4)
    many = {page: queries_for(client, url) for page, url in site_pages.items()}
    assert all(count <= BUDGET for count in few.values()), few
    assert many == few, f"with 3 times the content: {many}, before: {few}"


def test_catalogue_counts_are_shared_by_orders_and_pages_and_follow_a_publish(client, project_catalogue):
    theme = ThemeFactory(name="Inclusione")
    for n in range(2):
        ProjectPageFactory(parent=project_catalogue, title=f"Progetto {n}", themes=[theme])
    first = client.get(project_catalogue.url).content.decode()
    assert "2 progetti" in first and "Inclusione (2)" in first
    with CaptureQueriesContext(connection) as by_cost:
        html = client.get(f"{project_catalogue.url}?ordine=budget").content.decode()
    assert "2 progetti" in html and "Inclusione (2)" in html
    assert not any("UNION" in query["sql"] for query in by_cost.captured_queries)  # the counts were kept
    ProjectPageFactory(parent=project_catalogue, title="Progetto nuovo", themes=[theme])  # saved live: a purge
    html = client.get(f"{project_catalogue.url}?ordine=budget").content.decode()
    assert "3 progetti" in html and "Inclusione (3)" in html
