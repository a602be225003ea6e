"""The editors' side of the register: the snippet list's year filter and the dashboard reminder."""

import django_filters
from wagtail.admin.filters import WagtailFilterSet

from core.dashboard import DueReminderPanel

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


class RegisterReminderPanel(DueReminderPanel):
    """Shown in May and June to those who enter receipts, while last year's list is missing."""

    name = "public_contributions_reminder"
    template_name = "transparency/admin/reminder_panel.html"
    order = 50
    context_name = "missing"

    def is_for(self, user):
        return user.has_perm(ADD_PERMISSION)

    def due(self):
        return missing_publication()

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["add_url"] = PublicContribution.snippet_viewset.get_url_name("add")
        return context
