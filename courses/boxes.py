"""Entries for the home page's "Corsi" box: the next courses still open for enrolment."""

from django.db.models import Exists, Subquery
from django.utils import timezone
from django.utils.formats import date_format

from core.boxes import BoxEntry

from .filters import open_sessions
from .models import CoursePage


def next_open_courses(request=None, limit=4, exclude_ids=()):
    now = timezone.now()
    open_session = open_sessions(now)
    courses = (
        CoursePage.objects.live()
        .public()
        .defer_streamfields()
        .exclude(pk__in=list(exclude_ids))
        .filter(Exists(open_session))
        .annotate(next_open_start=Subquery(open_session.order_by("start").values("start")[:1]))
        .order_by("next_open_start", "title")[:limit]
    )
    return [
        BoxEntry(
            title=course.title,
            url=course.get_url(request),
            description=course.summary,
            meta=(
                f"Iscrizioni aperte · dal {date_format(timezone.localtime(course.next_open_start), 'j F Y')}"
                f" · {course.get_delivery_mode_display()}"
            ),
        )
        for course in courses
    ]
