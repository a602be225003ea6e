"""How courses take part in the site search: their type on /cerca/ and the snippet whose changes
must reindex them (the venue, read by `CoursePage.venue_names`)."""

from django.db.models import Prefetch
from django.utils.translation import gettext

from core.dates import italian_date, italian_until
from search.indexing import reindex_pages_using
from search.types import ResultType, result_types

from .models import CoursePage, CourseSession, Venue
from .status import CourseStatus


def course_detail(course):
    """The status and editions, e.g. «Iscrizioni aperte · prossima edizione: 12 marzo 2027», «In corso ·
    fino al 10 dicembre 2026» (never a past day as the next edition)."""
    status = course.status()
    parts = [str(status.label)]
    running = course.running_session()
    if running is not None:
        running_label = italian_until(running.end)
        parts.append(
            running_label
            if status == CourseStatus.RUNNING
            else gettext("edizione in corso {until}").format(until=running_label)
        )
    upcoming = course.next_session()
    if upcoming is not None:
        parts.append(gettext("prossima edizione: {date}").format(date=italian_date(upcoming.start)))
    return " · ".join(parts)


def register():
    result_types.register(
        ResultType(
            "corsi",
            "Corsi",
            "Corso",
            order=20,
            summary_fields=("search_description", "summary"),
            prefetch=(Prefetch("sessions", queryset=CourseSession.objects.select_related("venue")),),
            detail=course_detail,
            keywords=("corso", "corsi", "course", "courses"),
        ),
        CoursePage,
    )
    reindex_pages_using(Venue, CoursePage, "sessions__venue")
