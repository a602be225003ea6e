"""The e-mails an enquiry causes, written as text from templates and queued in the outbox: the staff
notification (Italian) and the visitor's confirmation with the course's calendar (in the language of
the page the visitor wrote from, see inbox/mail.py)."""

from django.conf import settings
from django.utils.translation import gettext
from wagtail.models import Site

from inbox.mail import FormMails
from outbox.mail import organisation_addresses

from ..feeds import build_calendar


def staff_addresses(course, site=None):
    """The course's contact, else COURSES_ENQUIRY_RECIPIENTS, else the organisation's e-mail."""
    if course.contact_email:
        return [course.contact_email]
    if settings.COURSES_ENQUIRY_RECIPIENTS:
        return list(settings.COURSES_ENQUIRY_RECIPIENTS)
    return organisation_addresses(site)


def kind_label(enquiry):
    return gettext("Lista d'attesa") if enquiry.waiting_list else enquiry.get_request_type_display()


def edition_suffix(enquiry):
    return gettext(", edizione «{edition}»").format(edition=enquiry.session.edition) if enquiry.session_id else ""


class EnquiryMails(FormMails):
    staff_template = "courses/email/enquiry_staff.txt"
    visitor_template = "courses/email/enquiry_visitor.txt"
    admin_view = "course_enquiries:edit"
    context_name = "enquiry"

    def __init__(self, enquiry, request):
        super().__init__(enquiry, request)
        self.course = enquiry.course
        self.course_url = self.course.get_full_url(request)

    def title(self):
        return f"{self.course.title}{edition_suffix(self.message)}"

    def staff_subject(self):
        return f"Nuova richiesta ({kind_label(self.message)}): {self.title()}"

    def visitor_subject(self):
        if self.message.waiting_list:
            return gettext("Sei in lista d'attesa: {title}").format(title=self.title())
        return gettext("Abbiamo ricevuto la tua richiesta: {title}").format(title=self.title())

    def staff_addresses(self):
        return staff_addresses(self.course, Site.find_for_request(self.request))

    def attachment(self):
        """The calendar of the chosen edition, else of all the course's editions (none: no file)."""
        sessions = [self.message.session] if self.message.session else self.course.sorted_sessions
        if not sessions:
            return None
        ics = build_calendar(self.course.title, [self.course], lambda c: self.course_url, lambda c: sessions)
        return (f"{self.course.slug}.ics", ics.decode(), "text/calendar")

    def context(self):
        return {**super().context(), "course": self.course, "course_url": self.course_url}
