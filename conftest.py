"""Fixtures every app's tests share: the people of healthchecks' test modules (an owner of the
organisation, members with other roles, an outsider), Chromium for browser tests, a Celery
worker that is real whenever a broker is configured, and a real S3-compatible server for the
media storage."""

import importlib
import os
from collections import Counter
from urllib.parse import urlsplit, urlunsplit

import pytest
from celery.contrib.testing.worker import start_worker
from django.apps import apps
from django.conf import settings
from django.test.utils import override_settings
from pytest_django.plugin import blocking_manager_key

from yos_tracker.celery import app
from yos_tracker.choices import Role
from yos_tracker.shared_cache import shared_cache
from yos_tracker.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from yos_tracker.tests.processes import VISIBILITY_TIMEOUT, OwnRedis, S3Server, Worker, use_broker

# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses to run
# under one unless told it is safe (it is: the loop is Playwright's, not the app's).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium, never a downloaded browser. If it is missing the browser tests fail, not skip."""
    return {**browser_type_launch_args, "executable_path": "/usr/bin/chromium", "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings):
    # Connections opened by a Celery worker thread must close after each task, or PostgreSQL
    # refuses to drop the test database at the end of the run.
    settings.DATABASES["default"]["CONN_MAX_AGE"] = 0


@pytest.fixture
def organisation(db):
    return OrganisationFactory(name="Lewisham Youth Offending Service", slug="lewisham")


@pytest.fixture
def other_organisation(db):
    return OrganisationFactory(name="Bromley Youth Offending Service", slug="bromley")


def _member(organisation, role, username):
    return MembershipFactory(user=UserFactory(username=username), organisation=organisation, role=role).user


@pytest.fixture
def make_member(db):
    """make_member(organisation, role, username) -> a user with that role there."""
    return _member


@pytest.fixture
def manager(organisation):
    return _member(organisation, Role.MANAGER, "manager")


@pytest.fixture
def board_member(organisation):
    return _member(organisation, Role.BOARD_MEMBER, "board")


@pytest.fixture
def officer(organisation):
    return _member(organisation, Role.OFFICER, "officer")


@pytest.fixture
def administrator(organisation):
    return _member(organisation, Role.ADMINISTRATOR, "admin")


@pytest.fixture
def outsider(other_organisation):
    """A manager, but of another organisation."""
    return _member(other_organisation, Role.MANAGER, "outsider")


@pytest.fixture
def regional(db):
    return MembershipFactory(user=UserFactory(username="regional"), organisation=None, role=Role.REGIONAL).user


def redis_database_of_worker(url: str, worker: str) -> str:
    """The Redis database pytest-xdist's worker `worker` ("gw1") uses: the one `url` names for
    the first worker, the next ones along for the others."""
    parts = urlsplit(url)
    first = int(parts.path.strip("/") or 0)
    number = (first + int(worker.removeprefix("gw"))) % 16  # Redis has databases 0-15
    return urlunsplit(parts._replace(path=f"/{number}"))


@pytest.fixture(scope="session", autouse=True)
def _worker_own_redis_database():
    """With the suite split across pytest-xdist workers, each worker process has its own test
    database and its own Celery worker thread. On one Redis database they would take each other's
    tasks (and look for the records in the other test database) and clear each other's cache, so
    each process uses a Redis database of its own for the broker and the cache."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker or settings.CELERY_TASK_ALWAYS_EAGER:
        yield
        return
    use_broker(redis_database_of_worker(settings.CELERY_BROKER_URL, worker))
    cache = settings.CACHES["default"]
    if cache.get("LOCATION", "").startswith("redis"):
        cache = cache | {"LOCATION": redis_database_of_worker(cache["LOCATION"], worker)}
    with override_settings(CACHES={"default": cache}):
        yield


@pytest.fixture
def celery_worker(transactional_db):
    """Runs tasks through a real worker thread against the configured broker; in eager mode
    (no broker) tasks already run in-process and there is nothing to start."""
    if settings.CELERY_TASK_ALWAYS_EAGER:
        yield None
        return
    app.control.purge()
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10) as worker:
        yield worker


@pytest.fixture
def own_redis(tmp_path, settings):
    """A Redis on a spare port, the broker of this process's Celery app, which a fault test may
    stop and start again; the machine's shared Redis is never touched."""
    server = OwnRedis(tmp_path)
    server.start()
    previous = app.conf.broker_url, app.conf.task_always_eager
    settings.CELERY_TASK_ALWAYS_EAGER = app.conf.task_always_eager = False
    use_broker(server.url)
    yield server
    app.conf.task_always_eager = previous[1]
    use_broker(previous[0])
    if server.process.poll() is None:
        server.stop()


@pytest.fixture
def worker_process(transactional_db, own_redis, media_root, tmp_path):
    """worker_process(pool, **env) -> a `celery worker` subprocess on own_redis and the test
    database (PostgreSQL: a subprocess cannot share SQLite's in-memory one); all are killed
    after the test."""
    started = []

    def start(pool: str = "solo", **env) -> Worker:
        log = tmp_path / f"worker-{len(started)}.log"
        worker = Worker(own_redis.url, media_root, log, pool=pool, visibility_timeout=VISIBILITY_TIMEOUT, env=env)
        started.append(worker)
        return worker.start()

    yield start
    for worker in started:
        worker.stop()


@pytest.fixture(autouse=True)
def no_bad_keys_counted_yet():
    """Each test's requests come from 127.0.0.1: bad API keys an earlier test sent (to see them
    refused) are not held against it (yos_tracker.api_access.refuse_key)."""
    shared_cache.delete("api-bad-keys:127.0.0.1")  # in Redis; the database's count goes with the test's rows


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Real hashing costs ~0.3 s a password by design; tests create dozens of accounts.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


# Data migrations that load reference data (judgement scales, the indicator catalogue, beat
# schedules): (module, function).
REFERENCE_DATA = [
    ("improvement.migrations.0013_load_frameworks_and_rate_standards", "load"),
    ("improvement.migrations.0004_weekly_reminder_schedule", "schedule"),
    ("performance.migrations.0002_catalogue", "load"),
    ("performance.migrations.0003_monthly_rollup_schedule", "schedule"),
    ("governance.migrations.0005_requeue_waiting_renders_schedule", "schedule"),
    ("yos_tracker.migrations.0004_daily_import_clean_schedule", "schedule"),
    ("yos_tracker.migrations.0008_job_heartbeats", "schedule"),
    ("governance.migrations.0020_job_heartbeats", "schedule"),
]


def pytest_collection_modifyitems(items):
    """pytest-xdist hands tests out by node id: two tests sharing one would run once, silently."""
    shared = [nodeid for nodeid, count in Counter(item.nodeid for item in items).items() if count > 1]
    if shared:
        raise pytest.UsageError(f"tests that share a node id (give each its own): {shared}")


def _commits(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    transactional_mark = marker is not None and marker.kwargs.get("transaction", False)
    return bool({"transactional_db", "live_server"} & set(item.fixturenames)) or transactional_mark


@pytest.hookimpl(hookwrapper=True, trylast=True)
def pytest_runtest_teardown(item, nextitem):
    """Tests that commit for real (live server, Celery worker) flush the database as they end,
    taking the migrations' reference data with it; put it back at once, so that whatever test
    comes next, of either kind, finds the database as migrated. (Serialized rollback cannot do
    this here: Playwright runs tests in a greenlet, where Django gives the test a connection
    without the serialized copy.)"""
    yield
    if _commits(item) and nextitem is not None:  # after the last test, the database is gone
        with item.config.stash[blocking_manager_key].unblock():
            for module, function in REFERENCE_DATA:
                getattr(importlib.import_module(module), function)(apps, None)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded evidence and rendered reports go to a folder of the test's own, as files even
    when the shell names a bucket (AWS_STORAGE_BUCKET_NAME): a test never writes to a real one."""
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(scope="session")
def s3_server():
    """Started once, by the first test that asks for the bucket; stopped when the run ends."""
    server = S3Server()
    try:
        yield server.start()
    finally:
        server.stop()


@pytest.fixture
def s3_media(settings, s3_server):
    """Evidence, reports and waiting imports go to the bucket for this test, emptied after it.
    Changing STORAGES makes Django forget default_storage, which every FileField reaches through,
    so the app's own code stores into the bucket."""
    settings.STORAGES = {**settings.STORAGES, "default": s3_server.storage}
    yield s3_server
    s3_server.empty()
