"""The functions other apps call: the catalogues' text filter and the registry of result types."""

import ast
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from home.models import HomePage
from projects.models import ProjectPage
from search.services import matching_ids
from search.types import Registry, ResultType, result_types
from standardpages.models import ContentPage
from tests.factories import ContentPageFactory
from transparency.models import ContributionsRegisterPage

pytestmark = pytest.mark.django_db


def test_matching_ids_narrow_a_queryset_like_the_search_page(home_page):
    wanted = ContentPageFactory(parent=home_page, title="Progetti di integrazione")
    ContentPageFactory(parent=home_page, title="Chi siamo")
    draft = ContentPageFactory(parent=home_page, title="Progetto in bozza", live=False)
    queryset = ContentPage.objects.live()
    assert matching_ids(queryset, "progetto") == [wanted.pk]
    assert set(matching_ids(ContentPage.objects.all(), '"progetto"', ranked=False)) == {wanted.pk, draft.pk}
    assert matching_ids(queryset, ' "" ') == []  # nothing searchable
    assert matching_ids(queryset, "zzzz") == []


def test_matching_ids_puts_title_matches_first(home_page):
    body_only = ContentPageFactory(parent=home_page, title="Chi siamo", intro="Lavoriamo sulla rendicontazione.")
    in_title = ContentPageFactory(parent=home_page, title="Rendicontazione")
    assert matching_ids(ContentPage, "rendicontazione") == [in_title.pk, body_only.pk]
    assert matching_ids(ContentPage, "\x00") == []


def test_the_apps_register_progetti_enti_corsi_eventi_notizie_pagine_in_this_order():
    assert [t.label for t in result_types.available] == ["Progetti", "Enti", "Corsi", "Eventi", "Notizie", "Pagine"]
    assert result_types.page_models(result_types.get("pagine")) == [ContentPage, ContributionsRegisterPage, HomePage]


def test_types_follow_their_order_and_need_a_page_model():
    registry = Registry()
    registry.register(ResultType("pagine", "Pagine", "Pagina", order=30), HomePage)
    registry.add_pages("progetti", ProjectPage)  # before its type is registered: waits for it
    registry.register(ResultType("eventi", "Eventi", "Evento", order=5))  # no page model: left out
    registry.register(ResultType("progetti", "Progetti", "Progetto", order=10))
    registry.add_pages("pagine", ContentPage)
    assert [t.slug for t in registry.available] == ["progetti", "pagine"]
    assert registry.page_models(registry.get("pagine")) == [HomePage, ContentPage]
    assert registry.get("eventi") is None and registry.get("") is None
    with pytest.raises(ImproperlyConfigured):
        registry.register(ResultType("pagine", "Pagine", "Pagina", order=40))


def test_the_search_app_imports_no_page_app():
    """Catalogues and pages register with `search`, never the other way round."""
    page_apps = {"home", "projects", "courses", "standardpages"}
    search_dir = Path(__file__).resolve().parents[2] / "search"
    for module in search_dir.rglob("*.py"):
        for node in ast.walk(ast.parse(module.read_text())):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level:
                names = [node.module or ""]
            else:
                continue
            assert not {name.split(".")[0] for name in names} & page_apps, f"{module.name} imports {names}"


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
