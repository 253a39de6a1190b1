"""The application as production serves it (gunicorn with two workers, PostgreSQL, a Celery worker)
while its parts fail: pages and the API go on answering while Redis is down, work asked for
meanwhile is queued and completes once it is back; and without Redis at all, the two workers
count an API token's requests together, so its limit holds as set.

Every process is the test's own (a Redis on a spare port, gunicorn, the worker): PostgreSQL only,
since they must share the test database."""

import datetime
import re
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from improvement.models import RagStatus
from improvement.tests.factories import PlanFactory
from yos_tracker.models import ImportJob
from yos_tracker.services import api_token_issue
from yos_tracker.tasks import imports_look_after
from yos_tracker.tests.helpers import wait_for
from yos_tracker.tests.processes import Gunicorn

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the servers share the test database"),
    pytest.mark.celery,
]
CSV = b"Ref,Recommendation,Action,RAG\r\n1.1,Board focuses on outcomes,Agree outcome measures,Green\r\n"


@pytest.fixture
def serve(transactional_db, media_root, tmp_path):
    """serve(**env) -> gunicorn on the test database; stopped after the test."""
    started = []

    def start(**env) -> Gunicorn:
        server = Gunicorn(media_root, tmp_path / f"gunicorn-{len(started)}.log", env={"DEBUG": "true", **env})
        started.append(server)
        return server.start()

    yield start
    for server in started:
        server.stop()


def _signed_in(server: Gunicorn, user) -> requests.Session:
    """A browser's session for `user` (the session is kept in the database the server reads)."""
    client = Client()
    client.force_login(user)
    session = requests.Session()
    session.cookies.set("sessionid", client.cookies["sessionid"].value)
    return session


def _get(session: requests.Session, server: Gunicorn, path: str) -> int:
    return session.get(server.url + path, timeout=30).status_code


def test_two_web_workers_without_redis_hold_a_tokens_limit_together(serve, manager):
    _, key = api_token_issue(user=manager, name="Script")
    server = serve(API_RATE_LIMIT="20/min")  # no REDIS_URL: each worker's cache is its own memory

    def call(_) -> int:
        headers = {"Authorization": f"Token {key}"}
        return requests.get(f"{server.url}/api/v1/lewisham/plans/", headers=headers, timeout=30).status_code

    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(call, range(60)))

    assert (answers.count(200), answers.count(429)) == (20, 40)


def test_pages_and_the_api_answer_while_redis_is_down_and_queued_work_completes_when_it_is_back(
    serve, own_redis, worker_process, manager
):
    RagStatus.objects.install(manager.memberships.get().organisation)
    plan = PlanFactory(organisation=manager.memberships.get().organisation)
    _, key = api_token_issue(user=manager, name="Script")
    worker_process("solo")
    server = serve(REDIS_URL=own_redis.url, CELERY_BROKER_URL=own_redis.url, IMPORT_BACKGROUND_BYTES=10)
    browser = _signed_in(server, manager)
    pages = [
        reverse("performance:index", kwargs={"org": "lewisham"}),
        reverse("improvement:index", kwargs={"org": "lewisham"}),
        plan.get_absolute_url(),
        reverse("governance:risk_register", kwargs={"org": "lewisham"}),
    ]
    assert [_get(browser, server, page) for page in pages] == [200] * 4  # cached in Redis

    own_redis.stop()
    assert [_get(browser, server, page) for page in pages] == [200] * 4
    api = requests.get(f"{server.url}/api/v1/lewisham/plans/", headers={"Authorization": f"Token {key}"}, timeout=30)
    assert api.status_code == 200
    health = requests.get(f"{server.url}/healthz", timeout=30).json()
    assert (health["database"], health["broker"], health["cache"]) == ("ok", "down", "down")

    import_url = server.url + reverse("improvement:plan_import", kwargs={"org": "lewisham", "pk": plan.pk})
    form = browser.get(import_url, timeout=30).text
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    upload = {"file": ("tracker.csv", CSV)}
    sent = browser.post(import_url, data={"csrfmiddlewaretoken": csrf}, files=upload, timeout=30)
    assert sent.status_code == 200 and "/imports/" in sent.url  # followed to the job's page
    assert "The import is delayed: the task queue cannot be reached." in sent.text
    job = ImportJob.objects.get()
    assert job.status == "queued"

    own_redis.start()
    ImportJob.objects.filter(pk=job.pk).update(created_at=timezone.now() - datetime.timedelta(minutes=2))
    wait_for(lambda: imports_look_after()[0] == 1, timeout=30, interval=1)  # what beat runs every minute
    wait_for(lambda: ImportJob.objects.get(pk=job.pk).status == "done", timeout=60)
    assert "Confirm import" in browser.get(sent.url, timeout=30).text
    assert [_get(browser, server, page) for page in pages] == [200] * 4
