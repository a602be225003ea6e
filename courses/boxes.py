"""Entries for the "Corsi" box: the next published courses still open for enrolment."""

from django.utils import timezone
from django.utils.formats import date_format

from core.boxes import BoxEntry

from .models import CoursePage


def next_open_courses(request=None, limit=4, exclude_ids=()):
    courses = CoursePage.objects.published().exclude(pk__in=list(exclude_ids)).next_open_first(timezone.now())
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
        for course in courses[:limit]
    ]
