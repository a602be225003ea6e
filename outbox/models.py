"""The outbox and the "Scrivici" contact form.

Every e-mail a visitor's post causes is first written to `OutboundEmail` in the same transaction as
what it is about (a course enquiry, a contact message), and only then sent (by a task after commit,
or by `send_pending_mail`). The row is the proof of what still has to go out, so a mail server
outage delays e-mails but never loses them; a row marked as sent is never sent again, and one whose
sending may or may not have gone through is never resent by itself (see delivery.py). The row
knows what it is about only through a generic link, so any app can queue e-mails."""

import datetime
from email.utils import make_msgid, parseaddr

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField, FormSubmission
from wagtail.fields import RichTextField

from core.blocks import RICH_TEXT_FEATURES
from core.dates import italian_date, italian_datetime
from core.models import SEARCH_ENGINE_PANEL
from core.panels import FormSubmissionsPanel
from serving import ratelimit

from .forms import HONEYPOT_FIELD, HoneypotFormBuilder


def new_message_id():
    """A Message-ID fixed when the e-mail is queued: every attempt sends the same one, so a copy that
    still arrives twice is recognisable (and threaded as one) by the recipient's mail client."""
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"
    return make_msgid(domain=domain)


class OutboundEmail(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Da inviare"
        SENDING = "sending", "In invio"
        SENT = "sent", "Inviata"
        UNCERTAIN = "uncertain", "Esito incerto"

    class Kind(models.TextChoices):
        STAFF = "staff", "Notifica allo staff"
        VISITOR = "visitor", "Conferma al visitatore"

    # What the e-mail is about; deleting it deletes its e-mails (a GenericRelation on the owner's
    # model, or a signal for models we do not own: see signals.py).
    about_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.CASCADE, related_name="+", verbose_name="Riguarda (tipo)"
    )
    about_id = models.PositiveBigIntegerField("Riguarda (ID)", null=True, blank=True)
    about = GenericForeignKey("about_type", "about_id")

    kind = models.CharField("Tipo", max_length=10, choices=Kind.choices)
    to = models.TextField("Destinatari", help_text="Indirizzi separati da virgole.")
    reply_to = models.CharField("Rispondi a", max_length=254, blank=True)
    subject = models.CharField("Oggetto", max_length=255)
    body = models.TextField("Testo")
    attachment_name = models.CharField(max_length=100, blank=True)
    attachment_content = models.TextField(blank=True)
    attachment_mimetype = models.CharField(max_length=100, blank=True)

    message_id = models.CharField("Message-ID", max_length=255, default=new_message_id, editable=False)
    status = models.CharField("Stato", max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    created_at = models.DateTimeField("Creata il", default=timezone.now)
    claimed_at = models.DateTimeField("Invio iniziato il", null=True, blank=True)
    sent_at = models.DateTimeField("Inviata il", null=True, blank=True)
    attempts = models.PositiveIntegerField("Tentativi", default=0)
    last_error = models.TextField("Ultimo errore", blank=True)

    class Meta:
        verbose_name = "E-mail in uscita"
        verbose_name_plural = "E-mail in uscita"
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["about_type", "about_id"])]

    def __str__(self):
        return f"{self.subject} → {self.to} ({self.get_status_display()})"

    @property
    def recipients(self):
        return [address.strip() for address in self.to.split(",") if address.strip()]


class ContactFormField(AbstractFormField):
    page = ParentalKey("ContactFormPage", on_delete=models.CASCADE, related_name="form_fields")


class ContactFormPage(AbstractEmailForm):
    """The general "Scrivici" form (Wagtail form builder), with the outbox's guarantees: the
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
        self._current_request = request  # process_form_submission() is not given the request
        if request.method == "POST":
            form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
            # only posts that would be accepted count: a visitor correcting mistakes is never throttled
            if (form.is_spam() or form.is_valid()) and not ratelimit.hit(request, "contact"):
                return ratelimit.too_many_requests(request, "contact", kind="forms")
            if form.is_spam():
                # Looks like a success to the sender; nothing is stored or sent.
                return self.render_landing_page(request, None, *args, **kwargs)
        return super().serve(request, *args, **kwargs)

    def process_form_submission(self, form):
        from .delivery import send_after_commit
        from .mail import record_contact_email

        form.cleaned_data.pop(HONEYPOT_FIELD, None)
        with transaction.atomic():
            submission = self.get_submission_class().objects.create(form_data=form.cleaned_data, page=self)
            email = record_contact_email(self, submission, form, self._current_request)
        send_after_commit([email])
        return submission

    @classmethod
    def delete_messages_before(cls, cutoff):
        """Delete the messages of every contact form received before `cutoff` (and their e-mails);
        return how many."""
        old = FormSubmission.objects.filter(page__in=cls.objects.values("pk"), submit_time__lt=cutoff)
        _, per_model = old.delete()
        return per_model.get(FormSubmission._meta.label, 0)
