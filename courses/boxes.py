"""Entries for the "Corsi" box: the next published courses still open for enrolment."""

from django.utils import timezone
from django.utils.translation import gettext

from core.boxes import BoxEntry
from core.dates import italian_since

from .models import CoursePage


def next_open_courses(request=None, limit=4, exclude_ids=()):
    courses = CoursePage.objects.published().exclude(pk__in=list(exclude_ids)).next_open_first(timezone.now())
    return [
        BoxEntry(
            title=course.title,
            url=course.get_url(request),
            description=course.summary,
            meta=(
                f"{gettext('Iscrizioni aperte')} · {italian_since(course.next_open_start)} · {course.get_delivery_mode_display()}"
            ),
        )
        for course in courses[:limit]
    ]
