"""The staff's side of accessibility reports: their kind in the staff inbox, with the 30-day reply
deadline in the list (overdue ones highlighted); staff set the status, the reply date and notes."""

from wagtail.admin.ui.tables import Column, DateColumn

from inbox.admin_views import InboxViewSet, TemplateColumn, received_filter, status_filter

from .feedback import AccessibilityFeedback, FeedbackStatus


class AccessibilityFeedbackViewSet(InboxViewSet):
    model = AccessibilityFeedback
    icon = "help"
    menu_label = "Segnalazioni accessibilità"
    menu_order = 255
    name = "accessibility_feedback"
    filters = {"status": status_filter(FeedbackStatus.choices), "created_at": received_filter()}
    search_fields = ["name", "email", "page_url", "description"]
    title_field = ("page_url", "Pagina")
    columns = [
        "created_at",
        "title",
        Column("name", label="Da"),
        "status",
        TemplateColumn("reply_deadline", "accessibility/admin/deadline_cell.html", label="Rispondere entro"),
        DateColumn("replied_on", label="Risposto il"),
    ]
    message_heading = "Segnalazione"
    message_fields = ["created_at", "name", "email", "page_url", "description"]
    staff_fields = ["status", "replied_on", "internal_notes"]


feedback_viewset = AccessibilityFeedbackViewSet()
