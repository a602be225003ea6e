"""iCalendar (RFC 5545) files of events, with the courses' calendar helpers (`courses.feeds`): stable
UIDs on the same domain, TZID=Europe/Rome with its VTIMEZONE, cancelled events as CANCELLED. The
texts are in the active language (the visitor's, also for the file attached to the confirmation)."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from courses.feeds import ROME, calendar_response, new_calendar, uid_domain


def event_uid(event):
    return f"evento-{event.pk}@{uid_domain()}"


def calendar_event(event, url):
    from icalendar import Event  # here, not at the top (courses.feeds.new_calendar says why)

    entry = Event()
    entry.add("uid", event_uid(event))
    entry.add("dtstamp", (event.last_published_at or timezone.now()).astimezone(datetime.UTC))
    entry.add("dtstart", event.start.astimezone(ROME))
    entry.add("dtend", event.end.astimezone(ROME))
    entry.add("summary", event.title)
    description = [event.summary]
    if event.eu_statement:
        description.append(f"{event.eu_statement}: {event.funding_programme.name}.")
    if event.online_url:
        description.append(_("Per seguire online: %(url)s") % {"url": event.online_url})
    description.append(_("Programma e iscrizioni: %(url)s") % {"url": url})
    entry.add("description", "\n\n".join(description))
    if event.venue_id:
        entry.add("location", f"{event.venue.name}, {event.venue.full_address}")
    else:
        entry.add("location", event.online_url or _("Online"))
    entry.add("url", url)
    entry.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    return entry


def build_events_calendar(name, events, request):
    """`events` with their venues (and programmes) loaded; the URLs are absolute."""
    calendar = new_calendar(name)
    for event in events:
        calendar.add_component(calendar_event(event, event.get_full_url(request)))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def events_calendar_response(name, events, request, filename):
    return calendar_response(build_events_calendar(name, events, request), filename)
