"""Cache entries that expire on two clocks: the site-wide generation (incremented by every purge)
and the wall clock (never older than PAGE_CACHE_SECONDS, because course status and the "next open
courses" box change with time alone).

One generation for the whole site, rather than keys per page: a publish changes the boxes and the
menu on every page, so everything goes at once, and nothing has to find which keys to delete."""

import time
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache

GENERATION_KEY = "pagecache:generation"


@dataclass(frozen=True)
class Entry:
    generation: int
    born: float  # when the oldest data in it was read from the database
    value: Any


def _start_generation():
    # From the clock, not 1: entries left from before the counter was evicted can never match.
    cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
    return cache.get(GENERATION_KEY, time.time_ns())


def bump_generation():
    """Invalidate every cached page and part at once."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        _start_generation()


def lookup(key):
    """(current generation, the valid entry under `key` or None), in one round trip to the cache."""
    values = cache.get_many([GENERATION_KEY, key])
    generation = values.get(GENERATION_KEY)
    if generation is None:
        return _start_generation(), None
    entry = values.get(key)
    if entry is None or entry.generation != generation or age(entry.born) >= settings.PAGE_CACHE_SECONDS:
        return generation, None
    return generation, entry


def keep(key, generation, born, value):
    """Store `value` under the generation read *before* it was built (a purge in between wins)."""
    remaining = settings.PAGE_CACHE_SECONDS - age(born)
    if remaining >= 1:
        cache.set(key, Entry(generation, born, value), timeout=int(remaining))


def age(born):
    return max(time.time() - born, 0)


# --- how old the data behind a response is ---------------------------------------------------------


def start_request(request):
    request._pagecache_born = time.time()


def note_born(request, born):
    """A cached part went into this response: the response is as old as its oldest part."""
    if request is not None and born < getattr(request, "_pagecache_born", born + 1):
        request._pagecache_born = born


def born_of(request):
    return getattr(request, "_pagecache_born", time.time())
