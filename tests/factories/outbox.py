"""Factories for the "Scrivici" contact form."""

import wagtail_factories

from contact.models import ContactFormField, ContactFormPage


class ContactFormPageFactory(wagtail_factories.PageFactory):
    title = "Scrivici"
    slug = "scrivici"
    to_address = "info@asap.example"
    subject = "Messaggio dal sito"

    class Meta:
        model = ContactFormPage


def add_contact_fields(page):
    for order, (label, field_type, required) in enumerate(
        [("Nome", "singleline", True), ("E-mail", "email", True), ("Messaggio", "multiline", True)]
    ):
        ContactFormField.objects.create(
            page=page, sort_order=order, label=label, field_type=field_type, required=required
        )
    return page
