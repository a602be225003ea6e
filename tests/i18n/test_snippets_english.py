"""Themes, territories and venues are translatable snippets: an English page shows their English
texts (the Italian ones where none is written), links and filters keep the Italian rows' ids and
slugs, the Italian pages stay Italian, and the number of queries does not grow with the rows shown."""

import re

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.courses import CoursePageFactory, CourseSessionFactory, VenueFactory
from tests.factories.projects import ProjectPageFactory, TerritoryFactory, ThemeFactory

from .conftest import translate

pytestmark = pytest.mark.django_db


def translated_snippet(row, locale, **texts):
    """The `locale` translation of `row`, as wagtail-localize's editor leaves it."""
    translation = row.copy_for_translation(locale)
    for name, value in texts.items():
        setattr(translation, name, value)
    translation.save()
    return translation


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.fixture
def english_catalogue(bilingual, project_catalogue, english):
    """An Italian project with a theme and two territories, its English translation; the theme and
    one territory translated."""
    theme = ThemeFactory(name="Inclusione sociale", slug="inclusione-sociale")
    italy = TerritoryFactory(name="Italia")
    lazio = TerritoryFactory(name="Lazio")
    project = ProjectPageFactory(parent=project_catalogue, title="Progetto Ponte", slug="ponte", themes=[theme])
    project.territories.set([italy, lazio])
    project.save_revision().publish()
    catalogue_en = translate(project_catalogue, english, title="Projects", slug="projects")
    project_en = translate(project, english, title="Bridge project", slug="bridge")
    translated_snippet(theme, english, name="Social inclusion")
    translated_snippet(italy, english, name="Italy")
    return {"theme": theme, "italy": italy, "lazio": lazio, "project": project, "en": project_en, "index": catalogue_en}


def test_an_english_project_page_names_themes_and_territories_in_english_linking_the_same_filters(
    client, english_catalogue
):
    html = html_of(client, english_catalogue["en"].url)
    italy = english_catalogue["italy"]
    assert re.search(r'<a href="/en/projects/\?tema=inclusione-sociale">Social inclusion</a>', html)
    assert re.search(rf'<a href="/en/projects/\?territorio={italy.pk}">Italy</a>', html)
    assert re.search(rf'\?territorio={english_catalogue["lazio"].pk}">Lazio</a>', html)  # not translated


def test_the_italian_page_stays_italian_after_the_english_one(client, english_catalogue):
    html_of(client, english_catalogue["en"].url)
    html = html_of(client, english_catalogue["project"].url)
    assert ">Inclusione sociale</a>" in html and ">Italia</a>" in html
    assert "Social inclusion" not in html and ">Italy<" not in html


def test_the_english_catalogue_filters_by_the_same_slugs_and_ids(client, english_catalogue):
    index = english_catalogue["index"].url
    html = html_of(client, f"{index}?tema=inclusione-sociale")
    assert "Bridge project" in html and "Social inclusion" in html
    html = html_of(client, f"{index}?territorio={english_catalogue['italy'].pk}")
    assert "Bridge project" in html
    assert "Italy, Lazio" in html or "Lazio, Italy" in html  # the card's territories
    # The Italian catalogue lists each theme once, in Italian: the English row is no facet option.
    italian = html_of(client, "/progetti/")
    assert italian.count("Inclusione sociale") >= 1 and "Social inclusion" not in italian


def test_a_changed_translation_shows_at_once(client, english_catalogue, english):
    html_of(client, english_catalogue["en"].url)
    translation = english_catalogue["theme"].get_translation(english)
    translation.name = "Social inclusion of migrants"
    translation.save()
    assert ">Social inclusion of migrants</a>" in html_of(client, english_catalogue["en"].url)


def catalogue_queries(client, url):
    """The queries of `url` with no part kept yet."""
    for each in caches.all():
        each.clear()  # every part built afresh, as after a change
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_english_catalogue_queries_do_not_grow_with_the_translated_territories(client, english_catalogue, english):
    url = english_catalogue["index"].url
    catalogue_queries(client, url)  # what a process reads once (content types, locales)
    before = catalogue_queries(client, url)
    for n in range(3):
        territory = translated_snippet(TerritoryFactory(name=f"Provincia {n}"), english, name=f"Province {n}")
        source = territory.get_translation(english_catalogue["italy"].locale)
        english_catalogue["en"].territories.add(source)
        project = ProjectPageFactory(parent=english_catalogue["index"], slug=f"p-{n}", territories=[source])
        project.save_revision().publish()
    assert catalogue_queries(client, url) == before


def test_an_english_course_page_shows_the_venue_in_english(client, bilingual, course_catalogue, english):
    venue = VenueFactory(name="Sala Nazionale", accessibility_notes="Ingresso senza gradini.")
    course = CoursePageFactory(parent=course_catalogue, title="Progettare con i fondi UE", slug="fondi-ue")
    CourseSessionFactory(course=course, venue=venue)
    course.save_revision().publish()
    translate(course_catalogue, english, title="Courses", slug="courses")
    course_en = translate(course, english, title="Designing EU-funded projects", slug="eu-funds")
    translated_snippet(venue, english, accessibility_notes="Step-free entrance.")
    assert "Step-free entrance." in html_of(client, course_en.url)
    assert "Ingresso senza gradini." in html_of(client, course.url)


def seen_before_queries(client, url):
    """The queries of `url` for a visitor after the first: the shared parts are kept."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_an_english_page_seen_before_costs_the_queries_of_its_italian_source(client, english_catalogue):
    """The English home, the banner's cookie policy and the routing are kept per language as the
    Italian ones are: no lookup of a translation on every request."""
    for italian, english in [
        (english_catalogue["project"].url, english_catalogue["en"].url),
        (english_catalogue["index"].get_parent().url, english_catalogue["index"].url),
    ]:
        assert seen_before_queries(client, english) == seen_before_queries(client, italian)
