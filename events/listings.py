"""The index's two listings: upcoming events (soonest first, then the latest past ones) and the
archive of past events. Both read differently as soon as an event starts or ends, so the page cache
keeps them until the next such moment at most (`core.parts.changes_in`)."""

from django.utils import timezone

from catalogue.listing import paginate
from core.parts import changes_in

from .status import next_change

PAST_ON_INDEX = 6
ARCHIVE_PER_PAGE = 12


def next_moment(index, now):
    """Seconds until an event of the index starts or ends (one query over the future ones)."""
    moments = index.events().filter(end__gt=now).values_list("start", "end")
    return next_change([moment for pair in moments for moment in pair], now)


def event_index(request, index):
    now = timezone.now()
    events = index.events().for_listing().with_seats_taken()
    context = {
        "upcoming": list(events.upcoming(now)),
        "past": list(events.past(now)[: PAST_ON_INDEX + 1]),
        "now": now,
    }
    context["more_past"] = len(context["past"]) > PAST_ON_INDEX
    context["past"] = context["past"][:PAST_ON_INDEX]
    return changes_in(index.render(request, context_overrides=context), next_moment(index, now))


def event_archive(request, index):
    now = timezone.now()
    page_obj = paginate(request, index.events().for_listing().with_seats_taken().past(now), ARCHIVE_PER_PAGE)
    context = {"archive": True, "page_obj": page_obj, "past": list(page_obj.object_list), "now": now}
    response = index.render(request, context_overrides=context, template="events/event_archive_page.html")
    return changes_in(response, next_moment(index, now))
