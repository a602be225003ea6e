"""The general "Scrivici" form page (Wagtail's form builder) and its fields. Its messages are Wagtail's
form submissions; they go through the visitor forms' flow (`inbox.flow`)."""

import datetime

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField, FormSubmission
from wagtail.fields import RichTextField

from core.blocks import RICH_TEXT_FEATURES
from core.dates import italian_date, italian_datetime
from core.models import SEARCH_ENGINE_PANEL
from core.panels import FormSubmissionsPanel
from inbox.forms import HoneypotFormBuilder

from .pages import ContactFlow


class ContactFormField(AbstractFormField):
    page = ParentalKey("ContactFormPage", on_delete=models.CASCADE, related_name="form_fields")


class ContactFormPage(AbstractEmailForm):
    """The general "Scrivici" form (Wagtail form builder), served by the visitor forms' flow: the
    submission is stored first, the e-mail is queued in the outbox and sent after commit, a honeypot
    and a rate limit keep automated posts out. Unlike AbstractEmailForm, nothing is mailed inside the
    request, so a mail server outage never turns a submission into an error or loses it."""

    intro = RichTextField("Introduzione", blank=True, features=RICH_TEXT_FEATURES)
    thank_you_text = RichTextField(
        "Testo di conferma", blank=True, features=RICH_TEXT_FEATURES, help_text="Mostrato dopo l'invio."
    )
    privacy_text = models.CharField(
        "Nota sulla privacy",
        max_length=255,
        blank=True,
        default="I dati che ci invii sono usati solo per risponderti.",
    )

    form_builder = HoneypotFormBuilder
    parent_page_types = ["home.HomePage", "standardpages.ContentPage"]
    subpage_types = []

    promote_panels = [SEARCH_ENGINE_PANEL]
    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label="Campi del modulo"),
        FieldPanel("privacy_text"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading="E-mail di notifica",
        ),
    ]

    class Meta:
        verbose_name = "Modulo di contatto"
        verbose_name_plural = "Moduli di contatto"

    def render_email(self, form):
        """Wagtail's "Label: value" lines, with dates as a person reads them (`1 ottobre 2026`)."""
        lines = []
        for field in form:
            if field.name not in form.cleaned_data:
                continue
            value = form.cleaned_data[field.name]
            if isinstance(value, list):
                value = ", ".join(value)
            elif isinstance(value, datetime.datetime):
                value = italian_datetime(value)
            elif isinstance(value, datetime.date):
                value = italian_date(value)
            lines.append(f"{field.label}: {value}")
        return "\n".join(lines)

    def get_submissions_list_view_class(self):
        from .admin_views import ContactSubmissionsListView  # admin views import models: load late

        return ContactSubmissionsListView

    def serve(self, request, *args, **kwargs):
        return ContactFlow(request, self).serve()

    @classmethod
    def delete_messages_before(cls, cutoff):
        """Delete the messages of every contact form received before `cutoff` (and their e-mails);
        return how many."""
        old = FormSubmission.objects.filter(page__in=cls.objects.values("pk"), submit_time__lt=cutoff)
        _, per_model = old.delete()
        return per_model.get(FormSubmission._meta.label, 0)
