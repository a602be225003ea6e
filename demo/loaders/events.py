"""The events page and three events (events.yaml): one past, one upcoming with registration open and
one full with a waiting list, dated from the day the demo is seeded so the demo never goes stale.
The past one is the "seminario nazionale" the contributions register mentions."""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

from courses.models import Venue
from demo.helpers import add_page, child_page, ensure_page, home_page, read
from events.models import (
    EventIndexPage,
    EventPage,
    EventRegistration,
    EventRelatedProject,
    EventSpeaker,
    RegistrationStatus,
)
from projects.models import FundingProgramme, ProjectPage

ROME = ZoneInfo("Europe/Rome")
PEOPLE = ["Giulia Rossi", "Marco Bianchi", "Sara Esposito", "Luca Romano", "Elena Ricci", "Davide Marino"]


def seed():
    home = home_page()
    if home is None:
        return 0
    data = read("events")
    index, created = ensure_page(home, EventIndexPage, data["index"])
    venues = {
        key: Venue.objects.filter(name=fields["name"], city=fields["city"]).first()
        for key, fields in read("venues").items()
    }
    for fields in data["events"]:
        if child_page(index, EventPage, fields["slug"]) is None:
            event = add_page(index, build_event(fields, venues))
            register_people(event, fields.get("registrations", 0), fields.get("waiting", 0))
            created += 1
    return created


def at(days, clock):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time.fromisoformat(clock), tzinfo=ROME)


def build_event(fields, venues):
    event = EventPage(
        title=fields["title"],
        slug=fields["slug"],
        summary=fields["summary"],
        start=at(fields["starts_in_days"], fields["starts_at"]),
        end=at(fields["starts_in_days"], fields["ends_at"]),
        venue=venues.get(fields.get("venue")),
        online_url=fields.get("online_url", ""),
        description=fields.get("description", ""),
        registration_open=fields.get("registration_open", False),
        seats=fields.get("seats"),
        funding_programme=FundingProgramme.objects.filter(code=fields.get("funding_programme")).first(),
        programme=[programme_block(line) for line in fields.get("programme", [])],
    )
    event.speakers = [EventSpeaker(name=name, role=", ".join(role)) for name, *role in fields.get("speakers", [])]
    projects = ProjectPage.objects.filter(slug__in=fields.get("related_projects", []))
    event.related_projects = [EventRelatedProject(project=project) for project in projects]
    return event


def programme_block(line):
    if isinstance(line, dict):
        return ("session", line["session"])
    time, title, speaker = line
    return ("item", {"time": datetime.time.fromisoformat(time), "title": title, "speaker": speaker})


def register_people(event, confirmed, waiting):
    for number in range(confirmed + waiting):
        first, last = PEOPLE[number % len(PEOPLE)].split()
        EventRegistration.objects.create(
            event=event,
            first_name=first,
            last_name=last,
            email=f"{first.lower()}.{last.lower()}{number}@esempio.it",
            organisation="Comune di Latina" if number % 2 else "Cooperativa sociale Il Ponte",
            privacy_acknowledged_at=timezone.now(),
            status=RegistrationStatus.CONFIRMED if number < confirmed else RegistrationStatus.WAITING_LIST,
        )
