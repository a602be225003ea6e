import pytest
import time_machine

from tests.factories.courses import VenueFactory
from tests.factories.events import NOW, EventIndexPageFactory, EventPageFactory


@pytest.fixture
def clock():
    """Every event test runs at NOW (2030-03-10 12:00, Rome); `clock.move_to(...)` moves it."""
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def event_index(home_page, clock):
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def seminar(event_index):
    return EventPageFactory(
        parent=event_index,
        title="Seminario nazionale sull'integrazione",
        slug="seminario-nazionale",
        venue=VenueFactory(name="Sala Tevere"),
        seats=2,
    )
