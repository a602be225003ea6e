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


@pytest.fixture
def registration_desk(editorial_groups):
    """ "Segreteria corsi" with the events' permissions, as events/migrations/0002 gives them; made
    again when a transactional test's flush removed them."""
    from importlib import import_module

    from django.contrib.auth.models import Permission
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    if not Permission.objects.filter(codename="view_eventregistration", group__name="Segreteria corsi").exists():
        state = MigrationExecutor(connection).loader.project_state(("events", "0002_registration_desk"))
        import_module("events.migrations.0002_registration_desk").forwards(state.apps, None)
    return editorial_groups
