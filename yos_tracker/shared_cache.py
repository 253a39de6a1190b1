"""The shared cache (Redis, where configured) as the page cache and the API's throttle use it.

While it cannot be reached, each call falls back to this process's own memory: a Redis outage
costs speed (pages render afresh) and exactness (each web worker counts a token's requests on its
own), never a page. Each fall-back is logged, at most once a minute per process, so an outage is
seen without flooding the log."""

import logging
import time

import redis
from django.core.cache import DEFAULT_CACHE_ALIAS, caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache

logger = logging.getLogger(__name__)
# What a cache that cannot be reached raises: redis-py's errors, or the socket's own.
UNREACHABLE = (redis.RedisError, OSError)
LOG_EVERY_SECONDS = 60


class SharedCache:
    """get and set on the default cache, or on this process's memory while it is down."""

    def __init__(self):
        self.local = LocMemCache("yos-shared-cache-fallback", {"OPTIONS": {"MAX_ENTRIES": 2000}})
        self.logged_at = float("-inf")

    @property
    def is_local(self) -> bool:
        """No shared cache is configured: the default cache is each process's own memory."""
        return isinstance(caches[DEFAULT_CACHE_ALIAS], LocMemCache)

    def get(self, key, default=None):
        return self._call("get", key, default)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT):
        return self._call("set", key, value, timeout)

    def delete(self, key) -> None:
        self._call("delete", key)

    def count(self, key, timeout, *, fall_back: bool = True) -> int:
        """Add one to the number kept under key (started at 0 for `timeout` seconds); the new
        number. Without `fall_back`, an unreachable cache raises (yos_tracker.limits counts
        elsewhere)."""
        call = self._call if fall_back else self._shared
        call("add", key, 0, timeout)
        try:
            return call("incr", key)
        except ValueError:  # expired between the two calls
            call("set", key, 1, timeout)
            return 1

    def _shared(self, name: str, *args):
        return getattr(caches[DEFAULT_CACHE_ALIAS], name)(*args)

    def _call(self, name: str, *args):
        try:
            return self._shared(name, *args)
        except UNREACHABLE as error:
            if time.monotonic() - self.logged_at >= LOG_EVERY_SECONDS:
                self.logged_at = time.monotonic()
                logger.warning("The shared cache could not be reached (%s): using this process's memory", error)
            return getattr(self.local, name)(*args)


shared_cache = SharedCache()
