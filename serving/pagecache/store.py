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

import functools
import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

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
    sequence: int = 0  # the purges' sequence read before it was built (`tags`): later purges win


class Version(NamedTuple):
    """What a lookup read before a build, and the build's entry keeps: the site-wide generation and
    the purges' sequence (`tags`)."""

    generation: Any
    sequence: int


@functools.lru_cache(maxsize=8)
def _path_of(setting):
    return Path(setting)


def _generation_file():
    path = settings.PAGE_CACHE_GENERATION_FILE
    return _path_of(path) if path else None  # one `Path` per setting: every lookup asks


def _file_generation(path):
    try:
        return os.stat(path).st_mtime_ns
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
        tag_stamps.advance_file_clock(path)
        return True
    # serving.cache.TolerantRedisCache answers False / None when Redis did not; other caches always take it
    return cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None) is not False or (
        cache.delete(GENERATION_KEY) is not None
    )


def lookup(key):
    """(the `Version` now, the valid entry under `key` or None)."""
    version, entries = lookup_many([key])
    return version, entries.get(key)


def lookup_many(keys):
    """(the `Version` now, {key: entry} for the valid entries among `keys`): the entries, the
    generation and the sequence in one cache read, then the purge stamps of their tags in one more
    when a purge happened since they were built."""
    path = _generation_file()
    if path:
        generation, sequence, entries = _file_generation(path), tag_stamps.file_sequence(), cache.get_many(keys)
    else:
        entries = cache.get_many([GENERATION_KEY, tag_stamps.SEQUENCE_KEY, *keys])
        generation = entries.pop(GENERATION_KEY, None) or _cache_generation()
        sequence = entries.pop(tag_stamps.SEQUENCE_KEY, None) or 0
    version = Version(generation, sequence)
    if hasattr(cache, "get_many_shared") and (
        doubtful := {
            key: entry
            for key, entry in entries.items()
            if not (_is_current(entry, version.generation) and _known_fresh(key, entry, version))
        }
    ):
        # This process's copy may be stale, but another process may have built the entry again
        # since (the task worker's rebuild after a publish): a later build in the shared files takes
        # its place before any stamp is read, and one built since the last purge needs none.
        entries.update(cache.get_many_shared(list(doubtful), replacing=doubtful))
    current = _valid(entries, version)
    return version, ({} if current is None else current)  # None: the stamps could not be read


# {(key, its entry's sequence and birth): the sequence at which this process found it fresh}: an
# entry found fresh stays fresh until the next purge, so until then its hits read no stamp.
_fresh_at = {}
MAX_FRESH_NOTES = 20000


def _valid(entries, version):
    """The current and fresh ones of `entries` ({key: entry}); None when the purge stamps could not
    be read (nothing can be vouched for)."""
    current = {key: entry for key, entry in entries.items() if _is_current(entry, version.generation)}
    doubtful = {key: entry for key, entry in current.items() if not _known_fresh(key, entry, version)}
    if not doubtful:
        return current
    purged = tag_stamps.stamps(set().union(*(entry.tags for entry in doubtful.values())))
    if purged is None:
        return None
    if len(_fresh_at) > MAX_FRESH_NOTES:
        _fresh_at.clear()
    for key, entry in doubtful.items():
        if tag_stamps.is_fresh(entry, purged):
            _fresh_at[key, entry.sequence, entry.born] = version.sequence
        else:
            del current[key]
    return current


def _known_fresh(key, entry, version):
    """Whether no purge happened since `entry` was built, or since this process last found it fresh
    (then no stamp need be read)."""
    return bool(version.sequence) and (
        entry.sequence >= version.sequence or _fresh_at.get((key, entry.sequence, entry.born)) == version.sequence
    )


def _is_current(entry, generation):
    return (
        entry is not None
        and generation is not None
        and entry.generation == generation
        and age(entry.born) < settings.PAGE_CACHE_SECONDS
    )


def keep(key, version, born, value, seconds=None, tags=frozenset()):
    """Store `value` under the `Version` read *before* it was built (a purge in between wins), for
    PAGE_CACHE_SECONDS or the shorter `seconds` counted from `born`, with the tags it shows (a purge
    of one of them after that read wins too)."""
    keep_many({key: value}, version, born, seconds, tags)


def keep_many(values, version, born, seconds=None, tags=frozenset()):
    """`keep` for several {key: value} built together, in one cache write."""
    limit = settings.PAGE_CACHE_SECONDS if seconds is None else min(seconds, settings.PAGE_CACHE_SECONDS)
    remaining = limit - age(born)
    if remaining >= 1 and version.generation is not None:  # None: the cache could not say which generation
        tags = frozenset(tags)
        entries = {key: Entry(version.generation, born, value, tags, version.sequence) for key, value in values.items()}
        cache.set_many(entries, timeout=int(remaining))


def age(born):
    return max(time.time() - born, 0)


# --- how old the data behind a response is ---------------------------------------------------------


def start_request(request):
    request._pagecache_born = time.time()


def note_born(request, born, tags=()):
    """A cached part went into this response: the response is as old as its oldest part, and shows
    what the part shows."""
    deps.note(tags)
    if request is not None and born < getattr(request, "_pagecache_born", born + 1):
        request._pagecache_born = born


def born_of(request):
    return getattr(request, "_pagecache_born", time.time())
