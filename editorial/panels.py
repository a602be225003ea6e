"""The dashboard's to-do panels: each person sees her drafts; Redattori and Moderatori see what the
content as a whole lacks (the same lists as the Moderatori's weekly digest); whoever translates
(Traduttori too) sees the translations whose Italian changed since."""

from django.urls import reverse
from wagtail.admin.ui.components import Component

from .checks import drafts_check, office_checks
from .translations import outdated_translations

EDITING_GROUPS = {"Redattori", "Moderatori"}
TRANSLATING_GROUPS = EDITING_GROUPS | {"Traduttori"}


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


class OutdatedTranslationsPanel(Component):
    name = "outdated_translations"
    template_name = "editorial/translations_panel.html"
    order = 120
    shown = 8

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        translations = outdated_translations(next_url=reverse("wagtailadmin_home"))
        context.update(translations=translations[: self.shown], more=len(translations) - self.shown)
        context["csrf_token"] = parent_context.get("csrf_token")  # for "Invia in approvazione"
        return context


def panels_for(user):
    groups = set(user.groups.values_list("name", flat=True))
    panels = []
    if user.is_superuser or groups & EDITING_GROUPS:
        panels += [
            ChecksPanel([drafts_check(user)], "Le mie bozze", "mie-bozze"),
            ChecksPanel(office_checks(), "Da sistemare", "da-sistemare"),
        ]
    if user.is_superuser or groups & TRANSLATING_GROUPS:
        panels.append(OutdatedTranslationsPanel())
    return panels
