"""The parts of a course page edited inline: its editions (`CourseSession`: dates, place, seats,
enrolment deadline) and the projects it belongs to."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from core.dates import italian_date_range
from core.translatable import SOURCE_ROWS

from ..enquiries import CourseEnquiry
from ..querysets import CourseSessionManager
from ..status import session_status
from .snippets import Venue


class CourseRelatedProject(Orderable):
    """A project from the project catalogue that this course belongs to or grew out of."""

    course = ParentalKey("courses.CoursePage", on_delete=models.CASCADE, related_name="related_projects")
    project = models.ForeignKey(
        "projects.ProjectPage", verbose_name="Progetto", on_delete=models.CASCADE, related_name="related_courses"
    )

    panels = [FieldPanel("project")]

    class Meta(Orderable.Meta):
        verbose_name = "Progetto collegato"
        verbose_name_plural = "Progetti collegati"


SEATS_HELP = (
    "Quanti partecipanti può accogliere l'edizione in tutto; vuoto se non c'è un limite. I posti "
    "assegnati si contano da soli: sono le richieste che la segreteria segna «Iscritto/a» in "
    "«Richieste corsi»."
)


class CourseSession(Orderable):
    """One edition of a course: dates, place, seats and enrolment deadline."""

    course = ParentalKey("courses.CoursePage", on_delete=models.CASCADE, related_name="sessions")
    edition = models.CharField("Edizione", max_length=100, help_text="Ad esempio: «1ª edizione, primavera 2026».")
    start = models.DateTimeField("Inizio")
    end = models.DateTimeField("Fine")
    venue = models.ForeignKey(
        Venue,
        verbose_name="Sede",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sessions",
        limit_choices_to=SOURCE_ROWS,  # an edition is held at the Italian row; English pages show its translation
    )
    is_online = models.BooleanField("Online", default=False)
    online_platform = models.CharField(
        "Piattaforma online", max_length=100, blank=True, help_text="Ad esempio Zoom, Teams, piattaforma e-learning."
    )
    schedule = models.CharField(
        "Calendario delle lezioni", max_length=255, blank=True, help_text="Ad esempio: martedì e giovedì 9:30-13:30."
    )
    seats = models.PositiveIntegerField("Posti disponibili", null=True, blank=True, help_text=SEATS_HELP)
    enrolment_deadline = models.DateField(
        "Scadenza iscrizioni", null=True, blank=True, help_text="Se vuota, ci si iscrive fino all'inizio."
    )
    cancelled = models.BooleanField("Annullata", default=False)

    objects = CourseSessionManager()

    panels = [
        FieldPanel("edition"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldRowPanel([FieldPanel("venue"), FieldPanel("is_online"), FieldPanel("online_platform")]),
        FieldPanel("schedule"),
        FieldRowPanel([FieldPanel("seats"), FieldPanel("enrolment_deadline")]),
        FieldPanel("cancelled"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Edizione"
        verbose_name_plural = "Edizioni"

    def __str__(self):
        return f"{self.edition} ({italian_date_range(self.start, self.end)})"

    def clean(self):
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": "La fine deve venire dopo l'inizio."})
        if not self.venue_id and not self.is_online:
            raise ValidationError({"venue": "Indica una sede oppure segna l'edizione come online."})
        if self.seats is not None and self.seats_taken > self.seats:
            taken = self.seats_taken
            raise ValidationError(
                {"seats": f"Gli iscritti a questa edizione sono già {taken}: i posti non possono essere meno."}
            )

    @property
    def seats_taken(self):
        """Participants of the enquiries staff marked as enrolled in this edition: annotated by the
        manager, counted here for a session built from a revision (preview) or just saved."""
        if "enrolled_seats" in self.__dict__:
            return self.enrolled_seats
        if self.pk is None:
            return 0
        return CourseEnquiry.objects.enrolled().filter(session=self).aggregate(total=Sum("participants"))["total"] or 0

    @property
    def is_full(self):
        return self.seats is not None and self.seats_taken >= self.seats

    @property
    def seats_left(self):
        return None if self.seats is None else max(self.seats - self.seats_taken, 0)

    def enrolment_is_open(self, now=None):
        now = now or timezone.now()
        if self.cancelled or self.end <= now:
            return False
        if self.enrolment_deadline:
            return timezone.localdate(now) <= self.enrolment_deadline
        return now < self.start

    @property
    def place_label(self):
        if self.venue and self.is_online:
            return gettext("{venue}, {city} e online").format(venue=self.venue.name, city=self.venue.city)
        if self.venue:
            return f"{self.venue.name}, {self.venue.city}"
        return (
            gettext("Online ({platform})").format(platform=self.online_platform)
            if self.online_platform
            else gettext("Online")
        )

    def status(self, now=None):
        return session_status(self, now)

    @property
    def local_start(self):
        return timezone.localtime(self.start)

    @property
    def local_end(self):
        return timezone.localtime(self.end)
