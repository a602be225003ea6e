"""The catalogue's ordered ids kept compact (catalogue/ids.py): the same pages and counts as the plain
list they replace, and a request reads a slice of them whatever the size of the catalogue."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from catalogue import ids as kept_ids
from projects.filters import ProjectFilterSet
from tests.factories.projects import FundFactory, ProjectIndexPageFactory, ThemeFactory, bulk_projects

pytestmark = pytest.mark.django_db


def filterset(catalogue, **params):
    return ProjectFilterSet.for_catalogue(RequestFactory().get(catalogue.url, params), catalogue)


def plain_ids(catalogue, **params):
    """What the catalogue kept before: every id, in order, as one list."""
    return list(dict.fromkeys(filterset(catalogue, **params).qs.values_list("pk", flat=True)))


@pytest.fixture
def big_catalogue(home_page):
    catalogue = ProjectIndexPageFactory(parent=home_page)
    funds, themes = [FundFactory() for _ in range(3)], [ThemeFactory() for _ in range(4)]
    bulk_projects(catalogue, 300, funds=funds, themes=themes)
    return catalogue, funds, themes


def test_compact_ids_give_the_same_pages_and_counts_at_several_filters(monkeypatch, big_catalogue):
    monkeypatch.setattr(kept_ids, "CHUNK", 7)  # many chunks, pages across their edges
    catalogue, funds, themes = big_catalogue
    states = [
        {},
        {"ordine": "budget"},
        {"ordine": "titolo", "fondo": funds[0].pk},
        {"tema": themes[1].slug, "stato": "concluso"},
        {"fondo": funds[2].pk, "ordine": "fine"},
    ]
    for params in states:
        expected = plain_ids(catalogue, **params)
        assert expected, params
        for _visit in range(2):  # built, then read back from the kept parts
            kept = filterset(catalogue, **params).ordered_ids()
            assert len(kept) == len(expected)
            for start in (0, 5, 7, 13, 20, len(expected) - 3):
                assert kept[start : start + 12] == expected[start : start + 12], (params, start)
            assert kept[len(expected) - 1] == expected[-1]


def test_a_request_reads_a_slice_of_the_ids_not_all_of_them(big_catalogue):
    catalogue, *_ = big_catalogue
    bulk_projects(catalogue, 2700)  # 3,000 projects: three chunks of ids
    filterset(catalogue, ordine="budget").ordered_ids()  # the first visitor builds the list
    with CaptureQueriesContext(connection) as queries:
        first_page = filterset(catalogue, ordine="budget").ordered_ids()
        assert len(first_page) == 3000
        first_page[0:12]
        deep_page = filterset(catalogue, ordine="budget").ordered_ids()
        assert deep_page[2988:3000] == plain_ids(catalogue, ordine="budget")[2988:3000]
    assert len(queries) == 1  # plain_ids' own; reading the kept ids asks the database nothing
    chunk_bytes = kept_ids.CHUNK * 4
    assert first_page.bytes_read == chunk_bytes  # the head holds the first page's chunk
    assert deep_page.bytes_read <= 2 * chunk_bytes  # head and the chunk the page falls in
    assert deep_page.bytes_read < 3000 * 4  # never the whole list
