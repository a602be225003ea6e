"""One way to build what a visitor's message sends: the notification to the staff and, for the kinds
that have one, the confirmation to the visitor. Each kind names its templates, subjects and
addresses; both e-mails are queued in the outbox in the message's own transaction (see flow.py).
They are written while the visitor's request is answered: the confirmation in the language of the page
the visitor wrote from (the active language, English under /en/), the notification to the staff in
Italian whatever the visitor's language, as the admin is."""

import datetime

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Site

from core.site_settings import OrganisationSettings
from outbox.delivery import queue
from outbox.mail import admin_url, organisation_addresses
from outbox.models import OutboundEmail


def confirmations_left_today(address):
    """False once COURSES_CONFIRMATIONS_PER_ADDRESS_PER_DAY confirmations (of any form) went to this
    address today: a form cannot be used to flood someone else's mailbox."""
    midnight = timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time.min))
    sent = OutboundEmail.objects.filter(kind=OutboundEmail.Kind.VISITOR, to__iexact=address, created_at__gte=midnight)
    return sent.count() < settings.COURSES_CONFIRMATIONS_PER_ADDRESS_PER_DAY


class FormMails:
    """The e-mails one message causes. A kind subclasses it and sets the templates (they stay in the
    kind's app), the admin view the staff open, the subjects; the rest has defaults."""

    staff_template = ""
    visitor_template = ""  # empty: the kind sends no confirmation
    admin_view = ""  # URL name of the message's page in the admin, given the message's pk
    context_name = "message"  # the message's name in the templates

    def __init__(self, message, request):
        self.message = message
        self.request = request

    def staff_subject(self):
        raise NotImplementedError

    def visitor_subject(self):
        return ""

    def staff_addresses(self):
        """The organisation's e-mail (Impostazioni → Dati dell'organizzazione), else SERVER_EMAIL."""
        return organisation_addresses(Site.find_for_request(self.request))

    def reply_to(self):
        return self.message.email

    def visitor_address(self):
        return self.message.email

    def attachment(self):
        """(name, content, mimetype) for the confirmation, or None."""
        return None

    def admin_path(self):
        return reverse(self.admin_view, args=[self.message.pk])

    def context(self):
        return {
            self.context_name: self.message,
            "admin_url": admin_url(self.admin_path()),
            "organisation": OrganisationSettings.for_request(self.request),
        }

    def queue(self):
        """Queue the notification, then the confirmation while the visitor's address has had fewer
        than the day's allowance; return them for `send_after_commit`."""
        context = self.context()
        with translation.override(settings.LANGUAGE_CODE):  # the staff read Italian
            staff_subject, staff_body = self.staff_subject(), render_to_string(self.staff_template, context)
        emails = [
            queue(
                kind=OutboundEmail.Kind.STAFF,
                to=self.staff_addresses(),
                reply_to=self.reply_to(),
                subject=staff_subject,
                body=staff_body,
                about=self.message,
            )
        ]
        if self.visitor_template and confirmations_left_today(self.visitor_address()):
            emails.append(
                queue(
                    kind=OutboundEmail.Kind.VISITOR,
                    to=[self.visitor_address()],
                    subject=self.visitor_subject(),
                    body=render_to_string(self.visitor_template, context),
                    attachment=self.attachment(),
                    about=self.message,
                )
            )
        return emails
