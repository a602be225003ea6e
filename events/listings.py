"""The index's two listings: upcoming events (soonest first, then the latest past ones) and the
archive of past events. Both read differently as soon as an event starts or ends, so the page cache
keeps them until the next such moment at most (`core.parts.changes_in`)."""

from django.utils import timezone

from catalogue.listing import paginate
from core.parts import changes_in, shared_part

from .status import next_change

PAST_ON_INDEX = 6
ARCHIVE_PER_PAGE = 12


def next_moments(index, request, now):
    """When the index's events start or end after `now`, soonest first. The list is kept as a shared
    part until editors change something (the moments passed since it was read are skipped)."""
    kept = shared_part(
        f"event-moments:{index.pk}",
        request,
        lambda: sorted(
            moment for pair in index.events().filter(end__gt=now).values_list("start", "end") for moment in pair
        ),
    )
    return [moment for moment in kept if moment > now]


def _listing(index, now):
    events = index.events().for_listing().with_seats_taken()
    past = list(events.past(now)[: PAST_ON_INDEX + 1])
    return {
        "upcoming": list(events.upcoming(now)),
        "past": past[:PAST_ON_INDEX],
        "more_past": len(past) > PAST_ON_INDEX,
    }


def event_index(request, index):
    """The upcoming and the latest past events, kept as a shared part named after the next moment an
    event starts or ends: the same lists serve every visitor until then, and a new name after it."""
    now = timezone.now()
    upcoming_moments = next_moments(index, request, now)
    seconds = next_change(upcoming_moments[:1], now)
    until = upcoming_moments[0].isoformat() if upcoming_moments else "never"
    listing = shared_part(f"event-index:{index.pk}:{until}", request, lambda: _listing(index, now), seconds)
    context = {**listing, "now": now}
    return changes_in(index.render(request, context_overrides=context), seconds)


def event_archive(request, index):
    now = timezone.now()
    page_obj = paginate(request, index.events().for_listing().with_seats_taken().past(now), ARCHIVE_PER_PAGE)
    context = {"archive": True, "page_obj": page_obj, "past": list(page_obj.object_list), "now": now}
    response = index.render(request, context_overrides=context, template="events/event_archive_page.html")
    return changes_in(response, next_change(next_moments(index, request, now)[:1], now))
