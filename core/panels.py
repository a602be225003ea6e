"""Panels shared by page types."""

from wagtail.contrib.forms.panels import FormSubmissionsPanel as WagtailFormSubmissionsPanel

# Only "Segreteria corsi" has it (core/migrations/0003): messages from the public forms are personal data.
READ_FORM_SUBMISSIONS = "wagtailforms.view_formsubmission"


class FormSubmissionsPanel(WagtailFormSubmissionsPanel):
    """The link to a form's submissions, shown only to those allowed to read them."""

    class BoundPanel(WagtailFormSubmissionsPanel.BoundPanel):
        def is_shown(self):
            return self.request.user.has_perm(READ_FORM_SUBMISSIONS) and super().is_shown()
