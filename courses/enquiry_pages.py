"""The enquiry form under a course's address (`<course>/richiedi-informazioni/`) and its thank-you
page, served by the course page's routes. They have their own URLs so that the course page stays
identical for every visitor (no CSRF token); the route runs outside ATOMIC_REQUESTS, and the enquiry
with its e-mails is committed in its own transaction, so nothing after it can roll it back."""

from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from core import ratelimit
from core.site_settings import OrganisationSettings
from outbox.delivery import send_after_commit

from .forms import CourseEnquiryForm
from .mail import record_enquiry_emails

# The thank-you page says "lista d'attesa" after a waiting-list request (it has no enquiry to read).
WAITING_LIST_QUERY = "?lista=attesa"


@never_cache
@require_http_methods(["GET", "POST"])
def enquiry_form(request, course):
    status = 200
    if request.method == "POST":
        form = CourseEnquiryForm(request.POST, course=course)
        # only posts that would be accepted count: a visitor correcting mistakes is never throttled
        if (form.is_spam() or form.is_valid()) and not ratelimit.hit(request, "enquiry"):
            return ratelimit.too_many_requests(request, "enquiry", kind="forms")
        if form.is_spam():
            return redirect(course.url + "richiedi-informazioni/grazie/")
        if form.is_valid():
            with transaction.atomic():
                enquiry = form.save()
                emails = record_enquiry_emails(enquiry, request)
            send_after_commit(emails)
            return redirect(
                course.url + "richiedi-informazioni/grazie/" + (WAITING_LIST_QUERY if enquiry.waiting_list else "")
            )
        status = 400
    else:
        form = CourseEnquiryForm(course=course)
    context = {
        "course": course,
        "page": course,
        "form": form,
        "waiting_list": form.waiting_list,
        "privacy_page": OrganisationSettings.for_request(request).privacy_page,
    }
    return TemplateResponse(request, "courses/enquiry_form.html", context, status=status)


@require_GET
def enquiry_thanks(request, course):
    context = {"course": course, "page": course, "waiting_list": request.GET.get("lista") == "attesa"}
    return TemplateResponse(request, "courses/enquiry_thanks.html", context)
