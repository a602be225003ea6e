"""A course's status follows from its sessions and the current time; nothing is stored, so it is
always right without a nightly job. A session has one of these statuses (all but "Date da
definire"); a course shows the most useful of its sessions'. Whether a session is open for enrolment
is also written in SQL (`querysets.CourseSessionQuerySet.open_for_enrolment`), for the catalogue's
filter and the home box."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CourseStatus(models.TextChoices):
    OPEN = "aperte", _("Iscrizioni aperte")
    FULL = "esauriti", _("Posti esauriti")
    CLOSED = "chiuse", _("Iscrizioni chiuse")
    RUNNING = "in_corso", _("In corso")
    FINISHED = "concluso", _("Concluso")
    CANCELLED = "annullato", _("Annullato")
    TO_BE_SCHEDULED = "da_definire", _("Date da definire")


# When sessions disagree, the course shows the first of these that any session has: what a visitor
# can still do (enrol) comes before what is happening now, and that before what is over.
COURSE_STATUS_PRIORITY = [
    CourseStatus.OPEN,
    CourseStatus.RUNNING,
    CourseStatus.FULL,
    CourseStatus.CLOSED,
    CourseStatus.FINISHED,
]


def session_status(session, now=None):
    now = now or timezone.now()
    if session.cancelled:
        return CourseStatus.CANCELLED
    if session.end <= now:
        return CourseStatus.FINISHED
    if session.start <= now:
        return CourseStatus.RUNNING
    if not session.enrolment_is_open(now):
        return CourseStatus.CLOSED
    if session.is_full:
        return CourseStatus.FULL
    return CourseStatus.OPEN


def course_status(sessions, now=None):
    now = now or timezone.now()
    statuses = {session_status(session, now) for session in sessions}
    if not statuses:
        return CourseStatus.TO_BE_SCHEDULED
    return next((status for status in COURSE_STATUS_PRIORITY if status in statuses), CourseStatus.CANCELLED)
