"""A call's deadline and what it makes the page say: "Scade il 15 gennaio 2027" until then, "Scaduto"
after, computed when the page is rendered so nobody edits anything at the deadline.

A deadline is a date and, optionally, a time in Rome; without a time the call is open the whole day.
It is stored as one instant (`NewsArticlePage.closes_at`), so listing the open calls is one indexed
comparison. The clock is always passed in (`now`), never read deep down: tests freeze it.

Caching: a page or part that shows a deadline must not outlive it: `seconds_until(moment)` bounds a
shared part's lifetime and, through `core.parts.changes_in`, the page's (see docs/news-and-events.md)."""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from core.dates import italian_on, italian_time

ROME = ZoneInfo("Europe/Rome")


def closing_instant(date, time=None):
    """The first instant the call is closed: the given time in Rome, or the midnight after the day."""
    if date is None:
        return None
    if time is None:
        return datetime.datetime.combine(date + datetime.timedelta(days=1), datetime.time(), tzinfo=ROME)
    return datetime.datetime.combine(date, time, tzinfo=ROME)


@dataclass(frozen=True)
class DeadlineState:
    is_open: bool
    label: str  # "Scade il 15 gennaio 2027, ore 12:00" or "Scaduto"


def deadline_state(date, time, now):
    """What a call with this deadline says at `now` (None without a deadline)."""
    closes = closing_instant(date, time)
    if closes is None:
        return None
    if now >= closes:
        return DeadlineState(False, _("Scaduto"))
    shown = italian_on(date)
    if time is not None:
        shown = f"{shown}, {italian_time(datetime.datetime.combine(date, time, tzinfo=ROME))}"
    return DeadlineState(True, _("Scade %(date)s") % {"date": shown})


def seconds_until(moment, now=None):
    """Seconds from `now` to `moment` (at least 1), or None when it has passed or is beyond the page
    cache's own bound: a shared part's `seconds`."""
    if moment is None:
        return None
    left = (moment - (now or timezone.now())).total_seconds()
    if left <= 0 or left >= settings.PAGE_CACHE_SECONDS:
        return None
    return max(int(left), 1)
