"""How courses take part in the site search: their type on /cerca/ and the snippet whose changes
must reindex them (the venue, read by `CoursePage.venue_names`)."""

from django.db.models import Prefetch
from django.utils import timezone

from search.indexing import reindex_pages_using
from search.types import ResultType, result_types, short_date

from .models import CoursePage, CourseSession, Venue


def course_detail(course):
    """The status and next edition, e.g. «Iscrizioni aperte · prossima edizione dal 12/03/2027»."""
    parts = [course.status().label]
    upcoming = course.next_session()
    if upcoming is not None:
        parts.append(f"prossima edizione dal {short_date(timezone.localtime(upcoming.start))}")
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
        ),
        CoursePage,
    )
    reindex_pages_using(Venue, CoursePage, "sessions__venue")
