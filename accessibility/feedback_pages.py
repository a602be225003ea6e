"""The form and its thank-you page, served by the feedback page's routes. The report and its e-mails
are committed in their own transaction before anything is sent, so a mail server outage never loses
a report (the route runs outside ATOMIC_REQUESTS, see `serving.views.serve`)."""

from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from outbox.delivery import send_after_commit
from serving import ratelimit

from .feedback import AGID_PROCEDURE_URL, REPLY_DAYS
from .forms import AccessibilityFeedbackForm
from .mail import record_feedback_emails


@never_cache
@require_http_methods(["GET", "POST"])
def feedback_form(request, page):
    status = 200
    if request.method == "POST":
        form = AccessibilityFeedbackForm(request.POST)
        # only posts that would be accepted count: a visitor correcting mistakes is never throttled
        if (form.is_spam() or form.is_valid()) and not ratelimit.hit(request, "accessibility"):
            return ratelimit.too_many_requests(request, "accessibility", kind="forms")
        if form.is_spam():
            return redirect(page.url + "grazie/")
        if form.is_valid():
            with transaction.atomic():
                feedback = form.save()
                emails = record_feedback_emails(feedback, request)
            send_after_commit(emails)
            return redirect(page.url + "grazie/")
        status = 400
    else:
        form = AccessibilityFeedbackForm(initial={"page_url": request.GET.get("pagina", "")[:500]})
    context = {"page": page, "form": form, "agid_url": AGID_PROCEDURE_URL, "reply_days": REPLY_DAYS}
    return TemplateResponse(request, "accessibility/accessibility_feedback_page.html", context, status=status)


@require_GET
def feedback_thanks(request, page):
    context = {"page": page, "agid_url": AGID_PROCEDURE_URL, "reply_days": REPLY_DAYS}
    return TemplateResponse(request, "accessibility/feedback_thanks.html", context)
