"""Search as visitors phrase it (issue 25): type words steer the type, partial matches rank by how many
words match, stop words and elisions are ignored, a typo gets a correction built from the site's titles,
and editors' synonyms widen a query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from search.models import SearchSynonym
from tests.factories import ContentPageFactory
from tests.factories.courses import CourseIndexPageFactory, CoursePageFactory, CourseSessionFactory
from tests.factories.projects import ProjectIndexPageFactory, ProjectPageFactory
from tests.search.helpers import result_titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogues(home_page):
    courses = CourseIndexPageFactory(parent=home_page)
    projects = ProjectIndexPageFactory(parent=home_page)
    for title in ("Appalti pubblici nei progetti finanziati", "Rendicontazione dei progetti FSE+"):
        CourseSessionFactory(course=CoursePageFactory(parent=courses, title=title, summary="Un corso pratico."))
    ProjectPageFactory(parent=projects, title="Appalti verdi nei comuni", summary="Acquisti sostenibili.")
    ProjectPageFactory(parent=projects, title="Integrazione dei cittadini di Paesi terzi", summary="Accoglienza.")
    return home_page


def test_a_type_word_steers_to_that_type_instead_of_being_required(search_page, catalogues):
    _response, html = search_page(q="corsi appalti")
    assert result_titles(html) == ["Appalti pubblici nei progetti finanziati"]
    assert "1 risultato per «corsi appalti» tra corsi" in html
    # Every type, at one click: the project matching "appalti" too.
    assert 'href="?q=corsi+appalti&amp;tipo=tutti"' in html
    _response, html = search_page(q="corsi appalti", tipo="tutti")
    assert set(result_titles(html)) == {"Appalti pubblici nei progetti finanziati", "Appalti verdi nei comuni"}


def test_a_type_word_is_plain_text_when_the_type_has_no_match(search_page, catalogues):
    _response, html = search_page(q="progetti rendicontazione")
    assert result_titles(html)[0] == "Rendicontazione dei progetti FSE+"  # a course, whose title says "progetti"
    assert "tra progetti" not in html


def test_when_not_every_word_matches_pages_matching_more_words_come_first(search_page, catalogues):
    _response, html = search_page(q="appalti comuni introvabile")
    assert result_titles(html)[:2] == ["Appalti verdi nei comuni", "Appalti pubblici nei progetti finanziati"]


def test_stop_words_elisions_and_question_words_are_not_required(search_page, catalogues):
    for query in ("come si fa la rendicontazione dei progetti", "l'integrazione dei cittadini"):
        assert result_titles(search_page(q=query)[1])[:1] != [], query
    assert result_titles(search_page(q="dell'integrazione")[1]) == ["Integrazione dei cittadini di Paesi terzi"]


def test_a_one_letter_slip_still_finds_the_page_and_offers_the_spelling(search_page, catalogues):
    _response, html = search_page(q="rendicontazzione")
    assert result_titles(html)[0] == "Rendicontazione dei progetti FSE+"
    assert 'Forse cercavi: <a href="?q=rendicontazione">rendicontazione</a>' in html
    assert "Nessun risultato per «rendicontazzione»" in html


def test_few_results_offer_a_spelling_from_the_site_titles(search_page, catalogues):
    ContentPageFactory(parent=catalogues, title="Note", intro="Su appalto e rendicontazone.")  # a typo in a page
    _response, html = search_page(q="rendicontazone")
    assert result_titles(html) == ["Note"]
    assert 'Forse cercavi: <a href="?q=rendicontazione">rendicontazione</a>' in html


def test_editors_synonyms_widen_a_query_at_once(search_page, catalogues):
    assert "Rendicontazione dei progetti FSE+" not in result_titles(search_page(q="fondo sociale europeo")[1])
    SearchSynonym.objects.create(terms="FSE, Fondo sociale europeo", locale=catalogues.locale)
    assert "Rendicontazione dei progetti FSE+" in result_titles(search_page(q="fondo sociale europeo")[1])
    assert "Integrazione dei cittadini di Paesi terzi" not in result_titles(search_page(q="stranieri")[1])
    SearchSynonym.objects.create(terms="stranieri, cittadini di paesi terzi", locale=catalogues.locale)
    assert result_titles(search_page(q="stranieri")[1])[0] == "Integrazione dei cittadini di Paesi terzi"


def test_synonyms_of_another_language_do_not_apply(search_page, catalogues):
    english = Locale.objects.get_or_create(language_code="en")[0]
    SearchSynonym.objects.create(terms="migrants, stranieri, cittadini di paesi terzi", locale=english)
    assert "Integrazione dei cittadini di Paesi terzi" not in result_titles(search_page(q="stranieri")[1])


@pytest.mark.parametrize(("typo", "spelling"), [("rendicontazzione", "rendicontazione"), ("apalti", "appalti")])
def test_the_same_typo_gets_the_same_spelling_on_either_database(search_page, catalogues, typo, spelling):
    """Issue 25 item 2: on PostgreSQL pg_trgm's trigram similarity picks the candidates (one query
    with `similarity(`), on SQLite the Python comparison alone; the suggestion is the same."""
    with CaptureQueriesContext(connection) as queries:
        html = search_page(q=typo)[1]
    assert f'Forse cercavi: <a href="?q={spelling}">{spelling}</a>' in html
    trigram = [query for query in queries.captured_queries if "similarity(" in query["sql"]]
    assert bool(trigram) == (connection.vendor == "postgresql")
