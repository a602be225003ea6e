"""Addresses and links every queued e-mail needs, the daily allowance of confirmations to one address,
and the contact form's staff notification."""

import datetime

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from core.site_settings import OrganisationSettings

from .delivery import queue
from .models import OutboundEmail


def organisation_addresses(site=None):
    """The organisation's e-mail (Impostazioni → Dati dell'organizzazione), else SERVER_EMAIL."""
    site = site or Site.objects.filter(is_default_site=True).first()
    organisation = OrganisationSettings.for_site(site) if site else None
    if organisation and organisation.email:
        return [organisation.email]
    return [settings.SERVER_EMAIL]


def admin_url(path):
    """An absolute link into the admin, for e-mails to the staff."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def confirmations_left_today(address):
    """False once COURSES_CONFIRMATIONS_PER_ADDRESS_PER_DAY confirmations (of any form) went to this
    address today: a form cannot be used to flood someone else's mailbox."""
    midnight = timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time.min))
    sent = OutboundEmail.objects.filter(kind=OutboundEmail.Kind.VISITOR, to__iexact=address, created_at__gte=midnight)
    return sent.count() < settings.COURSES_CONFIRMATIONS_PER_ADDRESS_PER_DAY


def record_contact_email(page, submission, form, request):
    """One notification to the addresses on the form page (else the organisation's)."""
    addresses = [a.strip() for a in page.to_address.split(",") if a.strip()] or organisation_addresses(
        Site.find_for_request(request)
    )
    reply_to = form.cleaned_data.get("email") or form.cleaned_data.get("e_mail") or ""
    context = {
        "page": page,
        "lines": page.render_email(form),
        "admin_url": admin_url(reverse("wagtailforms:list_submissions", args=[page.pk])),
    }
    return queue(
        kind=OutboundEmail.Kind.STAFF,
        to=addresses,
        reply_to=reply_to if isinstance(reply_to, str) else "",
        subject=page.subject or f"Nuovo messaggio da «{page.title}»",
        body=render_to_string("outbox/email/contact_staff.txt", context),
        about=submission,
    )
