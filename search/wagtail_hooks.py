"""The search app in the admin: the search log report, the statistics report's sections, approved
searches and the synonyms snippet."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import SearchLogReportView
from .models import ApprovedSearch, SearchSynonym
from .stats import top_searches, zero_result_searches


@hooks.register("register_admin_urls")
def register_search_log_urls():
    return [
        path("reports/ricerche/", SearchLogReportView.as_view(), name="search_log"),
        path("reports/ricerche/results/", SearchLogReportView.as_view(results_only=True), name="search_log_results"),
    ]


class SearchLogMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("search.view_searchqueryday")


@hooks.register("register_reports_menu_item")
def register_search_log_menu_item():
    return SearchLogMenuItem(
        "Ricerche del sito", reverse("search_log"), name="search-log", icon_name="search", order=900
    )


# Sections of the "Statistiche" report (the analytics app calls this hook; search imports nothing of it).
@hooks.register("register_statistics_report_section", order=10)
def top_searches_section(start, end, limit):
    return ("Ricerche più frequenti", ["Ricerca", "Ricerche"], top_searches(start, end, limit))


@hooks.register("register_statistics_report_section", order=20)
def zero_result_searches_section(start, end, limit):
    return ("Ricerche senza risultati", ["Ricerca", "Ricerche"], zero_result_searches(start, end, limit))


class ApprovedSearchViewSet(SnippetViewSet):
    """Editors choose which logged searches the public "Ricerche frequenti" may show."""

    model = ApprovedSearch
    icon = "search"
    menu_label = "Ricerche frequenti approvate"
    list_display = ["query"]
    search_fields = ["query"]


register_snippet(ApprovedSearchViewSet)


class SearchSynonymViewSet(SnippetViewSet):
    """Editors keep the groups of equivalent terms search applies to every query (search/synonyms.py)."""

    model = SearchSynonym
    icon = "search"
    menu_label = "Sinonimi di ricerca"
    list_display = ["terms", "locale"]
    search_fields = ["terms"]


register_snippet(SearchSynonymViewSet)
