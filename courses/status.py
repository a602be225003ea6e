"""A course's status follows from its sessions and the current time; nothing is stored, so it is
always right without a nightly job. The same rules exist as SQL expressions (`querysets.py`) for
the catalogue filters."""

from django.db import models
from django.utils import timezone


class SessionStatus(models.TextChoices):
    OPEN = "aperte", "Iscrizioni aperte"
    FULL = "esauriti", "Posti esauriti"
    CLOSED = "chiuse", "Iscrizioni chiuse"
    RUNNING = "in_corso", "In corso"
    FINISHED = "concluso", "Concluso"
    CANCELLED = "annullato", "Annullato"


class CourseStatus(models.TextChoices):
    OPEN = "aperte", "Iscrizioni aperte"
    FULL = "esauriti", "Posti esauriti"
    CLOSED = "chiuse", "Iscrizioni chiuse"
    RUNNING = "in_corso", "In corso"
    FINISHED = "concluso", "Concluso"
    CANCELLED = "annullato", "Annullato"
    TO_BE_SCHEDULED = "da_definire", "Date da definire"


# When sessions disagree, the course shows the first of these that any session has: what a visitor
# can still do (enrol) comes before what is happening now, and that before what is over.
COURSE_STATUS_PRIORITY = [
    SessionStatus.OPEN,
    SessionStatus.RUNNING,
    SessionStatus.FULL,
    SessionStatus.CLOSED,
    SessionStatus.FINISHED,
]


def session_status(session, now=None):
    now = now or timezone.now()
    if session.cancelled:
        return SessionStatus.CANCELLED
    if session.end <= now:
        return SessionStatus.FINISHED
    if session.start <= now:
        return SessionStatus.RUNNING
    if not session.enrolment_is_open(now):
        return SessionStatus.CLOSED
    if session.is_full:
        return SessionStatus.FULL
    return SessionStatus.OPEN


def course_status(sessions, now=None):
    now = now or timezone.now()
    statuses = {session_status(session, now) for session in sessions}
    if not statuses:
        return CourseStatus.TO_BE_SCHEDULED
    if statuses == {SessionStatus.CANCELLED}:
        return CourseStatus.CANCELLED
    for status in COURSE_STATUS_PRIORITY:
        if status in statuses:
            return CourseStatus(status.value)
    return CourseStatus.CANCELLED
