"""The e-mails a sign-up causes, in the subscriber's language, queued in the outbox in the sign-up's
transaction: the confirmation with its expiring link, or, for an address already active, a note
with its preferences link (so signing up again reveals nothing on the page and still helps the owner)."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

from core.site_settings import OrganisationSettings
from inbox.mail import confirmations_left_today
from outbox.delivery import queue
from outbox.models import OutboundEmail

from .links import confirmation_url, preferences_url, unsubscribe_url

TEMPLATES = {"confirm": "subscriptions/email/confirm.txt", "already": "subscriptions/email/already_subscribed.txt"}
SUBJECTS = {
    "confirm": gettext_noop("Conferma la tua iscrizione alla newsletter"),
    "already": gettext_noop("Sei già iscritto alla newsletter"),
}


def queue_signup_mail(subscriber, kind, site):
    """Queue the e-mail of this kind ("confirm" or "already"); return the queued rows."""
    if kind is None or not confirmations_left_today(subscriber.email):
        return []
    with translation.override(subscriber.language):
        context = {
            "subscriber": subscriber,
            "confirmation_url": confirmation_url(subscriber),
            "preferences_url": preferences_url(subscriber),
            "unsubscribe_url": unsubscribe_url(subscriber),
            "days": settings.SUBSCRIPTIONS_CONFIRMATION_DAYS,
            "organisation": OrganisationSettings.for_site(site) if site else None,
        }
        subject = gettext(SUBJECTS[kind])
        body = render_to_string(TEMPLATES[kind], context)
    email = queue(kind=OutboundEmail.Kind.VISITOR, to=[subscriber.email], subject=subject, body=body, about=subscriber)
    return [email]
