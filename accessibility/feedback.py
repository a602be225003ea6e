"""What visitors report about the site's accessibility (AgID guidelines: the accessibility statement
offers a feedback mechanism, and the organisation answers within 30 days; without an answer, or with
an unsatisfactory one, the visitor may turn to AgID's Difensore civico per il digitale)."""

from datetime import timedelta

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

REPLY_DAYS = 30
AGID_PROCEDURE_URL = "https://form.agid.gov.it/"


class FeedbackStatus(models.TextChoices):
    NEW = "nuova", "Nuova"
    IN_PROGRESS = "in_lavorazione", "In lavorazione"
    ANSWERED = "risposta", "Risposta inviata"


class AccessibilityFeedback(models.Model):
    created_at = models.DateTimeField("Ricevuta il", default=timezone.now, db_index=True)
    name = models.CharField(_("Nome e cognome"), max_length=200)
    email = models.EmailField(_("E-mail"))
    page_url = models.URLField(
        "Indirizzo della pagina", max_length=500, help_text="L'indirizzo della pagina dove hai trovato il problema."
    )
    description = models.TextField("Descrizione del problema")

    status = models.CharField("Stato", max_length=20, choices=FeedbackStatus.choices, default=FeedbackStatus.NEW)
    replied_on = models.DateField(
        "Risposto il", null=True, blank=True, help_text="Il giorno in cui hai risposto a chi ha scritto."
    )
    internal_notes = models.TextField("Note interne", blank=True, help_text="Visibili solo allo staff.")
    # The staff notice and the sender's acknowledgement; deleted with the report.
    emails = GenericRelation(
        "outbox.OutboundEmail",
        content_type_field="about_type",
        object_id_field="about_id",
        related_query_name="accessibility_feedback",
    )

    class Meta:
        verbose_name = "Segnalazione di accessibilità"
        verbose_name_plural = "Segnalazioni di accessibilità"
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name}: {self.page_url}"

    def save(self, *args, **kwargs):
        if self.replied_on and self.status != FeedbackStatus.ANSWERED:
            self.status = FeedbackStatus.ANSWERED
        super().save(*args, **kwargs)

    @property
    def reply_deadline(self):
        """The last day of the 30 the guidelines allow for an answer."""
        return timezone.localdate(self.created_at) + timedelta(days=REPLY_DAYS)

    @property
    def overdue(self):
        return self.replied_on is None and timezone.localdate() > self.reply_deadline
