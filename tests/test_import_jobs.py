"""Imports too big for a web request: a worker previews and applies them (ImportJob) with the
same questions and confirmation as the import page; a job that stopped on a fault runs again;
uploads nobody confirmed are removed after a day; and a 200,000-row workbook is answered within
seconds while the server goes on answering everyone else."""

import datetime
import os
import time

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from django_celery_beat.models import PeriodicTask
from playwright.sync_api import Page, expect

from improvement.models import Action, RagStatus, RagStatusAlias
from improvement.tests.factories import PlanFactory
from yos_tracker.import_jobs import import_job_run, imports_forget_abandoned
from yos_tracker.models import ImportJob
from yos_tracker.tests.browser import sign_in
from yos_tracker.tests.workbooks import big_plan

CSV = (
    "Ref,Recommendation,Action,RAG\r\n"
    "1.1,Board focuses on outcomes,Agree outcome measures,Green\r\n"
    "1.2,Board focuses on outcomes,Quarterly report,Blue\r\n"
)


def _finished(pk: int, timeout: float = 30) -> ImportJob:
    """The job once a worker has finished it (at once in eager mode)."""
    deadline = time.monotonic() + timeout
    while (job := ImportJob.objects.get(pk=pk)).is_finished is False and time.monotonic() < deadline:
        time.sleep(0.2)
    assert job.is_finished, f"job {pk} still {job.status}"
    return job


def _job_of(response) -> ImportJob:
    assert response.status_code == 302, response.content[:500]
    return ImportJob.objects.get(pk=int(response["Location"].rstrip("/").rsplit("/", 1)[1]))


@pytest.fixture
def plan(organisation):
    RagStatus.objects.install(organisation)
    return PlanFactory(organisation=organisation)


@pytest.mark.celery
def test_a_large_file_is_previewed_answered_and_imported_by_a_worker(client, celery_worker, plan, manager, settings):
    settings.IMPORT_BACKGROUND_BYTES = 10  # every file is "large"
    client.force_login(manager)
    url = reverse("improvement:plan_import", kwargs={"org": plan.organisation.slug, "pk": plan.pk})

    preview = _finished(_job_of(client.post(url, {"file": SimpleUploadedFile("tracker.csv", CSV.encode())})).pk)
    assert (preview.action, preview.status, preview.rows_read) == ("preview", "done", 0)
    page = client.get(preview.get_absolute_url()).content.decode()
    assert "“Blue” (row 3) means" in page and "Confirm import" not in page
    assert not Action.objects.filter(recommendation__plan=plan).exists()

    answered = _finished(_job_of(client.post(preview.get_absolute_url(), {"label:Blue": "A"})).pk)
    assert answered.action == "preview" and "Confirm import" in client.get(answered.get_absolute_url()).content.decode()

    applied = _finished(_job_of(client.post(answered.get_absolute_url(), {"confirm": "1"})).pk)
    assert (applied.action, applied.status) == ("apply", "done")
    assert "Imported: 2 actions added" in client.get(applied.get_absolute_url()).content.decode()
    assert sorted(Action.objects.filter(recommendation__plan=plan).values_list("reference", flat=True)) == [
        "1.1",
        "1.2",
    ]
    assert RagStatusAlias.objects.get(organisation=plan.organisation, alias="blue").status.code == "A"
    assert not default_storage.exists(applied.path)  # applied: the upload has gone


def test_a_large_file_waits_in_the_bucket_for_the_worker_and_goes_once_imported(
    client, plan, manager, settings, s3_media
):
    settings.IMPORT_BACKGROUND_BYTES = 10
    client.force_login(manager)
    url = reverse("improvement:plan_import", kwargs={"org": plan.organisation.slug, "pk": plan.pk})

    preview = _job_of(client.post(url, {"file": SimpleUploadedFile("tracker.csv", CSV.encode())}))
    assert s3_media.objects() == {preview.path: CSV.encode()}
    assert import_job_run(job_id=preview.pk).status == "done"  # what the worker runs, reading the bucket
    answered = _job_of(client.post(preview.get_absolute_url(), {"label:Blue": "A"}))
    import_job_run(job_id=answered.pk)
    applied = import_job_run(job_id=_job_of(client.post(answered.get_absolute_url(), {"confirm": "1"})).pk)

    assert (applied.status, Action.objects.filter(recommendation__plan=plan).count()) == ("done", 2)
    assert s3_media.objects() == {}


def test_a_poll_that_finds_the_job_finished_reloads_the_page_for_its_result(client, plan, manager):
    client.force_login(manager)
    job = _waiting_job(plan, manager, status=ImportJob.Status.RUNNING)
    assert client.get(job.get_absolute_url(), HTTP_HX_REQUEST="true").templates[0].name == "imports/_job_status.html"
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.DONE)
    assert client.get(job.get_absolute_url(), HTTP_HX_REQUEST="true")["HX-Refresh"] == "true"


@pytest.mark.celery
def test_a_job_that_stopped_on_a_fault_runs_again_on_retry(client, celery_worker, plan, manager):
    client.force_login(manager)
    stopped = _waiting_job(plan, manager, status=ImportJob.Status.FAILED, error="OperationalError: server closed")
    assert "Retry" in client.get(stopped.get_absolute_url()).content.decode()

    again = _finished(_job_of(client.post(stopped.get_absolute_url())).pk)
    assert (again.action, again.status, again.token) == ("preview", "done", stopped.token)


def test_a_file_refused_for_what_it_holds_is_not_offered_again(client, plan, manager):
    client.force_login(manager)
    refused = _waiting_job(plan, manager, status=ImportJob.Status.FAILED, failure="This file has more than 5,000 rows")
    page = client.get(refused.get_absolute_url()).content.decode()
    assert "more than 5,000 rows" in page and "Retry" not in page
    assert client.post(refused.get_absolute_url()).status_code == 200
    assert ImportJob.objects.count() == 1


def _waiting_job(plan, user, **fields) -> ImportJob:
    token = "0" * 32
    default_storage.save(f"imports/{token}.csv", ContentFile(CSV.encode()))
    return ImportJob.objects.create(
        organisation=plan.organisation,
        importer="plan",
        action=ImportJob.Action.PREVIEW,
        token=token,
        filename="tracker.csv",
        suffix=".csv",
        scope={"plan": plan.pk},
        requested_by=user,
        return_url=plan.get_absolute_url(),
        **fields,
    )


def test_uploads_waiting_longer_than_the_limit_are_removed_with_their_jobs(plan, manager, media_root):
    old = _waiting_job(plan, manager, status=ImportJob.Status.DONE)
    ImportJob.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(hours=25))
    two_days_ago = time.time() - 2 * 86400
    os.utime(media_root / old.path, (two_days_ago, two_days_ago))
    recent = default_storage.save("imports/" + "1" * 32 + ".xlsx", ContentFile(b"PK"))

    assert imports_forget_abandoned(older_than=datetime.timedelta(hours=24)) == 1

    assert not default_storage.exists(old.path) and default_storage.exists(recent)
    assert not ImportJob.objects.exists()


def test_uploads_nobody_confirmed_are_removed_from_the_bucket_too(plan, manager, s3_media):
    _waiting_job(plan, manager, status=ImportJob.Status.DONE)
    assert list(s3_media.objects()) == ["imports/" + "0" * 32 + ".csv"]
    assert imports_forget_abandoned(older_than=datetime.timedelta(0)) == 1
    assert s3_media.objects() == {} and not ImportJob.objects.exists()


@pytest.mark.django_db
def test_the_clean_runs_every_night():
    task = PeriodicTask.objects.get(task="yos_tracker.tasks.imports_clean")
    assert task.enabled and (task.crontab.hour, task.crontab.minute) == ("3", "15")
    assert str(task.crontab.timezone) == "Europe/London"


@pytest.mark.browser
@pytest.mark.celery
def test_a_200000_row_workbook_is_answered_within_seconds_and_the_server_keeps_serving(
    page: Page, live_server, celery_worker, plan, manager
):
    workbook = big_plan(200_000)
    assert len(workbook) > 4 * 1024 * 1024
    sign_in(page, live_server, manager.username)
    page.goto(f"{live_server.url}{reverse('improvement:plan_import', args=[plan.organisation.slug, plan.pk])}")
    page.get_by_label("Spreadsheet").set_input_files(
        files=[{"name": "tracker.xlsx", "mimeType": "application/octet-stream", "buffer": workbook}]
    )

    page.get_by_role("button", name="Preview the import").click()
    # The bound: an answer within 10 s (the job page, polled by htmx, shows the refusal).
    expect(page.get_by_text("more than 5,000 rows")).to_be_visible(timeout=10_000)
    assert "/imports/" in page.url

    response = page.goto(f"{live_server.url}{plan.get_absolute_url()}")
    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert not Action.objects.filter(recommendation__plan=plan).exists()


def test_a_small_file_of_many_rows_goes_to_a_worker_too(client, plan, manager, settings):
    settings.IMPORT_BACKGROUND_ROWS = 2  # the header and two rows make three
    client.force_login(manager)
    url = reverse("improvement:plan_import", kwargs={"org": plan.organisation.slug, "pk": plan.pk})
    short = client.post(url, {"file": SimpleUploadedFile("short.csv", CSV.encode()[: CSV.index("1.2")])})
    assert short.status_code == 200 and not ImportJob.objects.exists()  # read within the request

    assert (
        _job_of(client.post(url, {"file": SimpleUploadedFile("tracker.csv", CSV.encode())})).filename == "tracker.csv"
    )
