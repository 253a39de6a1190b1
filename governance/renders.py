"""Running a render: claimed by one conditional UPDATE, so it happens once however often it is asked.

A render is idempotent: it is claimed by one conditional UPDATE (its queued or failed state, or
the same Celery task id on redelivery after a worker died), writes its file to a fixed path
named by report and version, and a delivery that finds it done, or claimed by another task, does
nothing. So however often a message is delivered there is one record and one file.
"""

import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db.models import F, Q
from django.utils import timezone

from governance import reporting
from governance.models import ReportRender
from governance.models.reports import RenderStatus
from yos_tracker import jobs
from yos_tracker.failures import failure_in_words, technical_error

logger = logging.getLogger(__name__)
# What a person reads when a render stops, by the step it had reached.
FAILED_WHILE = {
    "Starting": "it could not be started",
    "Collecting the figures": "the figures could not be collected from the records",
    "Laying out the pages": "the pages could not be laid out",
    "Writing the PDF": "the PDF could not be written",
    "Saving the file": "the finished file could not be saved (the file store may be unavailable or full)",
}


def _claim(render_id: int, task_id: str) -> bool:
    claimable = Q(status__in=[RenderStatus.QUEUED, RenderStatus.FAILED])
    if task_id:
        claimable |= Q(status=RenderStatus.RUNNING, task_id=task_id)  # our own message, redelivered
    return bool(
        ReportRender.objects.filter(claimable, pk=render_id).update(
            status=RenderStatus.RUNNING,
            task_id=task_id,
            started_at=timezone.now(),
            heartbeat_at=timezone.now(),
            attempts=F("attempts") + 1,
            error="",
            failure="",
            step="Starting",
        )
    )


def render_execute(*, render_id: int, task_id: str = "", on_worker: bool = False) -> ReportRender:
    """Render the PDF for a queued render, its step and heartbeat written as it goes; a no-op for
    one that is done or owned by another task."""
    if not _claim(render_id, task_id):
        return ReportRender.objects.get(pk=render_id)
    render = ReportRender.objects.select_related("report__organisation", "restates").get(pk=render_id)

    steps = ["Starting"]
    try:
        with jobs.Heartbeat(ReportRender.objects.filter(pk=render_id), on_worker=on_worker) as heartbeat:

            def progress(step: str) -> None:
                steps.append(step)
                heartbeat.note(step=step)

            pdf, pages = reporting.render_pdf(render.report, progress, recorded=render.known, restates=render.restates)
            progress("Saving the file")
            path = f"reports/{render.report.organisation.slug}/report-{render.report.pk}-v{render.version}.pdf"
            if default_storage.exists(path):  # a half-finished earlier attempt: replace, never add a second file
                default_storage.delete(path)
            saved = default_storage.save(path, ContentFile(pdf))
    except Exception as error:
        logger.exception(
            "Render %s (report %s, v%s) failed: %s", render_id, render.report_id, render.version, steps[-1]
        )
        ReportRender.objects.filter(pk=render_id).update(
            status=RenderStatus.FAILED,
            failure=failure_in_words(steps[-1], FAILED_WHILE),
            error=technical_error(error),
            finished_at=timezone.now(),
            step="",
        )
        raise
    ReportRender.objects.filter(pk=render_id).update(
        status=RenderStatus.DONE,
        file=saved,
        content_hash=reporting.content_hash(pdf),
        pages=pages,
        finished_at=timezone.now(),
        step="",
    )
    render.refresh_from_db()
    return render


def renders_stop_lost() -> int:
    """Stop the running renders whose worker was lost, to be retried from the report's page;
    how many. (Without this a render whose whole worker died waited for the broker to hand its
    message on, up to an hour.)"""
    return jobs.lost(ReportRender.objects.filter(status=RenderStatus.RUNNING)).update(
        status=RenderStatus.FAILED,
        failure="It stopped because the worker rendering it was lost (restarted, or out of memory). "
        "Retry renders it again.",
        error=f"Worker lost: no heartbeat for {settings.JOB_LOST_AFTER_SECONDS} seconds.",
        finished_at=timezone.now(),
        step="",
    )
