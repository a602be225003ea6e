"""The dashboard reminder of the statement's yearly review, for editors who can change pages."""

from wagtail.permission_policies.pages import PagePermissionPolicy

from core.dashboard import DueReminderPanel

from .reminders import statement_review_due


class StatementReviewPanel(DueReminderPanel):
    name = "accessibility_statement_review"
    template_name = "accessibility/admin/review_reminder_panel.html"
    order = 55
    context_name = "review"

    def is_for(self, user):
        return PagePermissionPolicy().user_has_permission(user, "change")

    def due(self):
        return statement_review_due()

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        deadline = "scaduta" if self.found.overdue else "scadenza"
        context["heading"] = f"Dichiarazione di accessibilità: {deadline} del 23 settembre"
        return context
