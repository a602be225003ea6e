"""Seats taken are no longer typed on the course page ("Posti già assegnati"): they are the
participants of the enquiries staff mark "Iscritto/a". The count each edition had is kept as one
enrolled enquiry per edition, named so that staff recognise it in "Richieste corsi"."""

from django.db import migrations, models
from django.db.models import Sum
from django.utils import timezone

PRIOR_ENROLMENTS_EMAIL = "iscrizioni-precedenti@invalid"


def seats_to_enquiries(apps, schema_editor):
    CourseSession = apps.get_model("courses", "CourseSession")
    CourseEnquiry = apps.get_model("courses", "CourseEnquiry")
    now = timezone.now()
    for session in CourseSession.objects.filter(seats_taken__gt=0).select_related("course"):
        CourseEnquiry.objects.create(
            course=session.course,
            course_title=session.course.title,
            course_code=session.course.code,
            session=session,
            first_name="Iscrizioni registrate",
            last_name="prima delle richieste",
            email=PRIOR_ENROLMENTS_EMAIL,
            request_type="preiscrizione",
            participants=session.seats_taken,
            privacy_acknowledged_at=now,
            status="iscritta",
            internal_notes=(
                "Posti che la pagina del corso indicava come già assegnati quando il conteggio è passato "
                "alle richieste segnate «Iscritto/a»."
            ),
        )


def enquiries_to_seats(apps, schema_editor):
    CourseSession = apps.get_model("courses", "CourseSession")
    CourseEnquiry = apps.get_model("courses", "CourseEnquiry")
    enrolled = CourseEnquiry.objects.filter(status="iscritta", session__isnull=False)
    for row in enrolled.values("session").annotate(total=Sum("participants")):
        CourseSession.objects.filter(pk=row["session"]).update(seats_taken=row["total"])
    CourseEnquiry.objects.filter(email=PRIOR_ENROLMENTS_EMAIL).delete()
    enrolled.update(status="in_lavorazione")


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0002_enquiry_waiting_list"),
    ]

    operations = [
        migrations.AlterField(
            model_name="courseenquiry",
            name="status",
            field=models.CharField(
                choices=[
                    ("nuova", "Nuova"),
                    ("in_lavorazione", "In lavorazione"),
                    ("iscritta", "Iscritto/a"),
                    ("chiusa", "Chiusa"),
                ],
                default="nuova",
                max_length=20,
                verbose_name="Stato",
            ),
        ),
        migrations.RunPython(seats_to_enquiries, enquiries_to_seats),
        migrations.RemoveField(model_name="coursesession", name="seats_taken"),
        migrations.AlterField(
            model_name="coursesession",
            name="seats",
            field=models.PositiveIntegerField(
                blank=True,
                help_text=(
                    "Quanti partecipanti può accogliere l'edizione in tutto; vuoto se non c'è un limite. I posti "
                    "assegnati si contano da soli: sono le richieste che la segreteria segna «Iscritto/a» in "
                    "«Richieste corsi»."
                ),
                null=True,
                verbose_name="Posti disponibili",
            ),
        ),
    ]
