"""The dashboard reminder of the statement's yearly review, for editors who can change pages."""

from wagtail.admin.ui.components import Component
from wagtail.permission_policies.pages import PagePermissionPolicy

from .reminders import statement_review_due


class StatementReviewPanel(Component):
    name = "accessibility_statement_review"
    template_name = "accessibility/admin/review_reminder_panel.html"
    order = 55

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["review"] = self.review
        deadline = "scaduta" if self.review.overdue else "scadenza"
        context["heading"] = f"Dichiarazione di accessibilità: {deadline} del 23 settembre"
        return context

    def render_html(self, parent_context=None):
        if not PagePermissionPolicy().user_has_permission(self.request.user, "change"):
            return ""
        self.review = statement_review_due()
        if self.review is None:
            return ""
        return super().render_html(parent_context)
