"""When each dependency tag (`deps`) was last purged: an entry built before its tag's last purge is
stale. Stamps rather than deleting keys: nothing has to know which keys hold a tag, a read checks
all the tags of the entries it found at once, and a page built while a purge happened (its `born`
before the stamp) never outlives it.

Like the generation, a stamp must be seen by every process: a key in the shared cache (Redis), or
with the per-process cache the modification time of one file per tag next to the generation file,
which every process on the machine sees at the cost of a `stat`. A stamp need outlive no entry:
after PAGE_CACHE_SECONDS every entry built before it has expired anyway, so it is kept that long
(plus a margin) and a missing stamp means "not purged lately". With several app servers their
clocks must agree (NTP) within the time a render takes."""

import contextlib
import hashlib
import os
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import cache

KEY_PREFIX = "pagecache:tag:"
GENERATION_KEY = "pagecache:generation"  # as `store` names it


def _tag_folder():
    path = settings.PAGE_CACHE_GENERATION_FILE
    return Path(path).parent / "page-cache-tags" if path else None


def _file_of(folder, tag):
    return folder / hashlib.sha1(tag.encode()).hexdigest()[:24]


def stamps(tags):
    """{tag: when it was last purged (a timestamp)} for the tags purged lately, in one read; None
    when the shared cache did not answer."""
    if not tags:
        return {}
    folder = _tag_folder()
    if folder is None:  # the generation comes along to tell an empty answer from one Redis did not give
        found = cache.get_many([GENERATION_KEY, *(KEY_PREFIX + tag for tag in tags)])
        if found.pop(GENERATION_KEY, None) is None:
            return None
        return {key.removeprefix(KEY_PREFIX): stamp for key, stamp in found.items() if stamp is not None}
    found = {}
    for tag in tags:
        with contextlib.suppress(FileNotFoundError):
            found[tag] = _file_of(folder, tag).stat().st_mtime_ns / 1e9
    return found


def purge(tags):
    """Stamp `tags` as purged now; False when the cache did not take it."""
    if not tags:
        return True
    now = time.time()
    folder = _tag_folder()
    if folder is None:
        timeout = settings.PAGE_CACHE_SECONDS + 60
        return cache.set_many({KEY_PREFIX + tag: now for tag in tags}, timeout=timeout) == []
    folder.mkdir(parents=True, exist_ok=True)
    stamp = time.time_ns()
    for tag in tags:
        path = _file_of(folder, tag)
        path.touch()
        os.utime(path, ns=(stamp, stamp))
    return True


# A stamp further ahead than this is no purge that happened (a clock set back, a test that moved
# time): it would otherwise make every entry with its tag stale until the clock caught up.
CLOCK_SKEW_SECONDS = 60


def is_fresh(entry, purged):
    """Whether `entry` was built after the last purge of each of its tags (`purged`: `stamps`)."""
    built = getattr(entry, "built", 0.0) or entry.born
    horizon = time.time() + CLOCK_SKEW_SECONDS
    return all(not (built <= stamp < horizon) for stamp in (purged.get(tag, 0) for tag in entry.tags))
