"""Writes around committee reports: prefilling a new report, queueing renders, and running one.

A render is idempotent: it is claimed by one conditional UPDATE (its queued or failed state, or
the same Celery task id on redelivery after a worker died), writes its file to a fixed path
named by report and version, and a delivery that finds it done, or claimed by another task, does
nothing. So however often a message is delivered there is one record and one file.
"""

import datetime
import logging

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerOperationalError

from governance import reporting
from governance.models import CommitteeReport, ReportRender
from governance.models.reports import NARRATIVES, RenderStatus

logger = logging.getLogger(__name__)
# What publishing raises when Redis is unreachable.
BROKER_ERRORS = (BrokerOperationalError, ConnectionError, OSError, TimeoutError)


def report_prefill(*, organisation, committee: str) -> dict:
    """Initial values for a new report to a committee: the previous report's narrative, and a
    period running from the day after that report's meeting."""
    previous = CommitteeReport.objects.for_org(organisation).filter(committee__iexact=committee.strip()).first()
    if previous is None:
        return {"committee": committee}
    initial = {name: getattr(previous, name) for name, _ in NARRATIVES}
    initial.update(
        committee=previous.committee,
        title=previous.title,
        wards=previous.wards,
        contributors=previous.contributors,
        contact_officer=previous.contact_officer,
        report_class=previous.report_class,
        sections=previous.sections,
        period_start=previous.meeting_date + datetime.timedelta(days=1),
    )
    return initial


@transaction.atomic
def render_request(*, report: CommitteeReport, user) -> ReportRender:
    """A new version of the report, queued. Earlier versions and their files are kept."""
    CommitteeReport.objects.select_for_update().get(pk=report.pk)  # serialise version numbers
    version = (report.renders.aggregate(latest=Max("version"))["latest"] or 0) + 1
    render = ReportRender.objects.create(report=report, version=version, requested_by=user)
    _enqueue(render)
    return render


@transaction.atomic
def render_retry(*, render: ReportRender) -> ReportRender:
    if render.status != RenderStatus.FAILED:
        return render
    ReportRender.objects.filter(pk=render.pk).update(status=RenderStatus.QUEUED, step="", error="")
    render.refresh_from_db()
    _enqueue(render)
    return render


def _enqueue(render: ReportRender) -> None:
    transaction.on_commit(lambda: render_send(render_id=render.pk))


def render_send(*, render_id: int) -> bool:
    """Hand a render to the broker. If the broker is down the render stays queued (and the page
    says generation is delayed); requeue_waiting_renders sends it again once the broker is back."""
    from governance.tasks import render_report

    try:
        render_report.delay(render_id)
    except BROKER_ERRORS as error:
        logger.warning("Render %s stays queued: the broker is unreachable (%s)", render_id, error)
        return False
    return True


def renders_requeue(*, older_than: datetime.timedelta = datetime.timedelta(minutes=2)) -> int:
    """Send again the renders still queued (never picked up) after `older_than`: the work that
    waited while the broker was down. Safe to repeat: a render is claimed once."""
    waiting = ReportRender.objects.filter(status=RenderStatus.QUEUED, requested_at__lt=timezone.now() - older_than)
    return sum(render_send(render_id=pk) for pk in waiting.values_list("pk", flat=True))


def _claim(render_id: int, task_id: str) -> bool:
    claimable = Q(status__in=[RenderStatus.QUEUED, RenderStatus.FAILED])
    if task_id:
        claimable |= Q(status=RenderStatus.RUNNING, task_id=task_id)  # our own message, redelivered
    return bool(
        ReportRender.objects.filter(claimable, pk=render_id).update(
            status=RenderStatus.RUNNING,
            task_id=task_id,
            started_at=timezone.now(),
            error="",
            step="Starting",
        )
    )


def render_execute(*, render_id: int, task_id: str = "") -> ReportRender:
    """Render the PDF for a queued render; a no-op for one that is done or owned by another task."""
    if not _claim(render_id, task_id):
        return ReportRender.objects.get(pk=render_id)
    ReportRender.objects.filter(pk=render_id).update(attempts=ReportRender.objects.get(pk=render_id).attempts + 1)
    render = ReportRender.objects.select_related("report__organisation").get(pk=render_id)

    def progress(step: str) -> None:
        ReportRender.objects.filter(pk=render_id).update(step=step)

    try:
        pdf, pages = reporting.render_pdf(render.report, progress)
        progress("Saving the file")
        path = f"reports/{render.report.organisation.slug}/report-{render.report.pk}-v{render.version}.pdf"
        if default_storage.exists(path):  # a half-finished earlier attempt: replace, never add a second file
            default_storage.delete(path)
        saved = default_storage.save(path, ContentFile(pdf))
    except Exception as error:
        ReportRender.objects.filter(pk=render_id).update(
            status=RenderStatus.FAILED, error=f"{type(error).__name__}: {error}", finished_at=timezone.now(), step=""
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
