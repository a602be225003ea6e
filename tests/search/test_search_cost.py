"""What /cerca/ costs: a query string's results are built once and shared by every visitor for a
short time (search/results.py), every search is still counted, and even the first search in a fresh
worker stays within the budget of every public page (tests/site/test_query_budget.py). Counted here:
the statements that read or write rows."""

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.search_promotions.models import Query

from search import services
from search.models import SearchQueryDay
from tests.factories import ContentPageFactory
from tests.factories.courses import CourseIndexPageFactory, CoursePageFactory, CourseSessionFactory
from tests.factories.projects import ProjectIndexPageFactory, ProjectPageFactory
from tests.factories.search import SearchPromotionFactory
from tests.search.helpers import result_titles, searchable_project

pytestmark = pytest.mark.django_db

BUDGET = 10
NEW_STRING_BUDGET = 6  # issue 27, item 5: queries for a search string nobody sent before
TRANSACTION_CONTROL = ("BEGIN", "SAVEPOINT", "RELEASE SAVEPOINT")


def statements(captured):
    """(reads, writes) among the captured SQL. The search log's transaction is neither: SQLite shows
    its BEGIN, PostgreSQL sends it without a statement of Django's, a test's transaction makes it a
    savepoint."""
    sql = [query["sql"] for query in captured.captured_queries if not query["sql"].startswith(TRANSACTION_CONTROL)]
    reads = [text for text in sql if text.lstrip().upper().startswith("SELECT")]
    return reads, [text for text in sql if text not in reads]


@pytest.fixture
def every_type(home_page):
    """Pages of every result type matching «sostenibile»."""
    projects = ProjectIndexPageFactory(parent=home_page)
    courses = CourseIndexPageFactory(parent=home_page)
    for n in range(3):
        ProjectPageFactory(parent=projects, title=f"Progetto sostenibile {n}")
        CourseSessionFactory(course=CoursePageFactory(parent=courses, title=f"Corso sostenibile {n}"))
        ContentPageFactory(parent=home_page, title=f"Pagina sostenibile {n}")


def test_the_first_search_in_a_fresh_worker_stays_within_the_budget(client, every_type):
    client.get("/cerca/", {"q": "altro"})  # another worker built the shared parts
    ContentType.objects.clear_cache()  # a new process knows no content type
    with CaptureQueriesContext(connection) as first:
        html = client.get("/cerca/", {"q": "sostenibile"}).content.decode()
    assert {title.split()[0] for title in result_titles(html)} == {"Progetto", "Corso", "Pagina"}
    reads, writes = statements(first)
    assert len(reads + writes) <= BUDGET, "\n".join(sql[:150] for sql in reads + writes)


def test_a_new_search_string_reads_the_pages_it_finds_from_the_kept_hits(client, every_type):
    """Issue 27, item 5: a query string nobody sent yet costs one read once the pages it finds have
    been shown by any search: the matches (their ids and types, which give the counts per type and
    the results); the results' titles, types and summaries come from the kept hits (search/hits.py).
    Then the search log's three writes."""
    seen = client.get("/cerca/", {"q": "sostenibile"}).content.decode()
    with CaptureQueriesContext(connection) as fresh:
        html = client.get("/cerca/", {"q": "SOSTENIBILE"}).content.decode()
    assert result_titles(html) == result_titles(seen)
    reads, writes = statements(fresh)
    assert len(reads) == 1 and len(writes) == 3, reads + writes
    assert len(reads + writes) <= NEW_STRING_BUDGET


def test_a_steered_new_search_string_needs_no_more_queries(client, every_type):
    """ "corsi sostenibile": the type word steers to the courses from the same matches."""
    client.get("/cerca/", {"q": "sostenibile"})
    with CaptureQueriesContext(connection) as fresh:
        html = client.get("/cerca/", {"q": "corsi sostenibile"}).content.decode()
    assert sorted(result_titles(html)) == [f"Corso sostenibile {n}" for n in range(3)]
    reads, writes = statements(fresh)
    assert len(reads) == 1 and len(writes) == 3, reads + writes


def test_words_no_page_has_together_are_ranked_in_one_more_read(client, every_type, home_page):
    """No page has every word: the pages with any of them, ranked by how many they match. The matches
    of each word among them are read in one statement, not one per word."""
    ContentPageFactory(parent=home_page, title="Giardino d'inverno")
    client.get("/cerca/", {"q": "GIARDINO inverno sostenibile"})  # the pages shown once
    with CaptureQueriesContext(connection) as fresh:
        html = client.get("/cerca/", {"q": "giardino inverno sostenibile"}).content.decode()
    assert result_titles(html)[0] == "Giardino d&#x27;inverno" and len(result_titles(html)) == 10
    reads, writes = statements(fresh)
    # every word, then any word, then which candidates each word matches (PostgreSQL also narrows
    # "inverno"'s spelling by trigrams, pg_trgm: one more)
    expected = 3 if connection.vendor == "sqlite" else 4
    assert len(reads) == expected and len(writes) == 3, "\n".join(sql[:300] for sql in reads)


def test_a_new_string_naming_an_organisation_reads_it_from_the_full_text_match_alone(client, home_page):
    """The organisations with published projects, and how many, are a shared part: a new string
    that names one reads the pages' matches and the organisations' (one statement each)."""
    searchable_project(ProjectIndexPageFactory(parent=home_page))
    seen = client.get("/cerca/", {"q": "Viterbo"}).content.decode()
    assert result_titles(seen) == ["Comune di Viterbo", "Accoglienza diffusa"]
    with CaptureQueriesContext(connection) as fresh:
        html = client.get("/cerca/", {"q": "viterbo"}).content.decode()
    assert result_titles(html) == result_titles(seen) and "1 progetto" in html
    reads, writes = statements(fresh)
    # PostgreSQL also narrows the spelling of «viterbo» (fewer than 3 results) by trigrams: one query
    assert len(reads) == (2 if connection.vendor == "sqlite" else 3) and len(writes) == 3, reads + writes


def test_more_matches_than_are_read_at_once_are_counted_and_paged_alike(client, every_type, monkeypatch):
    """Past KEPT_MATCHES the counts come from a faceted query and the ids from the backend: the
    same counts, types and order as when every match is read with the counts."""

    def shown(html):
        counts = re.findall(r'<span class="search-types__count">\((\d+)\)</span>', html)
        return counts, result_titles(html)

    read_at_once = [
        shown(client.get("/cerca/", {"q": "sostenibile", **extra}).content.decode())
        for extra in ({}, {"tipo": "corsi"})
    ]
    monkeypatch.setattr(services, "KEPT_MATCHES", 2)
    counted = [
        shown(client.get("/cerca/", {"q": "sostenibile", "n": 1, **extra}).content.decode())
        for extra in ({}, {"tipo": "corsi"})
    ]
    assert counted == read_at_once
    assert read_at_once[0][0][0] == "9" and len(read_at_once[1][1]) == 3


def test_a_repeated_search_shows_the_same_results_cheaply_and_is_counted_each_time(client, every_type):
    first = client.get("/cerca/", {"q": "sostenibile"}).content
    with CaptureQueriesContext(connection) as again:
        second = client.get("/cerca/", {"q": "sostenibile"}).content
    assert second == first
    reads, writes = statements(again)
    assert not reads and len(writes) == 3  # the search log and Wagtail's daily hits, nothing else
    assert SearchQueryDay.objects.get(query="sostenibile").searches == 2
    assert Query.get("sostenibile").hits == 2


def test_kept_results_follow_a_publish_and_a_new_pick(client, home_page, search_page):
    ContentPageFactory(parent=home_page, title="Fondo sociale")
    assert len(result_titles(search_page(q="fondo")[1])) == 1
    ContentPageFactory(parent=home_page, title="Fondo europeo")  # published: the caches are emptied
    assert len(result_titles(search_page(q="fondo")[1])) == 2
    SearchPromotionFactory(query_string="fondo", external_link_url="https://ec.europa.eu/", external_link_text="UE")
    assert "In evidenza" in search_page(q="fondo")[1]
