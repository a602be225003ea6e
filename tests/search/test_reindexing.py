"""Renaming or deleting a snippet that pages show (a project's organisation, fund, programme, theme
or territory; a course's venue) makes /cerca/ find those pages by the new name, not the old one."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.search.index import insert_or_update_object

from tests.factories.courses import CourseIndexPageFactory, CoursePageFactory, CourseSessionFactory, VenueFactory
from tests.factories.projects import (
    FundingProgrammeFactory,
    ProjectIndexPageFactory,
    ProjectOrganisationFactory,
    ProjectPageFactory,
    TerritoryFactory,
    ThemeFactory,
)
from tests.search.helpers import found, searchable_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(home_page):
    return ProjectIndexPageFactory(parent=home_page)


def rename(snippet, name):
    snippet.name = name
    snippet.save()


def test_renamed_organisation_finds_its_projects_by_the_new_name(client, catalogue):
    project = searchable_project(catalogue)
    # the organisation's own page (an "Ente" result) comes first, then its projects
    assert found(client, "Viterbo") == ["Comune di Viterbo", "Accoglienza diffusa"]
    rename(project.organisation_roles.get().organisation, "Provincia di Rieti")
    assert found(client, "Rieti") == ["Provincia di Rieti", "Accoglienza diffusa"]
    assert found(client, "Viterbo") == []


def test_renamed_fund_finds_its_projects_by_the_new_name(client, catalogue):
    project = searchable_project(catalogue)
    assert found(client, "Integrazione") == ["Accoglienza diffusa"]
    rename(project.fund, "Fondo Asilo Migrazione")
    assert found(client, "Asilo Migrazione") == ["Accoglienza diffusa"]
    assert found(client, "Integrazione") == []


def test_renamed_programme_theme_and_territory_find_their_projects(client, catalogue):
    programme = FundingProgrammeFactory(name="Programma annuale")
    theme, territory = ThemeFactory(name="Lavoro"), TerritoryFactory(name="Lazio")
    project = ProjectPageFactory(
        parent=catalogue,
        title="Ponti",
        fund=programme.fund,
        programme=programme,
        themes=[theme],
        territories=[territory],
    )
    insert_or_update_object(project)  # themes and territories were set after the page was saved
    for old_name in ["annuale", "Lavoro", "Lazio"]:
        assert found(client, old_name) == ["Ponti"]
    rename(programme, "Programma pluriennale")
    rename(theme, "Inclusione sociale")
    rename(territory, "Ciociaria")
    for new_name in ["pluriennale", "Inclusione sociale", "Ciociaria"]:
        assert found(client, new_name) == ["Ponti"]
    for old_name in ["annuale", "Lavoro", "Lazio"]:
        assert found(client, old_name) == []


def test_deleted_theme_no_longer_finds_its_projects(client, catalogue):
    theme = ThemeFactory(name="Seconde generazioni")
    insert_or_update_object(ProjectPageFactory(parent=catalogue, title="Ponti", themes=[theme]))
    assert found(client, "generazioni") == ["Ponti"]
    theme.delete()
    assert found(client, "generazioni") == []


def test_renamed_venue_finds_its_courses_by_the_new_name(client, home_page):
    course = CoursePageFactory(parent=CourseIndexPageFactory(parent=home_page), title="Europrogettazione")
    venue = VenueFactory(name="Sala Tevere", city="Roma")
    CourseSessionFactory(course=course, venue=venue)
    insert_or_update_object(course)  # the session was added after the page was saved
    assert found(client, "Tevere") == ["Europrogettazione"]
    rename(venue, "Sala Aniene")
    assert found(client, "Aniene") == ["Europrogettazione"]
    assert found(client, "Tevere") == []


def test_a_rename_reindexes_many_projects_in_a_fixed_number_of_queries(catalogue):
    def organisation_on(count):
        organisation = ProjectOrganisationFactory(project=ProjectPageFactory(parent=catalogue)).organisation
        for _ in range(count - 1):
            ProjectOrganisationFactory(project=ProjectPageFactory(parent=catalogue), organisation=organisation)
        return organisation

    few, many = organisation_on(1), organisation_on(8)
    with CaptureQueriesContext(connection) as for_few:
        rename(few, "Nome nuovo")
    with CaptureQueriesContext(connection) as for_many:
        rename(many, "Altro nome nuovo")
    # Only the index writes grow with the pages (one UPDATE each on SQLite); the reads do not.
    reads = lambda queries: [q for q in queries if q["sql"].lstrip().upper().startswith("SELECT")]  # noqa: E731
    assert len(reads(for_many)) == len(reads(for_few))
