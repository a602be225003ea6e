"""Django's Redis cache, made to degrade instead of crash: when Redis is down or unreachable every
read is a miss and every write is dropped, so pages are built from the database as if the cache were
empty. One warning is logged per outage, and for OUTAGE_PAUSE seconds after a failure Redis is not
even tried, so an unreachable host (which costs a connect timeout per try) cannot slow every page."""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

OUTAGE_ERRORS = (RedisConnectionError, RedisTimeoutError)
OUTAGE_PAUSE = 5.0


class _Outages:
    """When each Redis location may be tried again; shared by the per-thread cache objects."""

    def __init__(self):
        self.lock = threading.Lock()
        self.until = {}

    def paused(self, location):
        return time.monotonic() < self.until.get(location, 0)

    def failed(self, location, error):
        with self.lock:
            first = location not in self.until
            self.until[location] = time.monotonic() + OUTAGE_PAUSE
        if first:
            logger.warning("Cache Redis non raggiungibile (%s): il sito continua senza cache.", error)

    def recovered(self, location):
        if location in self.until:
            with self.lock:
                if self.until.pop(location, None) is not None:
                    logger.warning("Cache Redis di nuovo raggiungibile.")


outages = _Outages()


class TolerantRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._location = server if isinstance(server, str) else ",".join(server)

    def _try(self, fallback, method, *args, **kwargs):
        if outages.paused(self._location):
            return fallback
        try:
            result = method(*args, **kwargs)
        except OUTAGE_ERRORS as error:
            outages.failed(self._location, error)
            return fallback
        outages.recovered(self._location)
        return result

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try(False, super().add, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._try(default, super().get, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try(None, super().set, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._try(False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._try(False, super().delete, key, version)

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
