"""Whether the parts the application needs answer: the database and, when tasks go through one, the broker."""

from django.conf import settings
from django.db import connection

from yos_tracker.celery import app as celery_app


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
