"""The e-mails a registration causes, queued in the outbox: the staff notification (Italian) and the
visitor's confirmation with the event's calendar file, both written in the language the visitor
registered in (`translation.override`), whenever the worker sends them."""

from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Site

from inbox.mail import FormMails
from outbox.mail import organisation_addresses

from .calendar import build_events_calendar


class RegistrationMails(FormMails):
    staff_template = "events/email/registration_staff.txt"
    visitor_template = "events/email/registration_visitor.txt"
    admin_view = "event_registrations:edit"
    context_name = "registration"

    def __init__(self, registration, request):
        super().__init__(registration, request)
        self.event = registration.event
        self.event_url = self.event.get_full_url(request)

    def staff_subject(self):
        kind = "Lista d'attesa" if self.message.on_waiting_list else "Nuova iscrizione"
        return f"{kind}: {self.event.title}"

    def visitor_subject(self):
        if self.message.on_waiting_list:
            return _("Sei in lista d'attesa: %(title)s") % {"title": self.event.title}
        return _("Iscrizione confermata: %(title)s") % {"title": self.event.title}

    def staff_addresses(self):
        if self.event.contact_email:
            return [self.event.contact_email]
        return organisation_addresses(Site.find_for_request(self.request))

    def attachment(self):
        ics = build_events_calendar(self.event.title, [self.event], self.request)
        return (f"{self.event.slug}.ics", ics.decode(), "text/calendar")

    def context(self):
        return {**super().context(), "event": self.event, "event_url": self.event_url}

    def queue(self):
        with translation.override(self.message.language or "it"):
            return super().queue()
