from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import SearchLogReportView


@hooks.register("register_admin_urls")
def register_search_log_urls():
    return [
        path("reports/ricerche/", SearchLogReportView.as_view(), name="search_log"),
        path("reports/ricerche/results/", SearchLogReportView.as_view(results_only=True), name="search_log_results"),
    ]


@hooks.register("register_reports_menu_item")
def register_search_log_menu_item():
    return MenuItem("Ricerche del sito", reverse("search_log"), name="search-log", icon_name="search", order=900)
