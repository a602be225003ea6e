"""The enquiry form under a course's address (`<course>/richiedi-informazioni/`) and its thank-you
page, served by the course page's routes. They have their own URLs so that the course page stays
identical for every visitor (no CSRF token); the route runs outside ATOMIC_REQUESTS, and the enquiry
with its e-mails is committed in its own transaction, so nothing after it can roll it back."""

from urllib.parse import urlencode

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from core.parts import keep_out_of_shared_caches, site_setting
from core.site_settings import OrganisationSettings
from inbox.flow import FormFlow

from .forms import CourseEnquiryForm
from .mail import EnquiryMails


def thanks_url(course, enquiry=None, chosen=False):
    """The thank-you page has no enquiry to read: the address says which edition the visitor chose
    (public on the course page anyway) and whether the request went to its waiting list."""
    params = {}
    if chosen and enquiry.session_id:
        params["edizione"] = enquiry.session_id
    if enquiry is not None and enquiry.waiting_list:
        params["lista"] = "attesa"
    return course.url + "richiedi-informazioni/grazie/" + (f"?{urlencode(params)}" if params else "")


class EnquiryFlow(FormFlow):
    throttle_scope = "enquiry"
    mails = EnquiryMails
    template = "courses/enquiry_form.html"

    def get_form(self, data=None):
        return CourseEnquiryForm(data, course=self.page)

    def get_context(self, form):
        return {
            **super().get_context(form),
            "course": self.page,
            "waiting_list": form.waiting_list,
            "privacy_page": site_setting(OrganisationSettings, self.request).privacy_page,
        }

    def thank_you(self, form, enquiry):
        if enquiry is None:
            return redirect(thanks_url(self.page))
        return redirect(thanks_url(self.page, enquiry, chosen="session" in form.fields))


enquiry_form = EnquiryFlow.view()


@require_GET
def enquiry_thanks(request, course):
    edition = request.GET.get("edizione", "")
    if edition.isdigit():
        session = course.sessions.filter(pk=edition).select_related("venue").first()
    else:  # a course with one edition offers no choice: the form took that one
        offered = course.enquirable_sessions()
        session = offered[0] if len(offered) == 1 else None
    context = {
        "course": course,
        "page": course,
        "session": session,
        "waiting_list": request.GET.get("lista") == "attesa",
    }
    response = TemplateResponse(request, "courses/enquiry_thanks.html", context)
    if (edition and session is None) or request.GET.get("lista", "attesa") != "attesa":
        # an address no form redirects to: served, but never a new entry in a shared cache
        keep_out_of_shared_caches(response)
    return response
