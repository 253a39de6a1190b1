"""Counting for rate limits, so that a limit holds however many web workers and servers answer:
in Redis (an atomic INCR) where it is configured and reachable, otherwise in the database (an
atomic UPDATE), never in one process's memory, where each worker would count on its own."""

import datetime
import logging
import time

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from yos_tracker.models import RateCount
from yos_tracker.shared_cache import LOG_EVERY_SECONDS, UNREACHABLE, shared_cache

logger = logging.getLogger(__name__)
_logged_at = [float("-inf")]


def count(key: str, seconds: int) -> int:
    """Add one to `key`'s count in its current window of `seconds` (started by its first count);
    the new count."""
    if not shared_cache.is_local:
        try:
            return shared_cache.count(key, seconds, fall_back=False)
        except UNREACHABLE as error:
            if time.monotonic() - _logged_at[0] >= LOG_EVERY_SECONDS:
                _logged_at[0] = time.monotonic()
                logger.warning("Rate limits are counted in the database: the shared cache is unreachable (%s)", error)
    return _count_in_database(key, seconds)


def _count_in_database(key: str, seconds: int) -> int:
    now = timezone.now()
    with transaction.atomic():
        live = RateCount.objects.filter(key=key, expires_at__gt=now)
        if not live.update(count=F("count") + 1):
            RateCount.objects.filter(expires_at__lte=now).delete()
            expires_at = now + datetime.timedelta(seconds=seconds)
            _, created = RateCount.objects.get_or_create(key=key, defaults={"count": 1, "expires_at": expires_at})
            if not created:  # another worker started the window first
                live.update(count=F("count") + 1)
        # Within this transaction the row is ours until it commits: the count read is our own.
        return RateCount.objects.values_list("count", flat=True).get(key=key)
