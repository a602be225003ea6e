"""How events take part in the site search: their type on /cerca/ ("Eventi") with the date and the
status, and the venue whose renaming must reindex them."""

from django.utils.translation import gettext_lazy as _

from core.dates import italian_date
from courses.models import Venue
from search.indexing import reindex_pages_using
from search.types import ResultType, result_types

from .models import EventPage
from .status import EventStatus


def event_detail(event):
    """«12 marzo 2027 · In programma», «Concluso» once over."""
    status = event.status()
    if status == EventStatus.UPCOMING:
        return f"{italian_date(event.start)} · {status.label}"
    return str(status.label)


def register():
    result_types.register(
        ResultType(
            "eventi",
            _("Eventi"),
            _("Evento"),
            order=25,
            summary_fields=("search_description", "summary"),
            detail=event_detail,
            keywords=("evento", "eventi", "event", "events"),
        ),
        EventPage,
    )
    reindex_pages_using(Venue, EventPage, "venue")
