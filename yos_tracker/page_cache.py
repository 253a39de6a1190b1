"""Rendered parts of the busiest pages (the dashboard, a plan's actions, the risk register),
kept in the cache under the data versions they were rendered at, so a page costs its rows once
per change rather than once per visit.

Each organisation has a version, and the installation one more: numbers in the database
(DataVersion), raised after any write is committed. Every INSERT, UPDATE or DELETE the
application's connections run passes through `watch_writes`, whatever made it (a form, an
import, the API, a Celery task, a bulk insert, QuerySet.update), so no service can forget to
invalidate. A write raises its organisation's version when it is made for one organisation
(a page or API call under that organisation's path, an import job of theirs) to a table of
records that belong to one (an OrganisationScopedQuerySet's model, its history or its links);
any other write (the catalogue, frameworks, people's accounts, a shell, a task of no
organisation) raises the installation's version, which every part's key holds. So a progress
update in Bromley leaves Lewisham's cached pages warm, and a write the rule cannot place costs
only a cold page, never a stale one.

A connection that has written inside a transaction not yet committed sees rows no one else
does, so it renders afresh and caches nothing until it commits.
"""

import functools
import hashlib
import re
import secrets
from collections.abc import Callable, Collection
from contextlib import contextmanager
from contextvars import ContextVar
from urllib.parse import urlencode

from django import db
from django.apps import apps
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from yos_tracker.querysets import OrganisationScopedQuerySet
from yos_tracker.shared_cache import shared_cache

TIMEOUT = 60 * 60
# SQLite's bulk inserts that skip or replace conflicting rows say INSERT OR IGNORE/REPLACE INTO.
WRITE = re.compile(
    r'\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM|TRUNCATE)\s+(?:TABLE\s+)?"?(\w+)', re.IGNORECASE
)
# Bookkeeping no page part shows: sessions, sign-in attempts, the scheduler's and the task
# results' own tables, a token's last use, an import's progress, rate-limit counts and the version itself.
UNSHOWN = re.compile(r"django_session|axes_|django_celery_|yos_tracker_(?:apitoken|importjob|dataversion|ratecount)")


# The scope of the installation's version; an organisation's is its primary key.
INSTALLATION = 0
# The organisation the writes of this request or task are made for, if any.
_writing_for: ContextVar[int | None] = ContextVar("page_cache_writing_for", default=None)


def _versions():
    # Looked up, not imported: the core app connects this module's receivers before its models load.
    return apps.get_model("yos_tracker", "DataVersion")._default_manager


def bump(scope: int = INSTALLATION) -> None:
    """Raise the scope's version. Runs outside any transaction (at once, or once one commits):
    no savepoint, which SQLite could not commit while the write that called it (an INSERT …
    RETURNING) still has its statement open."""
    if _versions().filter(scope=scope).update(number=F("number") + 1):
        return
    try:
        _versions().create(scope=scope, number=secrets.randbits(62))
    except IntegrityError:  # another connection made the row meanwhile
        _versions().filter(scope=scope).update(number=F("number") + 1)


@contextmanager
def writes_for(organisation_pk: int | None = None):
    """The writes inside are made for that organisation (None: for none); the scope ends with the
    block. The middleware opens one per request, and the organisation's path then names it."""
    token = _writing_for.set(organisation_pk)
    try:
        yield
    finally:
        _writing_for.reset(token)


def writes_belong_to(organisation_pk: int) -> None:
    """Within the current request's scope (writes_for), its writes are made for that organisation."""
    _writing_for.set(organisation_pk)


def request_scope(get_response):
    """Middleware: each request's writes belong to no organisation until its path names one."""

    def middleware(request):
        with writes_for(None):
            return get_response(request)

    return middleware


@functools.cache
def _organisation_tables() -> frozenset[str]:
    """Tables whose rows belong to one organisation: the models an OrganisationScopedQuerySet
    scopes, their simple_history copies and their many-to-many link tables."""

    def owner(model):
        return model._meta.auto_created or getattr(model, "instance_type", None) or model

    return frozenset(
        model._meta.db_table
        for model in apps.get_models(include_auto_created=True)
        if issubclass(owner(model)._default_manager._queryset_class, OrganisationScopedQuerySet)
    )


def _scope(table: str) -> int:
    organisation = _writing_for.get()
    if organisation is not None and table in _organisation_tables():
        return organisation
    return INSTALLATION


def _bump_pending(conn) -> None:
    for scope in sorted(conn.page_cache_scopes):
        bump(scope)


def _uncommitted_writes(conn) -> bool:
    """Whether the connection's transaction has written: its commit is then still to raise versions."""
    return conn.in_atomic_block and any(
        getattr(func, "func", None) is _bump_pending for _, func, _ in conn.run_on_commit
    )


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
            bump(_scope(match[1]))
            return result
        if not _uncommitted_writes(conn):
            # A rolled-back transaction dropped its callback: the scopes it gathered go with it.
            conn.page_cache_scopes = set()
            transaction.on_commit(functools.partial(_bump_pending, conn), using=conn.alias)
        conn.page_cache_scopes.add(_scope(match[1]))
    return result


def current_version(organisation_pk: int | None = None) -> int | tuple[int, int | None] | None:
    """The installation's version now (with the organisation's, when one is named), or None when
    this connection has uncommitted writes (or the installation's row is missing)."""
    if _uncommitted_writes(db.connection):
        return None
    if organisation_pk is None:
        return _versions().filter(scope=INSTALLATION).values_list("number", flat=True).first()
    numbers = dict(_versions().filter(scope__in=[INSTALLATION, organisation_pk]).values_list("scope", "number"))
    if INSTALLATION not in numbers:
        return None
    return numbers[INSTALLATION], numbers.get(organisation_pk)


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

    access = request.access
    version = current_version(access.organisation.pk)
    if version is None or any(name not in reads for name in request.GET):
        return mark_safe(render())
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
