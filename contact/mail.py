"""The notification a "Scrivici" message causes: to the addresses on the form page (else the
organisation's), with the message as "Campo: valore" lines. No confirmation goes to the visitor.

The staff read Italian: a message sent from the English page is told with the Italian page's title,
subject, addresses and field labels (translations keep the fields' names, `clean_name`)."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from inbox.mail import FormMails


def italian_source(page):
    """The Italian page `page` translates (itself when it is the Italian one or has none)."""
    if not settings.WAGTAIL_I18N_ENABLED or page.locale.language_code == settings.LANGUAGE_CODE:
        return page
    source = page.get_translation_or_none(Locale.get_default())
    return source.specific if source else page


def staff_lines(page, source, form):
    """The message as "Campo: valore" lines under the source page's labels, dates in Italian."""
    labels = {field.clean_name: field.label for field in source.form_fields.all()} if source.pk != page.pk else {}
    for bound_field in form:  # the fields as render_email reads them (kept by the form once made)
        bound_field.label = labels.get(bound_field.name, bound_field.label)
    with translation.override(settings.LANGUAGE_CODE):
        return page.render_email(form)


class ContactMails(FormMails):
    staff_template = "contact/email/contact_staff.txt"

    def __init__(self, message, request, *, page, form):
        super().__init__(message, request)
        self.page = page  # where the message was sent (and is listed in the admin)
        self.source = italian_source(page)
        self.lines = staff_lines(page, self.source, form)

    def staff_subject(self):
        return self.source.subject or f"Nuovo messaggio da «{self.source.title}»"

    def staff_addresses(self):
        addresses = [address.strip() for address in self.source.to_address.split(",") if address.strip()]
        return addresses or super().staff_addresses()

    def reply_to(self):
        data = self.message.form_data
        reply_to = data.get("email") or data.get("e_mail") or ""
        return reply_to if isinstance(reply_to, str) else ""

    def admin_path(self):
        return reverse("wagtailforms:list_submissions", args=[self.page.pk])

    def context(self):
        return {**super().context(), "page": self.source, "lines": self.lines}
