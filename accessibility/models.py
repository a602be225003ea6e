"""The page with the "Segnala un problema di accessibilità" form, linked from the accessibility
statement. The reports themselves live in `feedback.py`, the statement in `statement.py` (both
re-exported here)."""

from django.db import transaction
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from core.blocks import RICH_TEXT_FEATURES
from core.models import SEARCH_ENGINE_PANEL, BasePage

from . import feedback_pages
from .feedback import AccessibilityFeedback, FeedbackStatus
from .statement import AccessibilityStatementPage

__all__ = ["AccessibilityFeedback", "AccessibilityFeedbackPage", "AccessibilityStatementPage", "FeedbackStatus"]


class AccessibilityFeedbackPage(RoutablePageMixin, BasePage):
    """One per site, usually under the accessibility statement. The form is on the page itself, so
    the page is never cached (it carries the CSRF token), like the "Scrivici" form."""

    intro = RichTextField(
        "Introduzione",
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="Mostrata sopra il modulo. I tempi di risposta e la procedura AgID sono già scritti sotto.",
    )

    parent_page_types = ["accessibility.AccessibilityStatementPage", "standardpages.ContentPage", "home.HomePage"]
    subpage_types = []
    max_count = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]
    promote_panels = [SEARCH_ENGINE_PANEL]

    class Meta:
        verbose_name = "Modulo per segnalare problemi di accessibilità"
        verbose_name_plural = "Moduli per segnalare problemi di accessibilità"

    @path("")
    @transaction.non_atomic_requests  # the form commits the report itself (see `serving.views.serve`)
    def report_form(self, request):
        return feedback_pages.feedback_form(request, self)

    @path("grazie/")
    def thanks(self, request):
        return feedback_pages.feedback_thanks(request, self)
