"""Rendered parts of the busiest pages (the dashboard, a plan's actions, the risk register),
kept in the cache under the data version they were rendered at, so a page costs its rows once
per change rather than once per visit.

The version is one number in the database (DataVersion), raised after any write is committed:
every INSERT, UPDATE or DELETE the application's connections run passes through `watch_writes`,
whatever made it (a form, an import, the API, a Celery task, a bulk insert), so no service can
forget to invalidate. A connection that has written inside a transaction not yet committed sees
rows no one else does, so it renders afresh and caches nothing until it commits.
"""

import hashlib
import re
import secrets
from collections.abc import Callable, Collection
from contextlib import contextmanager
from urllib.parse import urlencode

from django import db
from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from yos_tracker.shared_cache import shared_cache

TIMEOUT = 60 * 60
# SQLite's bulk inserts that skip or replace conflicting rows say INSERT OR IGNORE/REPLACE INTO.
WRITE = re.compile(
    r'\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM|TRUNCATE)\s+(?:TABLE\s+)?"?(\w+)', re.IGNORECASE
)
# Bookkeeping no page part shows: sessions, sign-in attempts, the scheduler's and the task
# results' own tables, a token's last use, an import's progress, rate-limit counts and the version itself.
UNSHOWN = re.compile(r"django_session|axes_|django_celery_|yos_tracker_(?:apitoken|importjob|dataversion|ratecount)")


def _versions():
    # Looked up, not imported: the core app connects this module's receivers before its models load.
    return apps.get_model("yos_tracker", "DataVersion")._default_manager


def bump() -> None:
    if not _versions().update(number=F("number") + 1):
        _versions().create(number=secrets.randbits(62))


def _uncommitted_writes(conn) -> bool:
    """Whether the connection's transaction has written: its commit is then still to raise the version."""
    return conn.in_atomic_block and any(func is bump for _, func, _ in conn.run_on_commit)


_paused = False


@contextmanager
def unwatched():
    """Writes inside go unwatched, and count as one change once done: for a database rebuilt or
    moved between migrations by hand (a restore), which may not have the version's table meanwhile."""
    global _paused
    _paused = True
    try:
        yield
    finally:
        _paused = False
    bump()


def migration_started(**kwargs) -> None:
    """pre_migrate's receiver: the version's own table may not exist yet, so writes go unwatched."""
    global _paused
    _paused = True


def migration_finished(**kwargs) -> None:
    """post_migrate's receiver: whatever the migrations wrote counts as one change."""
    global _paused
    _paused = False
    bump()


def watch_connection(sender, connection, **kwargs) -> None:
    """connection_created's receiver: every connection the application opens is watched."""
    if watch_writes not in connection.execute_wrappers:
        connection.execute_wrappers.append(watch_writes)


def watch_writes(execute, sql, params, many, context):
    """The execute wrapper: a write raises the version at once outside a transaction, and once the
    transaction commits inside one."""
    result = execute(sql, params, many, context)
    match = WRITE.match(sql)
    if match and not _paused and not UNSHOWN.match(match[1]):
        conn = context["connection"]
        if not conn.in_atomic_block:
            bump()
        elif not _uncommitted_writes(conn):
            transaction.on_commit(bump, using=conn.alias)
    return result


def current_version() -> int | None:
    """The version now, or None when this connection has uncommitted writes (or the row is missing)."""
    if _uncommitted_writes(db.connection):
        return None
    return _versions().order_by("pk").values_list("number", flat=True).first()


def cached_part(request, template: str, build: Callable[[], dict], reads: Collection[str] = ()) -> SafeString:
    """`template` rendered with the context `build()` returns, from the cache when it was rendered
    at the same data version for the same organisation, query parameters and role, today (what is
    overdue or stale turns on the date). `build` runs only when the cache has nothing.

    Only a query of the parameters the page reads (`reads`) is cached, keyed by those alone: any
    other parameter (?x=1, ?x=2…) is rendered afresh, so it cannot fill the cache. Each organisation
    caches at most PAGE_CACHE_PARTS_PER_ORGANISATION new parts an hour, however many values of
    those parameters it is asked for."""

    def render() -> str:
        # The context processors have run for the page around it; the part needs only the request.
        return render_to_string(template, {**build(), "request": request})

    version = current_version()
    if version is None or any(name not in reads for name in request.GET):
        return mark_safe(render())
    access = request.access
    query = urlencode(sorted((name, value) for name in set(request.GET) for value in request.GET.getlist(name)))
    parts = [
        template,
        access.organisation.pk,
        ",".join(sorted(access.capabilities)),
        request.path,
        query,
        timezone.localdate().isoformat(),
        version,
    ]
    key = "page:" + hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()
    html = shared_cache.get(key)
    if html is None:
        html = render()
        if (
            shared_cache.count(f"page-parts:{access.organisation.pk}", TIMEOUT)
            <= settings.PAGE_CACHE_PARTS_PER_ORGANISATION
        ):
            shared_cache.set(key, html, TIMEOUT)
    return mark_safe(html)
