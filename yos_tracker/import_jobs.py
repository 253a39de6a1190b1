"""Running an import in the background, and forgetting uploads nobody confirmed."""

import datetime
import logging

from django.core.files import File
from django.core.files.storage import default_storage
from django.utils import timezone

from yos_tracker.failures import technical_error
from yos_tracker.imports import IMPORTERS, Choices
from yos_tracker.media import stored_names
from yos_tracker.models import ImportJob
from yos_tracker.spreadsheets import SpreadsheetError

logger = logging.getLogger(__name__)


def import_job_run(*, job_id: int) -> ImportJob:
    """Claim a queued job (one conditional UPDATE, so a message delivered twice runs it once),
    run the importer on the waiting file with its progress recorded, and keep the result."""
    if not ImportJob.objects.filter(pk=job_id, status=ImportJob.Status.QUEUED).update(status=ImportJob.Status.RUNNING):
        return ImportJob.objects.get(pk=job_id)
    job = ImportJob.objects.select_related("organisation", "requested_by").get(pk=job_id)
    importer = IMPORTERS[job.importer]

    def progress(rows: int) -> None:
        ImportJob.objects.filter(pk=job.pk).update(rows_read=rows)

    try:
        scope = importer.scope_objects(job.organisation, job.scope)
        method = importer.apply if job.action == ImportJob.Action.APPLY else importer.preview
        with File(default_storage.open(job.path, "rb"), name=job.filename) as upload:
            result = method(
                organisation=job.organisation,
                upload=upload,
                user=job.requested_by,
                choices=Choices.from_data(job.choices),
                progress=progress,
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
