"""The dashboard's to-do panels: each person sees her drafts; Redattori and Moderatori see what the
content as a whole lacks (the same lists as the Moderatori's weekly digest)."""

from wagtail.admin.ui.components import Component

from .checks import drafts_check, office_checks

EDITING_GROUPS = {"Redattori", "Moderatori"}


def writes_content(user):
    return user.is_superuser or user.groups.filter(name__in=EDITING_GROUPS).exists()


class ChecksPanel(Component):
    name = "editorial_checks"
    template_name = "editorial/checks_panel.html"
    order = 110
    shown = 8

    def __init__(self, checks, heading, panel_id):
        self.checks, self.heading, self.panel_id = checks, heading, panel_id

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context.update(heading=self.heading, panel_id=self.panel_id, shown=self.shown)
        context["checks"] = [(check, check.items[: self.shown], len(check.items) - self.shown) for check in self.checks]
        return context


def panels_for(user):
    if not writes_content(user):
        return []
    return [
        ChecksPanel([drafts_check(user)], "Le mie bozze", "mie-bozze"),
        ChecksPanel(office_checks(), "Da sistemare", "da-sistemare"),
    ]
