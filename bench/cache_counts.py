"""The page cache's hits and misses under gunicorn, counted from the cache's side so the
application needs no hook: the bench's settings (bench.settings) put these backends in place of
the configured one. Each lookup of a page part (yos_tracker.page_cache keys them "page:…") appends
one byte to the file BENCH_CACHE_COUNTS names, "h" for a hit and "m" for a miss: an append of one
byte is atomic across processes, so every web worker writes to the same file without a lock."""

import os
from pathlib import Path

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache

PAGE_PART = "page:"
_logs: dict[str, int] = {}  # path → this process's descriptor, opened once


def _record(hit: bool) -> None:
    path = os.environ.get("BENCH_CACHE_COUNTS")
    if not path:
        return
    if path not in _logs:
        _logs[path] = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    os.write(_logs[path], b"h" if hit else b"m")


class CountingMixin:
    def get(self, key, default=None, version=None):
        value = super().get(key, default, version)
        if key.startswith(PAGE_PART):
            _record(value is not default)
        return value


class CountingLocMemCache(CountingMixin, LocMemCache):
    pass


class CountingRedisCache(CountingMixin, RedisCache):
    pass


def hits_and_misses(path: Path) -> tuple[int, int]:
    """(hits, misses) recorded in the file so far."""
    data = path.read_bytes() if path.exists() else b""
    return data.count(b"h"), data.count(b"m")
