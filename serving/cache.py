"""Django's Redis cache, made to degrade instead of crash: whatever Redis answers with an error, the
read is a miss and the write is dropped, so pages are built from the database as if the cache were
empty. Two kinds of error:

- an outage (Redis down, unreachable, too slow, a read-only replica, any error but a full memory):
  one warning per outage, and for OUTAGE_PAUSE seconds Redis is not even tried, so an unreachable
  host (a connect timeout per try) cannot slow every page. The first contact after the pause is a
  PING; when it answers, the recovery hooks run before anything is read (the page cache starts a
  new generation there: purges made while Redis was away may have been lost, see docs/redis.md);
- a full Redis (`maxmemory` reached with `maxmemory-policy noeviction`, "OOM command not allowed"):
  reads still answer, so only that write is dropped; one warning a minute, with the count.

`set` answers whether Redis took the value, `delete` None when Redis did not answer (Django's own
return None and a bool): the page cache's purge needs to know."""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import OutOfMemoryError, RedisError

logger = logging.getLogger(__name__)

OUTAGE_PAUSE = 5.0
REFUSAL_LOG_INTERVAL = 60.0


class _Outages:
    """When each Redis location may be tried again, and what to do when it answers again; shared by
    the per-thread cache objects of the process."""

    def __init__(self):
        self.lock = threading.Lock()
        self.recovery_lock = threading.Lock()
        self.until = {}
        self.refusals = {}  # location -> [refusals not yet logged, when the next line may be logged]
        self.recovery_hooks = []

    def paused(self, location):
        return time.monotonic() < self.until.get(location, 0)

    def pause_ended(self, location):
        return location in self.until and not self.paused(location)

    def failed(self, location, error):
        with self.lock:
            first = location not in self.until
            self.until[location] = time.monotonic() + OUTAGE_PAUSE
        if first:
            logger.warning("Cache Redis non raggiungibile (%s): il sito continua senza cache.", error)

    def refused(self, location, error):
        now = time.monotonic()
        with self.lock:
            count, next_line = self.refusals.get(location, (0, 0))
            count += 1
            due = now >= next_line
            self.refusals[location] = (0, now + REFUSAL_LOG_INTERVAL) if due else (count, next_line)
        if due:
            logger.warning(
                "Cache Redis piena (%s): %d scritture scartate, il sito continua con le sole letture. "
                "Impostare maxmemory-policy allkeys-lru (docs/redis.md).",
                error,
                count,
            )

    def recovered(self, location):
        """Redis answered again: run the recovery hooks once, while other threads wait for them."""
        with self.recovery_lock:
            with self.lock:
                was_out = self.until.pop(location, None) is not None
            if was_out:
                logger.warning("Cache Redis di nuovo raggiungibile.")
                for hook in self.recovery_hooks:
                    hook()

    def on_recovery(self, hook):
        if hook not in self.recovery_hooks:
            self.recovery_hooks.append(hook)


outages = _Outages()


class TolerantRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._location = server if isinstance(server, str) else ",".join(server)

    def _try(self, fallback, method, *args, **kwargs):
        if outages.paused(self._location) or (outages.pause_ended(self._location) and not self._probe()):
            return fallback
        try:
            return method(*args, **kwargs)
        except OutOfMemoryError as error:
            outages.refused(self._location, error)
        except RedisError as error:
            outages.failed(self._location, error)
        return fallback

    def _probe(self):
        try:
            self._cache.get_client(write=True).ping()
        except RedisError as error:
            outages.failed(self._location, error)
            return False
        outages.recovered(self._location)
        return True

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try(False, super().add, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._try(default, super().get, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try(False, self._stored, key, value, timeout, version)

    def _stored(self, key, value, timeout, version):
        super().set(key, value, timeout, version)
        return True

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try(False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._try(None, super().delete, key, version)

    def get_many(self, keys, version=None):
        return self._try({}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._try(False, super().has_key, key, version)

    def incr(self, key, delta=1, version=None):
        missing = object()
        result = self._try(missing, super().incr, key, delta, version)
        if result is missing:
            raise ValueError(f"Key '{key}' not found (cache unreachable).")
        return result

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try(list(data), super().set_many, data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._try(None, super().delete_many, keys, version)

    def clear(self):
        return self._try(False, super().clear)


def check_eviction_policy(app_configs=None, **kwargs):
    """`manage.py check --deploy`: a Redis holding the pages needs a `maxmemory` and a policy that
    evicts (a full `noeviction` Redis refuses every write). Silent when CONFIG is disabled or Redis
    does not answer (the outage is logged where it matters)."""
    from django.core.cache import caches
    from django.core.checks import Warning

    warnings = []
    for alias in caches:
        backend = caches[alias]
        if not isinstance(backend, TolerantRedisCache) or alias == "ratelimit":
            continue
        try:
            config = backend._cache.get_client(write=True).config_get("maxmemory*")
        except RedisError:
            continue
        if config.get("maxmemory") in (None, "0") or config.get("maxmemory-policy") == "noeviction":
            warnings.append(
                Warning(
                    f"La cache Redis '{alias}' ha maxmemory={config.get('maxmemory')} e "
                    f"maxmemory-policy={config.get('maxmemory-policy')}: piena, rifiuterà ogni scrittura.",
                    hint="Impostare in redis.conf maxmemory (per esempio 256mb) e maxmemory-policy "
                    "allkeys-lru (docs/redis.md).",
                    id="core.W001",
                )
            )
    return warnings
