"""The "Statistiche" report in the admin's reports menu, and its 30-day total on the dashboard."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.auth import permission_required
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from .admin_views import REPORT_PERMISSION, StatisticsReportView, thirty_day_total


@hooks.register("register_admin_urls")
def register_statistics_url():
    view = permission_required(REPORT_PERMISSION)(StatisticsReportView.as_view())
    return [path("statistiche/", view, name="analytics_report")]


class StatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REPORT_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_statistics_menu_item():
    return StatisticsMenuItem(
        "Statistiche", reverse("analytics_report"), name="statistiche", icon_name="table", order=50
    )


class StatisticsPanel(Component):
    name = "analytics_statistics"
    order = 150
    template_name = "analytics/admin/dashboard_panel.html"

    def get_context_data(self, parent_context=None):
        return {"total": thirty_day_total()}


@hooks.register("construct_homepage_panels")
def add_statistics_panel(request, panels):
    if request.user.has_perm(REPORT_PERMISSION):
        panels.append(StatisticsPanel())
