"""The Celery interface of the governance app: rendering reports, and handing renders to the broker."""

import datetime

from celery import shared_task
from django.db import InterfaceError, OperationalError
from django.utils import timezone

from governance import spreadsheet  # noqa: F401 - registers its importers for yos_tracker.tasks.import_run
from governance.models import ReportRender
from governance.models.reports import RenderStatus
from governance.renders import render_execute, renders_stop_lost
from yos_tracker import jobs


@shared_task(
    bind=True,
    autoretry_for=(OperationalError, InterfaceError, ConnectionError),
    retry_backoff=2,
    retry_backoff_max=60,
    max_retries=3,
)
def render_report(self, render_id: int) -> str:
    """Render a committee report (see governance.renders.render_execute for idempotency)."""
    render = render_execute(render_id=render_id, task_id=self.request.id or "", on_worker=not self.request.is_eager)
    return render.status


def render_send(*, render_id: int) -> bool:
    """Hand a render to the broker; if it is down the render waits, queued (and the page says
    generation is delayed), for renders_look_after."""
    return jobs.send(render_report, render_id)


def renders_requeue(*, older_than: datetime.timedelta = datetime.timedelta(minutes=1)) -> int:
    """Send again the renders still queued (never picked up) after `older_than`: the work that
    waited while the broker was down. Safe to repeat: a render is claimed once."""
    waiting = ReportRender.objects.filter(status=RenderStatus.QUEUED, requested_at__lt=timezone.now() - older_than)
    return sum(render_send(render_id=pk) for pk in waiting.values_list("pk", flat=True))


@shared_task
def renders_look_after() -> tuple[int, int]:
    """Beat, every minute: renders that waited out a broker outage are sent again, and those whose
    worker was lost are stopped, to be retried from the report's page. Returns (sent, stopped)."""
    stopped = renders_stop_lost()
    return renders_requeue(), stopped
