"""The functions other apps call: the catalogues' text filter and the registry of result types."""

import pytest

from home.models import ContentPage, HomePage
from search.services import filter_by_text, matching_ids
from search.types import RESULT_TYPES, Registry, ResultType
from tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def test_filter_by_text_narrows_a_queryset_like_the_search_page(home_page):
    wanted = ContentPageFactory(parent=home_page, title="Progetti di integrazione")
    ContentPageFactory(parent=home_page, title="Chi siamo")
    draft = ContentPageFactory(parent=home_page, title="Progetto in bozza", live=False)
    queryset = ContentPage.objects.live()
    assert list(filter_by_text(queryset, "progetto")) == [wanted]
    assert set(filter_by_text(ContentPage.objects.all(), '"progetto"')) == {wanted, draft}
    assert filter_by_text(queryset, ' "" ') is queryset  # nothing searchable: no filtering
    assert list(filter_by_text(queryset, "zzzz")) == []


def test_matching_ids_puts_title_matches_first(home_page):
    body_only = ContentPageFactory(parent=home_page, title="Chi siamo", intro="Lavoriamo sulla rendicontazione.")
    in_title = ContentPageFactory(parent=home_page, title="Rendicontazione")
    assert matching_ids(ContentPage, "rendicontazione") == [in_title.pk, body_only.pk]
    assert matching_ids(ContentPage, "\x00") == []


def test_types_of_apps_not_installed_are_left_out(home_page):
    registry = Registry(RESULT_TYPES + (ResultType("eventi", "Eventi", "Evento", ("events.EventPage",)),))
    available = [t.slug for t in registry.available]
    assert "eventi" not in available and "pagine" in available
    assert registry.get("pagine").page_models() == [HomePage, ContentPage]
    assert registry.get("eventi") is None and registry.get("") is None


def test_demo_picks_are_seeded_once(home_page):
    from wagtail.contrib.search_promotions.models import SearchPromotion

    from demo.loaders.search import seed

    contacts = ContentPageFactory(parent=home_page, title="Contatti", slug="contatti")
    seed()
    seed()
    assert sorted(SearchPromotion.objects.values_list("query__query_string", "page")) == [
        ("contatti", contacts.pk),
        ("sede", contacts.pk),
    ]
