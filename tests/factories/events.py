"""Factories for events. Dates are always given by the tests (never today's), so nothing depends on
when the suite runs."""

import datetime
from zoneinfo import ZoneInfo

import factory
import wagtail_factories

from events.models import EventIndexPage, EventPage, EventRegistration, RegistrationStatus

ROME = ZoneInfo("Europe/Rome")
# The moment every event test pretends it is (time_machine), and events around it.
NOW = datetime.datetime(2030, 3, 10, 12, 0, tzinfo=ROME)


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Eventi"
    slug = "eventi"
    intro = "Seminari e convegni dei nostri progetti."

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Seminario di prova {n}")
    slug = factory.Sequence(lambda n: f"seminario-{n}")
    summary = "Un seminario sui risultati dei progetti."
    start = datetime.datetime(2030, 4, 15, 9, 30, tzinfo=ROME)
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=4))
    online_url = "https://meet.esempio.it/seminario"
    registration_open = True
    seats = 50

    class Meta:
        model = EventPage


class EventRegistrationFactory(factory.django.DjangoModelFactory):
    event = factory.SubFactory(EventPageFactory)
    first_name = factory.Sequence(lambda n: f"Persona{n}")
    last_name = "Bianchi"
    email = factory.Sequence(lambda n: f"persona{n}@esempio.it")
    organisation = "Comune di Latina"
    privacy_acknowledged_at = NOW
    status = RegistrationStatus.CONFIRMED

    class Meta:
        model = EventRegistration
