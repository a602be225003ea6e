"""What visitors send to take part in an event: the registration. Its e-mails wait in the outbox,
queued in the same transaction (`mail.py`); the seat is taken under a row lock (`take_seat`), so
two visitors posting at once never both get the last one."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confermata", _("Confermata")
    WAITING_LIST = "lista_attesa", _("In lista d'attesa")
    CANCELLED = "annullata", _("Annullata")


class EventRegistrationQuerySet(models.QuerySet):
    def taking_seats(self):
        return self.filter(status=RegistrationStatus.CONFIRMED)


class EventRegistration(models.Model):
    # Registrations outlive their event page: deleting the page keeps them, with its title.
    event = models.ForeignKey(
        "events.EventPage",
        verbose_name="Evento",
        null=True,
        on_delete=models.SET_NULL,
        related_name="registrations",
    )
    event_title = models.CharField("Titolo dell'evento", max_length=255, default="", editable=False)
    created_at = models.DateTimeField("Ricevuta il", default=timezone.now, db_index=True)
    first_name = models.CharField(_("Nome"), max_length=100)
    last_name = models.CharField(_("Cognome"), max_length=100)
    email = models.EmailField(_("E-mail"))
    organisation = models.CharField(_("Ente o organizzazione"), max_length=200, blank=True)
    privacy_acknowledged_at = models.DateTimeField("Presa visione dell'informativa privacy")
    # The language the visitor registered in: their e-mails and calendar file are written in it.
    language = models.CharField("Lingua", max_length=10, default="it", editable=False)

    status = models.CharField(
        "Stato", max_length=20, choices=RegistrationStatus.choices, default=RegistrationStatus.CONFIRMED
    )
    internal_notes = models.TextField("Note interne", blank=True, help_text="Visibili solo allo staff.")
    emails = GenericRelation(
        "outbox.OutboundEmail",
        content_type_field="about_type",
        object_id_field="about_id",
        related_query_name="event_registration",
    )

    objects = EventRegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = "Iscrizione a un evento"
        verbose_name_plural = "Iscrizioni agli eventi"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["event", "status"])]

    def __str__(self):
        return f"{self.full_name}: {self.event_label}"

    def save(self, *args, **kwargs):
        if self.event is not None and not self.event_title:
            self.event_title = self.event.title
        super().save(*args, **kwargs)

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}"

    @property
    def event_label(self):
        return self.event_title if self.event_id else f"{self.event_title} (pagina eliminata)"

    @property
    def on_waiting_list(self):
        return self.status == RegistrationStatus.WAITING_LIST


def take_seat(registration, event_model):
    """Save `registration` as confirmed while its event has a free seat, else on the waiting list.
    Inside the caller's transaction the event's row is locked first (PostgreSQL: SELECT ... FOR
    UPDATE), so concurrent registrations count the seats one after another."""
    event = event_model.objects.select_for_update(of=("self",)).only("pk", "seats").get(pk=registration.event_id)
    taken = EventRegistration.objects.taking_seats().filter(event=event.pk).count()
    full = event.seats is not None and taken >= event.seats
    registration.status = RegistrationStatus.WAITING_LIST if full else RegistrationStatus.CONFIRMED
    registration.save()
    # the last seat: the event's page and listings must say it is full from now on
    registration.filled_event = not full and event.seats is not None and taken + 1 >= event.seats
    return registration
