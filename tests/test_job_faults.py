"""Background imports and renders always finish or can be run again: one asked for while the
broker is down waits and goes when it is back; one whose worker is killed (SIGKILL, as the OOM
killer would) is delivered again or stopped by its silent heartbeat and offered again, and ends
once, with nothing doubled; and an import's progress is seen while its transaction is open.

The worker tests run real `celery worker` subprocesses on a Redis the test owns: PostgreSQL only,
since a subprocess cannot share SQLite's in-memory test database."""

import datetime
import os
import signal
import time

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from governance.models import CommitteeReport, ReportRender
from governance.models.reports import RenderStatus
from governance.tasks import renders_look_after
from improvement.models import Action, RagStatus
from improvement.tests.factories import PlanFactory
from yos_tracker import jobs
from yos_tracker.import_jobs import import_job_run
from yos_tracker.models import ImportJob
from yos_tracker.tasks import import_send, imports_look_after
from yos_tracker.tests.helpers import wait_for
from yos_tracker.tests.processes import VISIBILITY_TIMEOUT
from yos_tracker.tests.workbooks import big_plan

postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="workers share the test database")
CSV = b"Ref,Recommendation,Action,RAG\r\n1.1,Board focuses on outcomes,Agree outcome measures,Green\r\n"
ROWS = 8_000  # enough for the apply to be interrupted half-way


@pytest.fixture
def plan(organisation):
    RagStatus.objects.install(organisation)
    return PlanFactory(organisation=organisation)


def _job(plan, user, content: bytes = CSV, suffix: str = ".csv", **fields) -> ImportJob:
    token = os.urandom(16).hex()
    default_storage.save(f"imports/{token}{suffix}", ContentFile(content))
    return ImportJob.objects.create(
        organisation=plan.organisation,
        importer="plan",
        token=token,
        filename=f"tracker{suffix}",
        suffix=suffix,
        scope={"plan": plan.pk},
        requested_by=user,
        return_url=plan.get_absolute_url(),
        **{"action": ImportJob.Action.APPLY, **fields},
    )


def _silent_since(model, pk: int, seconds: int) -> None:
    model.objects.filter(pk=pk).update(heartbeat_at=timezone.now() - datetime.timedelta(seconds=seconds))


# --- What beat does: lost jobs are stopped, waiting ones are sent ------------------------------


def test_an_import_whose_worker_fell_silent_is_stopped_and_offered_again(client, plan, manager):
    lost = _job(plan, manager, status=ImportJob.Status.RUNNING, task_id="lost")
    alive = _job(plan, manager, status=ImportJob.Status.RUNNING, task_id="alive")
    _silent_since(ImportJob, lost.pk, 61)
    _silent_since(ImportJob, alive.pk, 5)

    assert imports_look_after() == (0, 1)

    lost.refresh_from_db()
    assert (lost.status, lost.can_retry) == ("failed", True)
    assert ImportJob.objects.get(pk=alive.pk).status == "running"
    client.force_login(manager)
    page = client.get(lost.get_absolute_url()).content.decode()
    assert "The worker running this import stopped before it finished; nothing was imported." in page
    assert "Retry" in page


def test_a_started_job_that_never_wrote_a_heartbeat_counts_as_lost_too(plan, manager):
    job = _job(plan, manager, status=ImportJob.Status.RUNNING, started_at=timezone.now() - datetime.timedelta(hours=1))
    assert jobs.lost(ImportJob.objects.all()).get() == job


@pytest.mark.celery
def test_an_import_that_waited_for_the_broker_is_sent_again_and_runs_once(celery_worker, plan, manager):
    waiting = _job(plan, manager)
    fresh = _job(plan, manager)
    ImportJob.objects.filter(pk=waiting.pk).update(created_at=timezone.now() - datetime.timedelta(minutes=2))

    assert imports_look_after() == (1, 0)

    wait_for(lambda: ImportJob.objects.get(pk=waiting.pk).status == "done")
    assert ImportJob.objects.get(pk=fresh.pk).status == "queued"  # its own message may still be on its way
    assert import_job_run(job_id=waiting.pk).attempts == 1  # delivered again: claimed once
    assert Action.objects.filter(recommendation__plan=plan).count() == 1


def test_an_import_is_claimed_again_only_by_a_redelivery_of_its_own_message(plan, manager):
    job = _job(plan, manager, status=ImportJob.Status.RUNNING, task_id="first")

    assert import_job_run(job_id=job.pk, task_id="another").status == "running"  # someone else's: left alone
    assert import_job_run(job_id=job.pk, task_id="first").status == "done"  # its own, delivered again
    assert import_job_run(job_id=job.pk, task_id="first").attempts == 1  # once done, done
    assert Action.objects.filter(recommendation__plan=plan).count() == 1


def test_a_render_whose_worker_fell_silent_is_stopped_and_can_be_retried(client, organisation, manager):
    report = CommitteeReport.objects.create(
        organisation=organisation,
        committee="Safer Stronger Select Committee",
        meeting_date=datetime.date(2017, 6, 28),
        title="Progress",
        period_start=datetime.date(2016, 12, 1),
        period_end=datetime.date(2017, 6, 28),
        sections=["appendix_c"],
    )
    render = ReportRender.objects.create(
        report=report, version=1, status=RenderStatus.RUNNING, task_id="lost", requested_by=manager
    )
    _silent_since(ReportRender, render.pk, 61)

    assert renders_look_after() == (0, 1)

    render.refresh_from_db()
    assert render.status == RenderStatus.FAILED
    assert "the worker rendering it was lost" in render.failure
    client.force_login(manager)
    status_url = reverse("governance:render_status", kwargs={"org": organisation.slug, "pk": render.pk})
    assert "Retry" in client.get(status_url).content.decode()
    client.post(status_url)
    assert ReportRender.objects.get(pk=render.pk).status == RenderStatus.QUEUED  # to be sent once this commits


# --- Real workers on PostgreSQL -----------------------------------------------------------------


@postgresql_only
def test_progress_is_seen_while_the_import_transaction_is_open(transactional_db, plan, manager):
    job = _job(plan, manager, status=ImportJob.Status.RUNNING)
    with jobs.Heartbeat(ImportJob.objects.filter(pk=job.pk), on_worker=True) as heartbeat, transaction.atomic():
        Action.objects.filter(recommendation__plan=plan).delete()  # the import's own writes, uncommitted
        heartbeat.note(rows_read=500)
        # Read committed: each query here sees what other connections have committed.
        assert wait_for(lambda: ImportJob.objects.get(pk=job.pk).rows_read == 500, timeout=10)
    assert ImportJob.objects.get(pk=job.pk).heartbeat_at is not None


def _while_writing(job: ImportJob) -> None:
    """Once every row has been read: the import is validating and writing, in its transaction."""
    wait_for(
        lambda: ImportJob.objects.filter(pk=job.pk, status="running", rows_read=ROWS).exists(),
        timeout=120,
        interval=0.02,
    )
    assert not Action.objects.exists()  # nothing committed yet


def _imported_once(job: ImportJob, plan) -> ImportJob:
    done = wait_for(lambda: ImportJob.objects.filter(pk=job.pk, status="done").first(), timeout=240)
    assert Action.objects.filter(recommendation__plan=plan).count() == ROWS
    assert not default_storage.exists(done.path)
    return done


@postgresql_only
@pytest.mark.celery
def test_an_import_whose_worker_process_is_killed_mid_way_is_delivered_again_and_imported_once(
    plan, manager, worker_process
):
    worker = worker_process("prefork", IMPORT_MAX_ROWS=ROWS)
    job = _job(plan, manager, big_plan(ROWS), ".xlsx")
    assert import_send(job_id=job.pk)
    _while_writing(job)
    [pool_process] = worker.children()
    os.kill(pool_process, signal.SIGKILL)

    assert _imported_once(job, plan).attempts == 2  # the killed attempt rolled back with its connection


@postgresql_only
@pytest.mark.celery
def test_an_import_whose_whole_worker_is_killed_is_stopped_by_its_heartbeat_and_retried_once(
    plan, manager, worker_process, settings
):
    settings.JOB_LOST_AFTER_SECONDS = 4
    first = worker_process("prefork", IMPORT_MAX_ROWS=ROWS)
    job = _job(plan, manager, big_plan(ROWS), ".xlsx")
    assert import_send(job_id=job.pk)
    _while_writing(job)
    first.kill()
    time.sleep(settings.JOB_LOST_AFTER_SECONDS + 1)

    assert imports_look_after() == (0, 1)
    client = Client()
    client.force_login(manager)
    assert "Retry" in client.get(job.get_absolute_url()).content.decode()
    worker_process("prefork", IMPORT_MAX_ROWS=ROWS)
    time.sleep(VISIBILITY_TIMEOUT + 1)  # the killed worker's message comes back: it must not run it again
    again = ImportJob.objects.get(pk=int(client.post(job.get_absolute_url())["Location"].rstrip("/").split("/")[-1]))

    _imported_once(again, plan)
    assert ImportJob.objects.get(pk=job.pk).status == "failed"
