"""The shape every dashboard reminder shares: shown only to the editors who can act on it, and only
while something is due; each feature says who may act and what is due."""

from wagtail.admin.ui.components import Component


class DueReminderPanel(Component):
    """A dashboard panel that renders nothing unless `is_for(user)` and `due()` returns something;
    what `due()` returns reaches the template as `context_name`."""

    context_name = "due"

    def __init__(self, request):
        self.request = request

    def is_for(self, user):
        raise NotImplementedError

    def due(self):
        raise NotImplementedError

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context[self.context_name] = self.found
        return context

    def render_html(self, parent_context=None):
        if not self.is_for(self.request.user):
            return ""
        self.found = self.due()
        if self.found is None:
            return ""
        return super().render_html(parent_context)
