"""The newsletter's audience: topics, subscribers and the log that proves each one's consent.

A subscriber is one address with a status (pending until the link in the confirmation e-mail is
opened, then active; unsubscribed or undeliverable at the end). Every step that gives, changes or
withdraws consent appends a `ConsentEvent` with the text version shown, as the cookie consent
records do (docs/newsletter.md, "Iscritti e consenso")."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone, translation
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe

from core.dates import italian_datetime

from .querysets import SubscriberQuerySet

__all__ = ["ConsentEvent", "Subscriber", "Topic"]


class Topic(models.Model):
    """What a subscriber wants to hear about (corsi, notizie, avvisi, eventi): made by a data
    migration; staff may add more (territories) in the admin."""

    slug = models.SlugField("Codice", max_length=50, unique=True)
    name = models.CharField("Nome", max_length=80)
    name_en = models.CharField("Nome in inglese", max_length=80)
    sort_order = models.PositiveSmallIntegerField("Ordine", default=0)

    class Meta:
        verbose_name = "Argomento della newsletter"
        verbose_name_plural = "Argomenti della newsletter"
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    @property
    def label(self):
        """The name in the language of the request (or of the e-mail being composed)."""
        return self.name_en if translation.get_language() == "en" and self.name_en else self.name


class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "In attesa di conferma"
        ACTIVE = "active", "Attivo"
        UNSUBSCRIBED = "unsubscribed", "Disiscritto"
        UNDELIVERABLE = "undeliverable", "Indirizzo non valido"

    class Language(models.TextChoices):
        ITALIAN = "it", "Italiano"
        ENGLISH = "en", "Inglese"

    email = models.EmailField("E-mail", max_length=254)
    name = models.CharField("Nome", max_length=120, blank=True)
    language = models.CharField("Lingua", max_length=2, choices=Language.choices, default=Language.ITALIAN)
    topics = models.ManyToManyField(Topic, verbose_name="Argomenti", blank=True, related_name="subscribers")
    status = models.CharField("Stato", max_length=15, choices=Status.choices, default=Status.PENDING, db_index=True)
    consent_version = models.CharField("Versione dell'informativa accettata", max_length=32, blank=True)
    created_at = models.DateTimeField("Iscritto il", default=timezone.now, db_index=True)
    confirmed_at = models.DateTimeField("Confermato il", null=True, blank=True)
    unsubscribed_at = models.DateTimeField("Disiscritto il", null=True, blank=True)
    confirmation_sent_at = models.DateTimeField("Ultima e-mail di conferma", null=True, blank=True)
    undeliverable_at = models.DateTimeField("Indirizzo non valido dal", null=True, blank=True)
    undeliverable_reason = models.CharField("Motivo del mancato recapito", max_length=255, blank=True)
    # The confirmation e-mails it caused: purging an unconfirmed sign-up deletes them too.
    emails = GenericRelation("outbox.OutboundEmail", content_type_field="about_type", object_id_field="about_id")

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = "Iscritto alla newsletter"
        verbose_name_plural = "Iscritti alla newsletter"
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(Lower("email"), name="subscriber_email_unique_any_case")]

    def __str__(self):
        return self.email

    def save(self, *args, **kwargs):
        self.email = (self.email or "").strip().lower()
        super().save(*args, **kwargs)

    @property
    def topic_names(self):
        """The topics' Italian names, for the staff list and export (prefetch `topics`)."""
        return ", ".join(topic.name for topic in self.topics.all())

    topic_names.fget.short_description = "Argomenti"

    @property
    def consent_log(self):
        """The consent events, one a line, for the staff's detail page."""
        lines = [
            (
                italian_datetime(event.created_at),
                event.get_action_display(),
                ", ".join(event.topics) or "-",
                event.text_version or "-",
                event.source or "-",
            )
            for event in self.consent_events.all()
        ]
        return (
            format_html_join(
                mark_safe("<br>"), "{}: {} (argomenti: {}; versione del testo: {}; provenienza: {})", lines
            )
            or "-"
        )

    consent_log.fget.short_description = "Registro dei consensi"

    @property
    def is_active(self):
        return self.status == self.Status.ACTIVE

    def mark_undeliverable(self, reason):
        """A permanent failure (the server said the mailbox does not exist): nothing more is sent to
        this address; staff see the reason in the list."""
        self.status = self.Status.UNDELIVERABLE
        self.undeliverable_at = timezone.now()
        self.undeliverable_reason = str(reason)[:255]
        self.save(update_fields=["status", "undeliverable_at", "undeliverable_reason"])

    def log(self, action, *, when=None, version=None, topics=None, source=""):
        """Append a consent event with what the subscriber has now (or the given topics)."""
        slugs = sorted(topic.slug for topic in self.topics.all()) if topics is None else sorted(topics)
        return ConsentEvent.objects.create(
            subscriber=self,
            action=action,
            created_at=when or timezone.now(),
            text_version=self.consent_version if version is None else version,
            topics=slugs,
            language=self.language,
            source=source,
        )


class ConsentEvent(models.Model):
    """One step of a subscriber's consent, never changed afterwards: it is the proof of what was
    accepted (or withdrawn), when, and with which text. No IP address, no user agent."""

    class Action(models.TextChoices):
        SUBSCRIBE = "subscribe", "Iscrizione"
        CONFIRM = "confirm", "Conferma"
        CHANGE_TOPICS = "topics", "Modifica argomenti"
        UNSUBSCRIBE = "unsubscribe", "Disiscrizione"
        IMPORT = "import", "Importazione"

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="consent_events")
    action = models.CharField("Azione", max_length=15, choices=Action.choices)
    created_at = models.DateTimeField("Data e ora", default=timezone.now, db_index=True)
    text_version = models.CharField("Versione dell'informativa", max_length=32, blank=True)
    topics = models.JSONField("Argomenti", default=list, blank=True)
    language = models.CharField("Lingua", max_length=2, blank=True)
    source = models.CharField("Provenienza", max_length=40, blank=True)

    class Meta:
        verbose_name = "Registrazione del consenso alla newsletter"
        verbose_name_plural = "Registro dei consensi alla newsletter"
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.subscriber} · {self.get_action_display()}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Il registro dei consensi non si modifica: si aggiunge una nuova registrazione.")
        super().save(*args, **kwargs)
