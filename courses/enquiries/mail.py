"""The e-mails an enquiry causes, written as text from templates and queued in the outbox."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from wagtail.models import Site

from core.site_settings import OrganisationSettings
from outbox.delivery import queue
from outbox.mail import admin_url, confirmations_left_today, organisation_addresses
from outbox.models import OutboundEmail

from ..feeds import build_calendar


def staff_addresses(course, site=None):
    """The course's contact, else COURSES_ENQUIRY_RECIPIENTS, else the organisation's e-mail."""
    if course.contact_email:
        return [course.contact_email]
    if settings.COURSES_ENQUIRY_RECIPIENTS:
        return list(settings.COURSES_ENQUIRY_RECIPIENTS)
    return organisation_addresses(site)


def kind_label(enquiry):
    return "Lista d'attesa" if enquiry.waiting_list else enquiry.get_request_type_display()


def edition_suffix(enquiry):
    return f", edizione «{enquiry.session.edition}»" if enquiry.session_id else ""


def record_enquiry_emails(enquiry, request):
    """Queue the staff notification and the visitor's confirmation (with the course's calendar); the
    confirmation only while the address has had fewer than the day's allowance."""
    course = enquiry.course
    course_url = course.get_full_url(request)
    context = {
        "enquiry": enquiry,
        "course": course,
        "course_url": course_url,
        "admin_url": admin_url(reverse("course_enquiries:edit", args=[enquiry.pk])),
        "organisation": OrganisationSettings.for_request(request),
    }
    staff = queue(
        kind=OutboundEmail.Kind.STAFF,
        to=staff_addresses(course, Site.find_for_request(request)),
        reply_to=enquiry.email,
        subject=f"Nuova richiesta ({kind_label(enquiry)}): {course.title}{edition_suffix(enquiry)}",
        body=render_to_string("courses/email/enquiry_staff.txt", context),
        about=enquiry,
    )
    if not confirmations_left_today(enquiry.email):
        return [staff]
    sessions = [enquiry.session] if enquiry.session else course.sorted_sessions
    ics = build_calendar(course.title, [course], lambda c: course_url, lambda c: sessions).decode()
    visitor = queue(
        kind=OutboundEmail.Kind.VISITOR,
        to=[enquiry.email],
        subject=(
            f"Sei in lista d'attesa: {course.title}{edition_suffix(enquiry)}"
            if enquiry.waiting_list
            else f"Abbiamo ricevuto la tua richiesta: {course.title}{edition_suffix(enquiry)}"
        ),
        body=render_to_string("courses/email/enquiry_visitor.txt", context),
        attachment=(f"{course.slug}.ics", ics, "text/calendar") if sessions else None,
        about=enquiry,
    )
    return [staff, visitor]
