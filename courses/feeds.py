"""iCalendar (RFC 5545) files: one per course and one for the whole catalogue.

Their texts are in the active language (the page's, or the visitor's for an e-mail's attachment).
UIDs are built from database ids and a fixed domain, so a calendar that subscribed to the feed
updates events instead of duplicating them; times carry TZID=Europe/Rome with its VTIMEZONE."""

from urllib.parse import urlparse
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext

ROME = ZoneInfo("Europe/Rome")
CALENDAR_CACHE_SECONDS = 15 * 60


def uid_domain():
    return settings.COURSES_CALENDAR_DOMAIN or urlparse(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"


def session_uid(session):
    return f"corso-{session.course_id}-edizione-{session.pk}@{uid_domain()}"


def new_calendar(name):
    from icalendar import Calendar  # here, not at the top: 9 MiB a web worker serving pages never needs

    calendar = Calendar()
    calendar.add("prodid", "-//ASAP//Corsi di formazione//IT")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Rome")
    return calendar


def session_event(course, session, course_url):
    from icalendar import Event

    event = Event()
    event.add("uid", session_uid(session))
    event.add("dtstamp", (course.last_published_at or timezone.now()).astimezone(ZoneInfo("UTC")))
    event.add("dtstart", session.start.astimezone(ROME))
    event.add("dtend", session.end.astimezone(ROME))
    event.add("summary", f"{course.title} ({session.edition})")
    description = [course.summary]
    if course.eu_statement:
        description.append(f"{course.eu_statement}: {course.funding_programme.name}.")  # in the active language
    if session.schedule:
        description.append(gettext("Calendario: {schedule}").format(schedule=session.schedule))
    description.append(gettext("Dettagli e richieste di informazioni: {url}").format(url=course_url))
    event.add("description", "\n\n".join(description))
    if session.venue:
        event.add("location", f"{session.venue.name}, {session.venue.full_address}")
    elif session.is_online:
        event.add("location", session.place_label)
    event.add("url", course_url)
    event.add("status", "CANCELLED" if session.cancelled else "CONFIRMED")
    event.add("categories", [course.get_area_display()])
    return event


def build_calendar(name, courses, url_for, sessions_of=lambda course: course.sorted_sessions):
    """`courses` with sessions (and venues) prefetched; `url_for(course)` gives its absolute URL."""
    calendar = new_calendar(name)
    for course in courses:
        course_url = url_for(course)
        for session in sessions_of(course):
            calendar.add_component(session_event(course, session, course_url))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def calendar_response(content, filename):
    """A plain, cacheable GET: calendar apps poll the URL."""
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = f"public, max-age={CALENDAR_CACHE_SECONDS}"
    return response
