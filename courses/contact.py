"""The general "Contatti" form (Wagtail form builder), with the enquiry form's guarantees: the
submission is stored first, the e-mail is recorded in the outbox and sent after commit, a honeypot
and a rate limit keep automated posts out. Unlike AbstractEmailForm, nothing is mailed inside the
request, so a mail server outage never turns a submission into an error or loses it."""

from django.db import models, transaction
from django.template.response import TemplateResponse
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.forms import FormBuilder
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.fields import RichTextField

from core.blocks import RICH_TEXT_FEATURES
from core.models import SEARCH_ENGINE_PANEL
from core.panels import FormSubmissionsPanel

from .forms import HONEYPOT_FIELD, HoneypotMixin


class ContactFormField(AbstractFormField):
    page = ParentalKey("ContactFormPage", on_delete=models.CASCADE, related_name="form_fields")


class HoneypotFormBuilder(FormBuilder):
    def get_form_class(self):
        return type("ContactForm", (HoneypotMixin, super().get_form_class()), {})


class ContactFormPage(AbstractEmailForm):
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

    def serve(self, request, *args, **kwargs):
        from core.ratelimit import hit

        self._current_request = request  # process_form_submission() is not given the request
        if request.method == "POST":
            if not hit(request, "contact"):
                context = self.get_context(request)
                return TemplateResponse(request, "courses/too_many_requests.html", context, status=429)
            form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
            if form.is_spam():
                # Looks like a success to the sender; nothing is stored or sent.
                return self.render_landing_page(request, None, *args, **kwargs)
        return super().serve(request, *args, **kwargs)

    def process_form_submission(self, form):
        from .mail import record_contact_emails
        from .outbox import send_after_commit

        form.cleaned_data.pop(HONEYPOT_FIELD, None)
        with transaction.atomic():
            submission = self.get_submission_class().objects.create(form_data=form.cleaned_data, page=self)
            emails = record_contact_emails(self, submission, form, self._current_request)
        send_after_commit(emails)
        return submission
