"""Whether the parts the application needs answer: the database and, when tasks go through one, the broker;
and whether the shared cache does, without which it is slower but no less correct."""

from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, caches
from django.db import connection

from yos_tracker.celery import app as celery_app
from yos_tracker.shared_cache import UNREACHABLE, shared_cache


def database_status() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return "ok"
    except Exception:  # noqa: BLE001 - any failure to answer means the database is down
        return "down"


def broker_status() -> str:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return "eager"
    try:
        with celery_app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, interval_start=0, interval_step=0, timeout=2)
        return "ok"
    except Exception:  # noqa: BLE001 - any failure to connect means the broker is down
        return "down"


def cache_status() -> str:
    """For the health check: "ok", "down" (unreachable: pages and the throttle run on each
    process's memory) or "local" (no shared cache is configured)."""
    if shared_cache.is_local:
        return "local"
    try:
        caches[DEFAULT_CACHE_ALIAS].get("health-check")
    except UNREACHABLE:
        return "down"
    return "ok"
