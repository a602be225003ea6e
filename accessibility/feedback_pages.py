"""The form and its thank-you page, served by the feedback page's routes. The report and its e-mails
are committed in their own transaction before anything is sent, so a mail server outage never loses
a report (the route runs outside ATOMIC_REQUESTS, see `serving.views.serve`)."""

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from inbox.flow import FormFlow

from .feedback import AGID_PROCEDURE_URL, REPLY_DAYS
from .forms import AccessibilityFeedbackForm
from .mail import FeedbackMails


class FeedbackFlow(FormFlow):
    throttle_scope = "accessibility"
    mails = FeedbackMails
    template = "accessibility/accessibility_feedback_page.html"

    def get_form(self, data=None):
        if data is None:  # the statement's "report a problem on this page" link names the page
            return AccessibilityFeedbackForm(initial={"page_url": self.request.GET.get("pagina", "")[:500]})
        return AccessibilityFeedbackForm(data)

    def get_context(self, form):
        return {**super().get_context(form), "agid_url": AGID_PROCEDURE_URL, "reply_days": REPLY_DAYS}

    def thank_you(self, form, feedback):
        return redirect(self.page.url + "grazie/")


feedback_form = FeedbackFlow.view()


@require_GET
def feedback_thanks(request, page):
    context = {"page": page, "agid_url": AGID_PROCEDURE_URL, "reply_days": REPLY_DAYS}
    return TemplateResponse(request, "accessibility/feedback_thanks.html", context)
