"""Relevance measured, not guessed (issue 25): the everyday queries of queries.yaml find the page a
person expects among the first three results on at least 95% of them, on SQLite and on PostgreSQL."""

import pytest

from tests.search.relevance.measure import mean_reciprocal_rank, measure, report, seed_demo_pages, success_at_3

pytestmark = pytest.mark.django_db

MIN_SUCCESS_AT_3 = 0.95


def test_everyday_queries_find_the_expected_page_among_the_first_three(wagtail_root, client):
    seed_demo_pages()
    outcomes = measure(client)
    assert len(outcomes) >= 40
    figures = "\n".join(report(outcomes))
    assert success_at_3(outcomes) >= MIN_SUCCESS_AT_3, figures
    assert mean_reciprocal_rank(outcomes) >= 0.8, figures
