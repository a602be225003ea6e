"""A mailing is one sending (an issue, or a weekly alert) and its deliveries, one row per subscriber.

The delivery rows are the proof of what went out: each is claimed (pending → sending, committed)
before its e-mail is sent and marked afterwards, so a restarted worker sends the rest once and never
resends a row whose outcome is unknown (see sending.py, which follows outbox/delivery.py)."""

from email.utils import parseaddr

from django.conf import settings
from django.db import models
from django.utils import timezone
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


class Mailing(models.Model):
    class Kind(models.TextChoices):
        ISSUE = "issue", "Numero della newsletter"
        ALERT = "alert", "Avviso settimanale"

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Programmato"
        SENDING = "sending", "In invio"
        SENT = "sent", "Inviato"
        CANCELLED = "cancelled", "Annullato"

    kind = models.CharField("Tipo", max_length=10, choices=Kind.choices, default=Kind.ISSUE)
    issue = models.OneToOneField(
        "newsletter.NewsletterIssuePage",
        verbose_name="Numero",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="mailing",
    )
    # Alerts: which digest of which week ("corsi-2026-W49"), and the pages it lists.
    alert_key = models.CharField("Avviso", max_length=40, blank=True)
    alert_pages = models.JSONField("Pagine dell'avviso", default=list, blank=True)
    subject = models.CharField("Oggetto", max_length=255)
    topic_slugs = models.JSONField("Argomenti", default=list)
    status = models.CharField("Stato", max_length=10, choices=Status.choices, default=Status.SCHEDULED)
    send_at = models.DateTimeField("Invio previsto", default=timezone.now, db_index=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="Richiesto da", null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField("Creato il", default=timezone.now)
    started_at = models.DateTimeField("Iniziato il", null=True, blank=True)
    finished_at = models.DateTimeField("Concluso il", null=True, blank=True)
    progress_at = models.DateTimeField("Ultimo avanzamento", null=True, blank=True)

    class Meta:
        verbose_name = "Invio della newsletter"
        verbose_name_plural = "Invii della newsletter"
        ordering = ["-send_at", "-pk"]
        permissions = [("send_newsletter", "Può inviare la newsletter agli iscritti")]
        constraints = [
            models.UniqueConstraint(fields=["alert_key"], condition=~models.Q(alert_key=""), name="one_alert_per_week")
        ]

    def __str__(self):
        return self.subject


def stable_message_id(mailing_id, subscriber_id):
    """The same Message-ID for a subscriber and a mailing at every attempt: a copy that still arrives
    twice is recognisable as one."""
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"
    return f"<newsletter.{mailing_id}.{subscriber_id}@{domain}>"


class Delivery(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Da inviare"
        SENDING = "sending", "In invio"
        SENT = "sent", "Inviata"
        FAILED = "failed", "Rifiutata"
        SKIPPED = "skipped", "Non inviata (iscrizione cessata)"
        UNCERTAIN = "uncertain", "Esito incerto"

    mailing = models.ForeignKey(Mailing, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(
        "subscriptions.Subscriber", null=True, on_delete=models.SET_NULL, related_name="newsletter_deliveries"
    )
    language = models.CharField("Lingua", max_length=2)
    message_id = models.CharField("Message-ID", max_length=255)
    status = models.CharField("Stato", max_length=10, choices=Status.choices, default=Status.PENDING)
    claimed_at = models.DateTimeField("Invio iniziato il", null=True, blank=True)
    sent_at = models.DateTimeField("Inviata il", null=True, blank=True)
    error = models.TextField("Errore", blank=True)

    class Meta:
        verbose_name = "Recapito della newsletter"
        verbose_name_plural = "Recapiti della newsletter"
        constraints = [models.UniqueConstraint(fields=["mailing", "subscriber"], name="one_delivery_per_subscriber")]
        indexes = [models.Index(fields=["mailing", "status", "id"])]

    def __str__(self):
        return f"{self.mailing} → {self.subscriber_id} ({self.get_status_display()})"


@register_setting(icon="mail")
class NewsletterSettings(BaseSiteSetting):
    """Editors switch the automatic weekly alerts off here (Impostazioni → Newsletter)."""

    courses_alert = models.BooleanField(
        "Avviso settimanale «Nuovi corsi»",
        default=True,
        help_text="Ogni lunedì, agli iscritti all'argomento corsi, i corsi pubblicati nella settimana precedente.",
    )
    calls_alert = models.BooleanField(
        "Avviso settimanale «Nuovi avvisi»",
        default=True,
        help_text="Ogni lunedì, agli iscritti all'argomento avvisi, gli avvisi e bandi pubblicati nella settimana.",
    )

    class Meta:
        verbose_name = "Newsletter"
