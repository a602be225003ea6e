"""The editors' side of the register: the snippet list's year filter and the dashboard reminder."""

import django_filters
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.components import Component

from .models import PublicContribution
from .reminders import missing_publication

ADD_PERMISSION = "transparency.add_publiccontribution"


def year_choices():
    years = PublicContribution.objects.order_by("-year").values_list("year", flat=True).distinct()
    return [(year, str(year)) for year in years]


class PublicContributionFilterSet(WagtailFilterSet):
    year = django_filters.ChoiceFilter(label="Anno", choices=year_choices, empty_label="Tutti")

    class Meta:
        model = PublicContribution
        fields = ["year", "granting_body"]


class RegisterReminderPanel(Component):
    """Shown in May and June to those who enter receipts, while last year's list is missing."""

    name = "public_contributions_reminder"
    template_name = "transparency/admin/reminder_panel.html"
    order = 50

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["missing"] = self.missing
        context["add_url"] = PublicContribution.snippet_viewset.get_url_name("add")
        return context

    def render_html(self, parent_context=None):
        if not self.request.user.has_perm(ADD_PERMISSION):
            return ""
        self.missing = missing_publication()
        if self.missing is None:
            return ""
        return super().render_html(parent_context)
