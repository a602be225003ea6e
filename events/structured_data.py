"""schema.org `Event` as JSON-LD, with its status and attendance mode."""

from django.utils import timezone

from core.jsonld import json_ld_script
from core.parts import site_setting
from core.site_settings import OrganisationSettings
from courses.structured_data import venue_place

from .status import EventStatus


def place(event):
    places = [venue_place(event.venue)] if event.venue_id else []
    if event.online_url:
        places.append({"@type": "VirtualLocation", "url": event.online_url})
    return places[0] if len(places) == 1 else places


def event_data(event, url, organiser="ASAP"):
    cancelled = event.status() == EventStatus.CANCELLED
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "url": url,
        "startDate": timezone.localtime(event.start).isoformat(),
        "endDate": timezone.localtime(event.end).isoformat(),
        "eventStatus": f"https://schema.org/{'EventCancelled' if cancelled else 'EventScheduled'}",
        "eventAttendanceMode": f"https://schema.org/{event.attendance_mode}",
        "location": place(event),
        "organizer": {"@type": "Organization", "name": organiser},
    }
    speakers = [{"@type": "Person", "name": speaker.name} for speaker in event.speakers.all()]
    if speakers:
        data["performer"] = speakers
    if event.registration_open:
        data["offers"] = {
            "@type": "Offer",
            "price": "0",
            "priceCurrency": "EUR",
            "url": url,
            "availability": "https://schema.org/SoldOut" if event.is_full else "https://schema.org/InStock",
        }
    return data


def event_json_ld(event, request):
    organiser = site_setting(OrganisationSettings, request).name
    return json_ld_script(event_data(event, event.get_full_url(request), organiser))
