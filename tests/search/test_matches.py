"""The hand-written statements of search/matches.py (SQLite: search/sqlite_backend.py, PostgreSQL:
search/postgres_backend.py) find the same pages, in the same order, as modelsearch's queryset they
stand in for: one word, every word, any word, editors' synonyms."""

import pytest
from modelsearch.query import And, Or, PlainText
from wagtail.models import Page

from search import matches
from search.plans import Plan, backend_query, word_queries
from search.services import _best_first, live_pages
from search.types import result_types
from tests.factories import ContentPageFactory
from tests.factories.courses import CourseIndexPageFactory, CoursePageFactory
from tests.factories.projects import ProjectIndexPageFactory, ProjectPageFactory

pytestmark = pytest.mark.django_db

PLANS = [
    Plan(("fondi",)),
    Plan(("fondi", "europei")),
    Plan(("accoglienza", "lazio", "progetto")),
    Plan(("fondi", "formazione"), any_word=True),
    Plan(("giardino", "lazio", "mediatori"), any_word=True),
]
SYNONYMS = [
    And([Or([PlainText("fondi europei"), PlainText("fse")]), PlainText("lazio")]),
    Or([PlainText("fondi europei"), PlainText("fse"), PlainText("formazione")]),
]


@pytest.fixture
def pages(home_page):
    projects = ProjectIndexPageFactory(parent=home_page)
    courses = CourseIndexPageFactory(parent=home_page)
    for n, (title, summary) in enumerate(
        [
            ("Fondi europei per il Lazio", "Accoglienza e integrazione."),
            ("Accoglienza nel Lazio", "Un progetto finanziato dai fondi europei FSE."),
            ("Progetto di accoglienza", "Mediatori culturali nel Lazio."),
            ("Fondi regionali", "Progetto per la formazione."),
        ]
    ):
        ProjectPageFactory(parent=projects, title=title, summary=summary, slug=f"progetto-{n}")
    CoursePageFactory(parent=courses, title="Formazione sui fondi europei", summary="Un corso nel Lazio.")
    CoursePageFactory(parent=courses, title="Mediatori culturali", summary="Formazione FSE per l'accoglienza.")
    ContentPageFactory(parent=home_page, title="Giardino d'inverno", intro="Fondi per il verde del Lazio.")
    ContentPageFactory(parent=home_page, title="Fondi FSE", intro="Fondi europei, fondi regionali, fondi.")


def queryset_rows(query):
    models = result_types.page_models()
    return list(live_pages(models).search(query).get_queryset().values_list("pk", "content_type_id")[:50])


@pytest.mark.parametrize("plan", PLANS, ids=lambda plan: " ".join(plan.terms) + (" (any)" if plan.any_word else ""))
def test_a_plans_matches_are_the_querysets_rows_in_its_order(pages, plan):
    query = backend_query(plan)
    rows = matches.ranked_page_rows(query, result_types.page_models(), 50)
    assert rows is not None, "the database's own statement answers"
    assert rows == list(
        _best_first(live_pages(result_types.page_models()), plan, None).values_list("pk", "content_type_id")[:50]
    )
    assert rows, "something to compare"


@pytest.mark.parametrize("query", SYNONYMS, ids=["and of synonyms", "or of synonyms"])
def test_synonyms_are_ranked_as_by_the_queryset(pages, query):
    rows = matches.ranked_page_rows(query, result_types.page_models(), 50)
    assert rows == queryset_rows(query) and len(rows) >= 2


@pytest.mark.parametrize("plan", PLANS[3:], ids=["two words", "three words"])
def test_which_candidates_each_word_matches_is_what_the_queryset_finds(pages, plan):
    candidates = [pk for pk, _ in queryset_rows(backend_query(plan))]
    queries = word_queries(plan)
    found = matches.ids_matching(queries, Page, among=candidates)
    expected = [
        sorted(
            Page.objects.filter(pk__in=candidates)
            .search(query, order_by_relevance=False)
            .get_queryset()
            .values_list("pk", flat=True)
        )
        for query in queries
    ]
    assert [sorted(ids) for ids in found] == expected and all(expected)
