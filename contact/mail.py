"""The notification a "Scrivici" message causes: to the addresses on the form page (else the
organisation's), with the message as "Campo: valore" lines. No confirmation goes to the visitor."""

from django.urls import reverse

from inbox.mail import FormMails


class ContactMails(FormMails):
    staff_template = "contact/email/contact_staff.txt"

    def __init__(self, message, request, *, page, lines):
        super().__init__(message, request)
        self.page = page
        self.lines = lines

    def staff_subject(self):
        return self.page.subject or f"Nuovo messaggio da «{self.page.title}»"

    def staff_addresses(self):
        addresses = [address.strip() for address in self.page.to_address.split(",") if address.strip()]
        return addresses or super().staff_addresses()

    def reply_to(self):
        data = self.message.form_data
        reply_to = data.get("email") or data.get("e_mail") or ""
        return reply_to if isinstance(reply_to, str) else ""

    def admin_path(self):
        return reverse("wagtailforms:list_submissions", args=[self.page.pk])

    def context(self):
        return {**super().context(), "page": self.page, "lines": self.lines}
