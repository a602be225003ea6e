"""The e-mails an enquiry causes, written as text from templates and stored in the outbox."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from wagtail.models import Site

from core.site_settings import OrganisationSettings

from .enquiries import OutboundEmail
from .feeds import build_calendar
from .outbox import record_email


def staff_addresses(course=None, site=None):
    """The course's contact, else COURSES_ENQUIRY_RECIPIENTS, else the organisation's e-mail."""
    if course is not None and course.contact_email:
        return [course.contact_email]
    if settings.COURSES_ENQUIRY_RECIPIENTS:
        return list(settings.COURSES_ENQUIRY_RECIPIENTS)
    site = site or Site.objects.filter(is_default_site=True).first()
    organisation = OrganisationSettings.for_site(site) if site else None
    if organisation and organisation.email:
        return [organisation.email]
    return [settings.SERVER_EMAIL]


def admin_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def record_enquiry_emails(enquiry, request):
    """Store the staff notification and the visitor's confirmation (with the course's calendar)."""
    course = enquiry.course
    course_url = course.get_full_url(request)
    context = {
        "enquiry": enquiry,
        "course": course,
        "course_url": course_url,
        "admin_url": admin_url(reverse("course_enquiries:edit", args=[enquiry.pk])),
        "organisation": OrganisationSettings.for_request(request),
    }
    staff = record_email(
        kind=OutboundEmail.Kind.STAFF,
        to=staff_addresses(course, Site.find_for_request(request)),
        reply_to=enquiry.email,
        subject=f"Nuova richiesta ({enquiry.get_request_type_display()}): {course.title}",
        body=render_to_string("courses/email/enquiry_staff.txt", context),
        enquiry=enquiry,
    )
    sessions = [enquiry.session] if enquiry.session else course.sorted_sessions
    ics = build_calendar(course.title, [course], lambda c: course_url, lambda c: sessions).decode()
    visitor = record_email(
        kind=OutboundEmail.Kind.VISITOR,
        to=[enquiry.email],
        subject=f"Abbiamo ricevuto la tua richiesta: {course.title}",
        body=render_to_string("courses/email/enquiry_visitor.txt", context),
        attachment=(f"{course.slug}.ics", ics, "text/calendar") if sessions else None,
        enquiry=enquiry,
    )
    return [staff, visitor]


def record_contact_emails(page, submission, form, request):
    """The general contact form: one notification to the addresses on the form page."""
    addresses = [a.strip() for a in page.to_address.split(",") if a.strip()] or staff_addresses(
        site=Site.find_for_request(request)
    )
    reply_to = form.cleaned_data.get("email") or form.cleaned_data.get("e_mail") or ""
    context = {
        "page": page,
        "lines": page.render_email(form),
        "admin_url": admin_url(reverse("wagtailforms:list_submissions", args=[page.pk])),
    }
    email = record_email(
        kind=OutboundEmail.Kind.STAFF,
        to=addresses,
        reply_to=reply_to if isinstance(reply_to, str) else "",
        subject=page.subject or f"Nuovo messaggio da «{page.title}»",
        body=render_to_string("courses/email/contact_staff.txt", context),
        form_submission=submission,
    )
    return [email]
