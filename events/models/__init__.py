"""The events app's models: the pages (`pages.py`), their inline parts (`inlines.py`) and the
visitors' registrations (`registrations.py`)."""

from .inlines import EventRelatedProject, EventSpeaker
from .pages import EventIndexPage, EventPage
from .registrations import EventRegistration, RegistrationStatus

__all__ = [
    "EventIndexPage",
    "EventPage",
    "EventRegistration",
    "EventRelatedProject",
    "EventSpeaker",
    "RegistrationStatus",
]
