"""The cache of a site without Redis (`make run`): per process, bounded in bytes, with the page
cache's entries also in files every process reads.

- `BoundedLocMemCache`: Django's local-memory cache (least recently used first out) bounded by the
  bytes it holds (OPTIONS `MAX_BYTES`, PAGE_CACHE_LOCAL_MAX_BYTES) as well as by count: a count
  alone let a worker grow to 270 MiB after unique-URL traffic, as pages differ a hundredfold in size.
- `LayeredCache`: that local cache in front of a `FileBasedCache` for the page cache's keys
  (`pagecache:`), so that a page one process builds, the task worker's rebuild after a publish
  above all, serves every gunicorn worker: a worker's local miss reads the file, and keeps a copy.
  Other keys stay per process. Entries are checked on every read against the generation and the
  purge stamps (`store`, `tags`), so a copy is never fresher or staler than its file.
"""

import pickle
import threading

from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.locmem import LocMemCache

from .store import Entry

_sizes = {}  # per cache location, as Django's locmem keeps its data: {key: bytes}
_totals = {}  # per cache location: [bytes held]
_locks = {}


class BoundedLocMemCache(LocMemCache):
    """`LocMemCache` that drops its least recently used entries beyond MAX_BYTES."""

    def __init__(self, name, params):
        super().__init__(name, params)
        self.max_bytes = int(params.get("OPTIONS", {}).get("MAX_BYTES", 64 * 2**20))
        self._sizes = _sizes.setdefault(name, {})
        self._total = _totals.setdefault(name, [0])

    def set_pickled(self, key, pickled, timeout=DEFAULT_TIMEOUT, version=None):
        """`set` of a value already pickled (as the shared files hold it): no second pickling."""
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            self._set(key, pickled, timeout)

    def _forget(self, key):
        self._total[0] -= self._sizes.pop(key, 0)

    def _set(self, key, value, timeout=DEFAULT_TIMEOUT):
        self._forget(key)
        super()._set(key, value, timeout)
        self._sizes[key] = len(value) + len(key)
        self._total[0] += self._sizes[key]
        while self._total[0] > self.max_bytes and len(self._cache) > 1:
            oldest, _ = self._cache.popitem()  # the front holds the most recently used
            self._expire_info.pop(oldest, None)
            self._forget(oldest)

    def _cull(self):
        super()._cull()
        for key in [key for key in self._sizes if key not in self._cache]:
            self._forget(key)

    def _delete(self, key):
        self._forget(key)
        return super()._delete(key)

    def clear(self):
        super().clear()
        self._sizes.clear()
        self._total[0] = 0

    @property
    def bytes_held(self):
        return self._total[0]


class SharedFileCache(FileBasedCache):
    """`FileBasedCache` that counts its files every CULL_EVERY writes rather than on each one (a
    directory listing per write costs milliseconds with thousands of entries), and keeps values
    pickled but not compressed: a worker reads a page's file on its first request after a rebuild,
    where Django's zlib cost more than the read (pages are small, and the disk is not the limit)."""

    CULL_EVERY = 200
    cache_suffix = ".page"  # not Django's compressed `.djcache`

    def __init__(self, directory, params):
        super().__init__(directory, params)
        self._writes = 0

    def get_pickled(self, key, version=None):
        """The value under `key` as pickled in its file, or None."""
        try:
            with open(self._key_to_file(key, version), "rb") as file:
                return None if self._is_expired(file) else file.read()
        except FileNotFoundError:
            return None

    def get(self, key, default=None, version=None):
        pickled = self.get_pickled(key, version)
        return default if pickled is None else pickle.loads(pickled)

    def _write_content(self, file, timeout, value):
        file.write(pickle.dumps(self.get_backend_timeout(timeout), self.pickle_protocol))
        file.write(pickle.dumps(value, self.pickle_protocol))

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        pickled = self.get_pickled(key, version)
        if pickled is not None:
            self.set(key, pickle.loads(pickled), timeout, version)
        return pickled is not None

    def _cull(self):
        self._writes += 1
        if self._writes % self.CULL_EVERY == 0:
            super()._cull()


SHARED_PREFIX = "pagecache:"


class LayeredCache(BaseCache):
    """A `BoundedLocMemCache` in front of a `SharedFileCache` (OPTIONS `SHARED_LOCATION`) for the
    page cache's keys; every other key only in the local cache. The page cache's copies in memory
    have their own, smaller bound (OPTIONS `SHARED_MEMORY_BYTES`): one missing is a file read away
    (tens of microseconds), while a shared part missing is a render, so a run of unique addresses
    must not push the parts out."""

    def __init__(self, location, params):
        super().__init__(params)
        options = dict(params.get("OPTIONS", {}))
        shared_location = options.pop("SHARED_LOCATION")
        shared_entries = options.pop("SHARED_MAX_ENTRIES", 20000)
        shared_memory = options.pop("SHARED_MEMORY_BYTES", 2 * 2**20)
        self.parts = BoundedLocMemCache(location, {**params, "OPTIONS": options})
        self.pages = BoundedLocMemCache(
            f"{location}:pages", {**params, "OPTIONS": {**options, "MAX_BYTES": shared_memory}}
        )
        self.shared = SharedFileCache(shared_location, {"OPTIONS": {"MAX_ENTRIES": shared_entries}})
        self._lock = _locks.setdefault(location, threading.Lock())

    @staticmethod
    def _is_shared(key):
        return key.startswith(SHARED_PREFIX)

    def _memory(self, key):
        return self.pages if self._is_shared(key) else self.parts

    def get_many(self, keys, version=None):
        found = {
            **self.parts.get_many([key for key in keys if not self._is_shared(key)], version=version),
            **self.pages.get_many(list(filter(self._is_shared, keys)), version=version),
        }
        if wanted := [key for key in keys if key not in found and self._is_shared(key)]:
            found.update(self.get_many_shared(wanted, version=version))
        return found

    def get(self, key, default=None, version=None):
        return self.get_many([key], version=version).get(key, default)

    def get_many_shared(self, keys, replacing=None, version=None):
        """The files' values of the page cache's `keys`. An entry also becomes this process's copy,
        but in place of one of the entries `replacing` ({key: entry}) only when it is a later build:
        `store` asks for those it could not vouch for here, which another process may have built
        again since (the task worker's rebuild after a publish)."""
        found, replacing = {}, replacing or {}
        for key in filter(self._is_shared, keys):
            pickled = self.shared.get_pickled(key, version=version)
            if pickled is None:
                continue
            value = pickle.loads(pickled)
            if not isinstance(value, Entry):  # a lock or the origins: only the file may say
                found[key] = value
            elif (mine := replacing.get(key)) is None or _build(value) > _build(mine):
                found[key] = value
                self.pages.set_pickled(key, pickled, settings.PAGE_CACHE_SECONDS, version=version)
        return found

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        if self._is_shared(key):
            self.shared.set(key, value, timeout, version=version)
        self._memory(key).set(key, value, timeout, version=version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        for key, value in data.items():
            self.set(key, value, timeout, version=version)
        return []

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        if self._is_shared(key):
            with self._lock:
                if not self.shared.add(key, value, timeout, version=version):
                    return False
        return self._memory(key).add(key, value, timeout, version=version) or self._is_shared(key)

    def delete(self, key, version=None):
        shared = self.shared.delete(key, version=version) if self._is_shared(key) else False
        return self._memory(key).delete(key, version=version) or shared

    def has_key(self, key, version=None):
        return key in self.get_many([key], version=version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        if self._is_shared(key):
            self.shared.touch(key, timeout, version=version)
        return self._memory(key).touch(key, timeout, version=version)

    def incr(self, key, delta=1, version=None):
        value = self.get(key, version=version)
        if value is None:
            raise ValueError(f"Key '{key}' not found")
        self.set(key, value + delta, version=version)
        return value + delta

    def clear(self):
        self.parts.clear()
        self.pages.clear()
        self.shared.clear()


def _build(entry):
    """What orders two builds of one entry: the later generation, then the later sequence and birth."""
    return entry.generation, entry.sequence, entry.born
