"""The registration form under an event's address (`<event>/iscriviti/`) and its thank-you page,
served by the event page's routes through the visitors' form flow (`inbox.flow`): honeypot, rate
limit, the registration and its e-mails committed together, mail sent after commit. The seat is
taken under a row lock (`take_seat`): when the event is full the registration goes to the waiting
list, and the page says so."""

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from core.parts import keep_out_of_shared_caches, notify_pages_changed, site_setting
from core.site_settings import OrganisationSettings
from inbox.flow import FormFlow

from .forms import RegistrationForm
from .mail import RegistrationMails
from .models.registrations import take_seat


def thanks_url(event, registration=None):
    waiting = registration is not None and registration.on_waiting_list
    return event.url + "iscriviti/grazie/" + ("?lista=attesa" if waiting else "")


class RegistrationFlow(FormFlow):
    throttle_scope = "registration"
    mails = RegistrationMails
    template = "events/registration_form.html"

    def get_form(self, data=None):
        return RegistrationForm(data, event=self.page)

    def get_context(self, form):
        return {
            **super().get_context(form),
            "event": self.page,
            "is_full": self.page.is_full,
            "privacy_page": site_setting(OrganisationSettings, self.request).privacy_page,
        }

    def store(self, form):
        return take_seat(form.save(commit=False), type(self.page))

    def accept(self, form):
        registration = super().accept(form)
        if registration.filled_event:
            # visitors' writes never purge the page cache, but the last seat changes what the
            # event's page and the index say ("Posti esauriti"): once per event
            notify_pages_changed()
        return registration

    def thank_you(self, form, registration):
        return redirect(thanks_url(self.page, registration))

    def serve(self):
        if not self.page.accepts_registrations():  # closed, over, or never open: said, not a form
            return TemplateResponse(
                self.request, "events/registration_closed.html", {"page": self.page, "event": self.page}
            )
        return super().serve()


registration_form = RegistrationFlow.view()


@require_GET
def registration_thanks(request, event):
    waiting = request.GET.get("lista") == "attesa"
    response = TemplateResponse(
        request, "events/registration_thanks.html", {"page": event, "event": event, "waiting_list": waiting}
    )
    if request.GET.get("lista", "attesa") != "attesa":
        keep_out_of_shared_caches(response)
    return response
