"""Running an import in the background, and forgetting uploads nobody confirmed."""

import datetime
import logging

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.db.models import F, Q
from django.utils import timezone

from yos_tracker import jobs, page_cache
from yos_tracker.failures import technical_error
from yos_tracker.imports import IMPORTERS, Choices
from yos_tracker.media import stored_names
from yos_tracker.models import ImportJob
from yos_tracker.spreadsheets import SpreadsheetError

logger = logging.getLogger(__name__)


def import_job_run(*, job_id: int, task_id: str = "", on_worker: bool = False) -> ImportJob:
    """Claim the job and run the importer on the waiting file, its progress and heartbeat written
    as it goes, and keep the result.

    Claimed by one conditional UPDATE: a queued job, or a running one on a redelivery of its own
    message (its worker was lost; the lost attempt's transaction was rolled back with it). So a
    message delivered twice runs it once, and a job is never claimed by two messages."""
    claimable = Q(status=ImportJob.Status.QUEUED)
    if task_id:
        claimable |= Q(status=ImportJob.Status.RUNNING, task_id=task_id)
    now = timezone.now()
    claimed = ImportJob.objects.filter(claimable, pk=job_id).update(
        status=ImportJob.Status.RUNNING,
        task_id=task_id,
        started_at=now,
        heartbeat_at=now,
        rows_read=0,
        attempts=F("attempts") + 1,
    )
    if not claimed:
        return ImportJob.objects.get(pk=job_id)
    job = ImportJob.objects.select_related("organisation", "requested_by").get(pk=job_id)
    importer = IMPORTERS[job.importer]

    try:
        scope = importer.scope_objects(job.organisation, job.scope)
        method = importer.apply if job.action == ImportJob.Action.APPLY else importer.preview
        with (
            page_cache.writes_for(job.organisation_id),
            jobs.Heartbeat(ImportJob.objects.filter(pk=job.pk), on_worker=on_worker) as heartbeat,
            File(default_storage.open(job.path, "rb"), name=job.filename) as upload,
        ):
            result = method(
                organisation=job.organisation,
                upload=upload,
                user=job.requested_by,
                choices=Choices.from_data(job.choices),
                progress=lambda rows: heartbeat.note(rows_read=rows),
                **scope,
            )
    except SpreadsheetError as refused:
        _finish(job, ImportJob.Status.FAILED, failure=" ".join(refused.messages))
    except Exception as error:
        logger.exception("Import job %s failed", job.pk)
        failure = "The import stopped before it finished; nothing was imported. The details are in the log."
        _finish(job, ImportJob.Status.FAILED, failure=failure, error=technical_error(error))
        raise
    else:
        if job.action == ImportJob.Action.APPLY and result.is_valid:
            default_storage.delete(job.path)
        _finish(job, ImportJob.Status.DONE, result=result.as_data())
    job.refresh_from_db()
    return job


def _finish(job: ImportJob, status: str, **fields) -> None:
    ImportJob.objects.filter(pk=job.pk).update(status=status, finished_at=timezone.now(), **fields)


def imports_stop_lost() -> int:
    """Stop the running jobs whose worker was lost, to be run again from their page; how many."""
    return jobs.lost(ImportJob.objects.filter(status=ImportJob.Status.RUNNING)).update(
        status=ImportJob.Status.FAILED,
        finished_at=timezone.now(),
        failure="The worker running this import stopped before it finished; nothing was imported. Run it again.",
        error=f"Worker lost: no heartbeat for {settings.JOB_LOST_AFTER_SECONDS} seconds.",
    )


def imports_waiting(*, waited: datetime.timedelta) -> list[int]:
    """The jobs still queued after `waited`: sent while the broker was down."""
    return list(
        ImportJob.objects.filter(status=ImportJob.Status.QUEUED, created_at__lt=timezone.now() - waited).values_list(
            "pk", flat=True
        )
    )


def imports_forget_abandoned(*, older_than: datetime.timedelta) -> int:
    """Remove uploads waiting for confirmation longer than `older_than`, and the jobs that ran on
    them; returns how many files went."""
    cutoff = timezone.now() - older_than
    removed = 0
    for path in stored_names(default_storage, "imports"):
        if default_storage.get_modified_time(path) < cutoff:
            default_storage.delete(path)
            removed += 1
    ImportJob.objects.filter(created_at__lt=cutoff).delete()
    return removed
