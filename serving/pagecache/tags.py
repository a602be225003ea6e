"""When each dependency tag (`deps`) was last purged, on a sequence that only purges move: an entry
is stale when one of its tags was purged after the sequence it read before it was built. Stamps
rather than deleting keys: nothing has to know which keys hold a tag, a read checks all the tags of
the entries it found at once, and a page built while a purge happened never outlives it.

A sequence, not a clock: two events in the same clock tick (a frozen clock in tests, a coarse one)
or a clock set back would leave a build and a purge unordered. The sequence starts from the clock
(in nanoseconds) the first time it is needed and each purge moves it to at least one past the
previous value, so it still grows across a lost Redis key or a restart.

Like the generation, the sequence and the stamps must be seen by every process: keys in the shared
cache (Redis, where `incr` is atomic), or with the per-process cache the modification times of one
file for the sequence and one per tag next to the generation file, which every process on the
machine sees at the cost of a `stat` (the sequence moves under a file lock). A stamp need outlive
no entry: after PAGE_CACHE_SECONDS every entry built before it has expired anyway, so in Redis it
is kept that long (plus a margin) and a missing stamp means "not purged lately"."""

import fcntl
import functools
import hashlib
import os
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import cache

KEY_PREFIX = "pagecache:tag:"
SEQUENCE_KEY = "pagecache:sequence"
GENERATION_KEY = "pagecache:generation"  # as `store` names it


def _tag_folder():
    path = settings.PAGE_CACHE_GENERATION_FILE
    return _folder_beside(path) if path else None


@functools.lru_cache(maxsize=8)
def _folder_beside(generation_file):
    """The stamps' folder: one `Path` per setting, as every lookup asks for it."""
    return Path(generation_file).parent / "page-cache-tags"


@functools.lru_cache(maxsize=8)
def _sequence_file(folder):
    return str(folder / "sequence")


@functools.lru_cache(maxsize=8192)
def _file_name(tag):
    return hashlib.sha1(tag.encode()).hexdigest()[:24]


def _file_of(folder, tag):
    """The stamp file of `tag`, as a plain string: a hit stats dozens, and `Path` costs more than the call."""
    return os.path.join(folder, _file_name(tag))


def _mtime(path):
    try:
        return os.stat(path).st_mtime_ns
    except FileNotFoundError:
        return None


def file_sequence():
    """The sequence now, without Redis, read before a build: an entry keeps it (`store.keep`; with
    Redis `store` reads SEQUENCE_KEY with the entries). 0 when unknown, which makes an entry stale at
    the first purge of any of its tags (safe)."""
    return _mtime(_sequence_file(_tag_folder())) or 0


def advance_file_clock(path):
    """Move the modification time of `path` (made if missing) to now, or one past its own if that is
    later, and return it: a clock every process on the machine reads with a `stat`, that only moves
    forward (the generation file, the sequence)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    value = max(time.time_ns(), (_mtime(path) or 0) + 1)
    path.touch()  # (when missing: its time is set next)
    os.utime(path, ns=(value, value))
    return value


def _next_sequence(folder):
    if folder is None:
        try:
            return cache.incr(SEQUENCE_KEY)
        except ValueError:  # not there yet (or lost): start from the clock
            cache.add(SEQUENCE_KEY, time.time_ns(), timeout=None)
            try:
                return cache.incr(SEQUENCE_KEY)
            except ValueError:  # Redis did not answer
                return None
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "sequence.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return advance_file_clock(_sequence_file(folder))


def stamps(tags):
    """{tag: the sequence of its last purge} for the tags purged lately, in one read; None when the
    shared cache did not answer."""
    if not tags:
        return {}
    folder = _tag_folder()
    if folder is None:  # the generation comes along to tell an empty answer from one Redis did not give
        found = cache.get_many([GENERATION_KEY, *(KEY_PREFIX + tag for tag in tags)])
        if found.pop(GENERATION_KEY, None) is None:
            return None
        return {key.removeprefix(KEY_PREFIX): stamp for key, stamp in found.items() if stamp is not None}
    return {tag: stamp for tag in tags if (stamp := _mtime(_file_of(folder, tag))) is not None}


def purge(tags):
    """Stamp `tags` as purged at the next sequence; False when the cache did not take it."""
    if not tags:
        return True
    folder = _tag_folder()
    value = _next_sequence(folder)
    if value is None:
        return False
    if folder is None:
        timeout = settings.PAGE_CACHE_SECONDS + 60
        return cache.set_many({KEY_PREFIX + tag: value for tag in tags}, timeout=timeout) == []
    for tag in tags:
        path = _file_of(folder, tag)
        Path(path).touch()
        os.utime(path, ns=(value, value))
    return True


def is_fresh(entry, purged):
    """Whether no tag of `entry` was purged after the sequence it read before it was built."""
    return all(purged.get(tag, 0) <= entry.sequence for tag in entry.tags)
