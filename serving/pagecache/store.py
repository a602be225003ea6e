"""Cache entries that expire on two clocks: the site-wide generation (changed by every purge) and
the wall clock (never older than PAGE_CACHE_SECONDS, because course status and the "next open
courses" box change with time alone).

One generation for the whole site, rather than keys per page: a publish changes the boxes and the
menu on every page, so everything goes at once, and nothing has to find which keys to delete.

The generation must be the same for every process that serves or edits the site (web workers,
the task worker, `publish_scheduled`). In a shared cache (Redis) it is a key there; with the
per-process local-memory cache it is the modification time of a file (PAGE_CACHE_GENERATION_FILE),
which every process on the machine sees at the cost of one `stat`.

A purge that Redis did not take (down, paused, full) is not lost: see `bump_generation`, the retry
in `purge`, and `serving.cache`, which starts a new generation when Redis answers after an outage
(docs/redis.md states the guarantee)."""

import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.cache import cache

from . import deps
from . import tags as tag_stamps

GENERATION_KEY = "pagecache:generation"


@dataclass(frozen=True)
class Entry:
    generation: Any
    born: float  # when the oldest data in it was read from the database
    value: Any
    tags: frozenset = frozenset()  # what it shows (`deps`): a purge of one of them makes it stale
    built: float = 0.0  # when its own build started (`born` is its oldest part's): purges are compared with it


def _generation_file():
    path = settings.PAGE_CACHE_GENERATION_FILE
    return Path(path) if path else None


def _file_generation(path):
    try:
        return path.stat().st_mtime_ns
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch()
        return path.stat().st_mtime_ns


def _cache_generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def current_generation():
    path = _generation_file()
    return _file_generation(path) if path else _cache_generation()


def bump_generation():
    """Invalidate every cached page and part at once; False when the cache did not take it.

    A full Redis (noeviction) refuses the new generation but still deletes the old one, which is
    as good: without a generation no entry is current (`_is_current`), and the next one is new."""
    path = _generation_file()
    if path:
        stamp = max(time.time_ns(), _file_generation(path) + 1)
        os.utime(path, ns=(stamp, stamp))
        return True
    # serving.cache.TolerantRedisCache answers False / None when Redis did not; other caches always take it
    return cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None) is not False or (
        cache.delete(GENERATION_KEY) is not None
    )


def lookup(key):
    """(current generation, the valid entry under `key` or None)."""
    generation, entries = lookup_many([key])
    return generation, entries.get(key)


def lookup_many(keys):
    """(current generation, {key: entry} for the valid entries among `keys`): the entries and the
    generation in one cache read, then the purge stamps of all their tags in one more."""
    path = _generation_file()
    if path:
        generation, entries = _file_generation(path), cache.get_many(keys)
    else:
        entries = cache.get_many([GENERATION_KEY, *keys])
        generation = entries.pop(GENERATION_KEY, None) or _cache_generation()
    current = _valid(entries, generation)
    if current is None:  # the cache did not answer: nothing can be vouched for
        return generation, {}
    if (stale := [key for key in entries if key not in current]) and hasattr(cache, "get_many_shared"):
        # This process's own copy is stale, but another process may have built the entry again
        # since (the task worker's rebuild after a publish): the shared copy may be fresh.
        current.update(_valid(cache.get_many_shared(stale), generation) or {})
    return generation, current


def _valid(entries, generation):
    """The current and fresh ones of `entries` ({key: entry}); None when the purge stamps could not be read."""
    current = {key: entry for key, entry in entries.items() if _is_current(entry, generation)}
    if wanted := set().union(*(entry.tags for entry in current.values())):
        purged = tag_stamps.stamps(wanted)
        if purged is None:
            return None
        current = {key: entry for key, entry in current.items() if tag_stamps.is_fresh(entry, purged)}
    return current


def _is_current(entry, generation):
    return (
        entry is not None
        and generation is not None
        and entry.generation == generation
        and age(entry.born) < settings.PAGE_CACHE_SECONDS
    )


def keep(key, generation, born, value, seconds=None, tags=frozenset(), built=None):
    """Store `value` under the generation read *before* it was built (a purge in between wins), for
    PAGE_CACHE_SECONDS or the shorter `seconds` counted from `born`, with the tags it shows (a purge
    of one of them after `born` wins too)."""
    keep_many({key: value}, generation, born, seconds, tags, built)


def keep_many(values, generation, born, seconds=None, tags=frozenset(), built=None):
    """`keep` for several {key: value} built together, in one cache write."""
    limit = settings.PAGE_CACHE_SECONDS if seconds is None else min(seconds, settings.PAGE_CACHE_SECONDS)
    remaining = limit - age(born)
    if remaining >= 1 and generation is not None:  # None: the cache could not say which generation
        tags = frozenset(tags)
        built = time.time() if built is None else built
        cache.set_many(
            {key: Entry(generation, born, value, tags, built) for key, value in values.items()}, timeout=int(remaining)
        )


def age(born):
    return max(time.time() - born, 0)


# --- how old the data behind a response is ---------------------------------------------------------


def start_request(request):
    request._pagecache_born = request._pagecache_built = time.time()


def built_of(request):
    return getattr(request, "_pagecache_built", None)


def note_born(request, born, tags=()):
    """A cached part went into this response: the response is as old as its oldest part, and shows
    what the part shows."""
    deps.note(tags)
    if request is not None and born < getattr(request, "_pagecache_born", born + 1):
        request._pagecache_born = born


def born_of(request):
    return getattr(request, "_pagecache_born", time.time())
