"""What visitors send about a course: the enquiry. Its e-mails wait in the outbox (`outbox` app),
queued in the same transaction as the enquiry (`mail.py`)."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class EnquiryStatus(models.TextChoices):
    NEW = "nuova", "Nuova"
    IN_PROGRESS = "in_lavorazione", "In lavorazione"
    # Staff set it when the person is enrolled: the edition's seats taken are these enquiries'
    # participants (`CourseSession.seats_taken`), so nobody edits the course page to count them.
    ENROLLED = "iscritta", "Iscritto/a"
    CLOSED = "chiusa", "Chiusa"


class RequestType(models.TextChoices):
    INFORMATION = "informazioni", _("Informazioni")
    PRE_ENROLMENT = "preiscrizione", _("Pre-iscrizione")
    DEDICATED_EDITION = "edizione_dedicata", _("Edizione dedicata per un ente")


class CourseEnquiryQuerySet(models.QuerySet):
    def enrolled(self):
        return self.filter(status=EnquiryStatus.ENROLLED, session__isnull=False)

    def seats_taken_by_session(self):
        """The seats an outer `CourseSession` query's row has taken: its enrolled participants."""
        taken = (
            self.enrolled()
            .filter(session=OuterRef("pk"))
            .order_by()
            .values("session")
            .annotate(total=Sum("participants"))
            .values("total")
        )
        return Coalesce(Subquery(taken), 0)


class CourseEnquiry(models.Model):
    # Enquiries outlive their course page: deleting the page keeps them, with the title and code
    # copied here when the enquiry arrived.
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name="Corso",
        null=True,
        on_delete=models.SET_NULL,
        related_name="enquiries",
    )
    course_title = models.CharField("Titolo del corso", max_length=255, default="", editable=False)
    course_code = models.CharField("Codice del corso", max_length=30, default="", editable=False)
    session = models.ForeignKey(
        "courses.CourseSession",
        verbose_name="Edizione",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="enquiries",
    )
    created_at = models.DateTimeField("Ricevuta il", default=timezone.now, db_index=True)
    first_name = models.CharField(_("Nome"), max_length=100)
    last_name = models.CharField(_("Cognome"), max_length=100)
    email = models.EmailField(_("E-mail"))
    phone = models.CharField(_("Telefono"), max_length=40, blank=True)
    organisation = models.CharField(_("Ente o organizzazione"), max_length=200, blank=True)
    request_type = models.CharField(_("Tipo di richiesta"), max_length=20, choices=RequestType.choices)
    # Sent for an edition that was full: the visitor asks for a seat in it if one frees up. Staff
    # decide who gets it; nothing moves people off the list automatically.
    waiting_list = models.BooleanField("Lista d'attesa", default=False, db_index=True)
    participants = models.PositiveIntegerField("Numero di partecipanti", default=1)
    message = models.TextField("Messaggio", blank=True)
    privacy_acknowledged_at = models.DateTimeField("Presa visione dell'informativa privacy")
    marketing_consent = models.BooleanField("Consenso alle comunicazioni promozionali", default=False)

    status = models.CharField("Stato", max_length=20, choices=EnquiryStatus.choices, default=EnquiryStatus.NEW)
    internal_notes = models.TextField("Note interne", blank=True, help_text="Visibili solo allo staff.")
    anonymised_at = models.DateTimeField("Anonimizzata il", null=True, blank=True, editable=False)
    # The staff notification and the visitor's confirmation; deleted with the enquiry.
    emails = GenericRelation(
        "outbox.OutboundEmail",
        content_type_field="about_type",
        object_id_field="about_id",
        related_query_name="enquiry",
    )

    objects = CourseEnquiryQuerySet.as_manager()

    class Meta:
        verbose_name = "Richiesta di informazioni sui corsi"
        verbose_name_plural = "Richieste di informazioni sui corsi"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "-created_at"])]

    def __str__(self):
        return f"{self.first_name} {self.last_name}: {self.course_label}"

    def save(self, *args, **kwargs):
        if self.course is not None and not self.course_title:
            self.course_title, self.course_code = self.course.title, self.course.code
        super().save(*args, **kwargs)

    @property
    def course_label(self):
        if self.course is None:
            return f"{self.course_title} (pagina eliminata)"
        return self.course.title

    @property
    def takes_seats(self):
        """Whether this enquiry counts among its edition's seats taken."""
        return self.status == EnquiryStatus.ENROLLED and self.session_id is not None

    @property
    def session_label(self):
        return self.session.edition if self.session_id else "Nessuna in particolare"

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}"

    def anonymise(self):
        """Keep the numbers (course, date, type, participants) and drop everything personal."""
        self.first_name = "Anonimo"
        self.last_name = ""
        self.email = "anonimo@invalid"
        self.phone = ""
        self.organisation = ""
        self.message = ""
        self.internal_notes = ""
        self.marketing_consent = False
        self.anonymised_at = timezone.now()
        self.save()
        self.emails.all().delete()
