"""Entries for the "Corsi" box: the next published courses still open for enrolment. A republish
purges the box only if it shows the course or changes what the box chooses and orders by
(`BOX_FACTS`: the title, the editions' dates, seats and cancellation; connected in `apps.py`): not
on every page at each publish. Seats taken by enrolments purge everything (`admin_views.py`)."""

from django.utils import timezone
from django.utils.translation import gettext

from core.boxes import BoxEntry
from core.dates import italian_since
from core.parts import listed_by_first_publish

from .models import CoursePage

BOX_FACTS = "courses:box-facts"


def course_facts(course):
    return course.title


def session_facts(session):
    return (session.course_id, session.start, session.enrolment_deadline, session.seats, session.cancelled)


def next_open_courses(request=None, limit=4, exclude_ids=(), locale_id=None):
    """The courses in the home page's locale (`locale_id`) when given: the English home lists English
    pages, and leaves out the translations of the picked (Italian) pages too."""
    courses = CoursePage.objects.published().exclude(pk__in=list(exclude_ids))
    if locale_id is not None:
        picked = CoursePage.objects.filter(pk__in=list(exclude_ids)).values("translation_key")
        courses = courses.filter(locale_id=locale_id).exclude(translation_key__in=picked)
    with listed_by_first_publish(CoursePage, facts=[BOX_FACTS]):
        courses = list(courses.next_open_first(timezone.now())[:limit])
    return [
        BoxEntry(
            title=course.title,
            url=course.get_url(request),
            description=course.summary,
            meta=(
                f"{gettext('Iscrizioni aperte')} · {italian_since(course.next_open_start)} · {course.get_delivery_mode_display()}"
            ),
        )
        for course in courses
    ]
