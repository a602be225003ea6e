"""The e-mails a report causes, queued in the outbox in the report's transaction: a notice to the
staff (the organisation's e-mail) and an acknowledgement to the sender, which names the 30-day
deadline and AgID's procedure for when no answer comes."""

from django.template.loader import render_to_string
from django.urls import reverse
from wagtail.models import Site

from core.dates import italian_on
from core.site_settings import OrganisationSettings
from outbox.delivery import queue
from outbox.mail import admin_url, confirmations_left_today, organisation_addresses
from outbox.models import OutboundEmail

from .feedback import AGID_PROCEDURE_URL


def record_feedback_emails(feedback, request):
    context = {
        "feedback": feedback,
        "agid_url": AGID_PROCEDURE_URL,
        "admin_url": admin_url(reverse("accessibility_feedback:edit", args=[feedback.pk])),
        "organisation": OrganisationSettings.for_request(request),
    }
    staff = queue(
        kind=OutboundEmail.Kind.STAFF,
        to=organisation_addresses(Site.find_for_request(request)),
        reply_to=feedback.email,
        subject=f"Segnalazione di accessibilità: rispondere entro {italian_on(feedback.reply_deadline)}",
        body=render_to_string("accessibility/email/feedback_staff.txt", context),
        about=feedback,
    )
    if not confirmations_left_today(feedback.email):
        return [staff]
    visitor = queue(
        kind=OutboundEmail.Kind.VISITOR,
        to=[feedback.email],
        subject="Abbiamo ricevuto la tua segnalazione di accessibilità",
        body=render_to_string("accessibility/email/feedback_visitor.txt", context),
        about=feedback,
    )
    return [staff, visitor]
