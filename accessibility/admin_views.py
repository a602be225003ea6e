"""The staff's side of accessibility reports: a Wagtail viewset with the 30-day reply deadline in the
list (overdue ones highlighted); staff set the status, the reply date and notes, nothing else."""

import django_filters
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.viewsets.model import ModelViewSet

from core.permissions import NoAddPermissionPolicy

from .feedback import AccessibilityFeedback, FeedbackStatus


class FeedbackFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label="Stato", choices=FeedbackStatus.choices, empty_label="Tutti")
    created_at = django_filters.DateFromToRangeFilter(label="Ricevuta tra", widget=DateRangePickerWidget)

    class Meta:
        model = AccessibilityFeedback
        fields = ["status", "created_at"]


class DeadlineColumn(Column):
    cell_template_name = "accessibility/admin/deadline_cell.html"


class AccessibilityFeedbackViewSet(ModelViewSet):
    model = AccessibilityFeedback
    icon = "help"
    menu_label = "Segnalazioni accessibilità"
    menu_order = 255
    add_to_admin_menu = True
    name = "accessibility_feedback"
    copy_view_enabled = False
    inspect_view_enabled = True
    filterset_class = FeedbackFilterSet
    search_fields = ["name", "email", "page_url", "description"]
    search_backend_name = None
    ordering = ["-created_at"]
    list_per_page = 25
    list_display = [
        DateColumn("created_at", label="Ricevuta il"),
        TitleColumn("page_url", label="Pagina", url_name="accessibility_feedback:edit"),
        Column("name", label="Da"),
        Column("status", label="Stato", accessor="get_status_display"),
        DeadlineColumn("reply_deadline", label="Rispondere entro"),
        DateColumn("replied_on", label="Risposto il"),
    ]
    inspect_view_fields = ["created_at", "name", "email", "page_url", "description", "status", "replied_on"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("created_at", read_only=True),
                    FieldPanel("name", read_only=True),
                    FieldPanel("email", read_only=True),
                    FieldPanel("page_url", read_only=True),
                    FieldPanel("description", read_only=True),
                ],
                heading="Segnalazione",
            ),
            FieldPanel("status"),
            FieldPanel("replied_on"),
            FieldPanel("internal_notes"),
        ]
    )


feedback_permission_policy = NoAddPermissionPolicy(AccessibilityFeedback)
feedback_viewset = AccessibilityFeedbackViewSet()
