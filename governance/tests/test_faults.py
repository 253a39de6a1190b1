"""Faults in the parts around the application, caused for real on processes the test owns: a
Redis on a spare port that is stopped and started again, and Celery worker subprocesses killed
with SIGKILL in the middle of a render. The machine's shared Redis is never touched.

PostgreSQL only: the worker subprocesses must share the test database."""

import datetime
import os
import signal
import time

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from governance import report_services, reporting, tasks
from governance.models import CommitteeReport, ReportRender
from governance.models.reports import RenderStatus
from yos_tracker.tests.helpers import wait_for
from yos_tracker.tests.processes import VISIBILITY_TIMEOUT

postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="workers share the test database")


@pytest.fixture
def demo_report(transactional_db, settings):
    """Lewisham's June 2017 report: 17 pages, long enough to be interrupted while laid out."""
    settings.DEBUG = True
    call_command("load_demo")
    return CommitteeReport.objects.get(organisation__slug="lewisham", kind="committee")


@pytest.fixture
def small_report(organisation):
    return CommitteeReport.objects.create(
        organisation=organisation,
        committee="Safer Stronger Select Committee",
        meeting_date=datetime.date(2017, 6, 28),
        title="Progress",
        period_start=datetime.date(2016, 12, 1),
        period_end=datetime.date(2017, 6, 28),
        sections=["appendix_c"],
    )


def _request_render(report, user) -> ReportRender:
    with transaction.atomic():
        return report_services.render_request(report=report, user=user)


def _while_laying_out(render: ReportRender) -> None:
    wait_for(
        lambda: ReportRender.objects.filter(
            pk=render.pk, status=RenderStatus.RUNNING, step="Laying out the pages"
        ).exists(),
        timeout=90,
        interval=0.01,
    )


def _assert_completed_once(render: ReportRender, media_root) -> None:
    done = wait_for(lambda: ReportRender.objects.filter(pk=render.pk, status=RenderStatus.DONE).first(), timeout=90)
    assert done.attempts == 2  # the interrupted attempt and the one that finished
    assert ReportRender.objects.filter(report=render.report).count() == 1
    files = sorted((media_root / "reports").rglob("*.pdf"))
    assert files == [media_root / done.file.name]
    assert reporting.content_hash(files[0].read_bytes()) == done.content_hash
    assert done.pages >= 8


@postgresql_only
@pytest.mark.celery
def test_a_render_whose_worker_process_dies_is_delivered_again_and_completes_once(
    demo_report, manager, worker_process, media_root
):
    worker = worker_process("prefork")
    render = _request_render(demo_report, manager)
    _while_laying_out(render)
    [pool_process] = worker.children()
    os.kill(pool_process, signal.SIGKILL)
    # The worker sees its pool process lost and rejects the message back to the queue
    # (reject on worker lost); the replacement process runs it again.
    _assert_completed_once(render, media_root)


@postgresql_only
@pytest.mark.celery
def test_a_render_whose_whole_worker_is_killed_is_finished_by_the_next_worker(
    demo_report, manager, worker_process, media_root
):
    first = worker_process("prefork")
    render = _request_render(demo_report, manager)
    _while_laying_out(render)
    first.kill()
    assert ReportRender.objects.get(pk=render.pk).status == RenderStatus.RUNNING  # left mid-way, unacknowledged

    time.sleep(VISIBILITY_TIMEOUT + 1)  # the broker's redelivery clock is wall time
    worker_process("prefork")
    _assert_completed_once(render, media_root)


@postgresql_only
@pytest.mark.celery
def test_while_redis_is_down_pages_work_and_renders_wait_then_go_on_when_it_is_back(
    client, officer, small_report, own_redis, worker_process
):
    report_url = reverse("governance:report_detail", kwargs={"org": "lewisham", "pk": small_report.pk})
    own_redis.stop()
    client.force_login(officer)

    response = client.post(report_url, follow=True)
    assert response.status_code == 200
    assert "Report generation is delayed" in response.content.decode()
    render = ReportRender.objects.get(report=small_report)
    assert render.status == RenderStatus.QUEUED
    health = client.get(reverse("healthz"))
    assert (health.status_code, health.json()["broker"], health.json()["database"]) == (503, "down", "ok")
    for page in ("performance:index", "improvement:index", "governance:risk_register"):
        assert client.get(reverse(page, kwargs={"org": "lewisham"})).status_code == 200

    own_redis.start()
    assert client.get(reverse("healthz")).status_code == 200
    worker_process("solo")
    ReportRender.objects.filter(pk=render.pk).update(requested_at=timezone.now() - datetime.timedelta(minutes=5))
    assert tasks.renders_look_after() == (1, 0)  # what beat runs every minute
    done = wait_for(lambda: ReportRender.objects.filter(pk=render.pk, status=RenderStatus.DONE).first(), timeout=90)
    assert done.file.read(5) == b"%PDF-"
    assert "Report generation is delayed" not in client.get(report_url).content.decode()


@pytest.mark.django_db
def test_requeue_leaves_fresh_and_finished_renders_alone(small_report, manager):
    ReportRender.objects.create(report=small_report, version=1, requested_by=manager)  # just queued
    done = ReportRender.objects.create(report=small_report, version=2, status=RenderStatus.DONE, requested_by=manager)
    ReportRender.objects.filter(pk=done.pk).update(requested_at=timezone.now() - datetime.timedelta(hours=1))
    assert tasks.renders_requeue() == 0
