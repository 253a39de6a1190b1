"""The Celery interface of the governance app: rendering reports, and handing renders to the broker."""

import datetime
import logging

from celery import shared_task
from django.db import InterfaceError, OperationalError
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerOperationalError

from governance import spreadsheet  # noqa: F401 - registers its importers for yos_tracker.tasks.import_run
from governance.models import ReportRender
from governance.models.reports import RenderStatus
from governance.renders import render_execute

logger = logging.getLogger(__name__)
# What publishing raises when Redis is unreachable.
BROKER_ERRORS = (BrokerOperationalError, ConnectionError, OSError, TimeoutError)


@shared_task(
    bind=True,
    autoretry_for=(OperationalError, InterfaceError, ConnectionError),
    retry_backoff=2,
    retry_backoff_max=60,
    max_retries=3,
)
def render_report(self, render_id: int) -> str:
    """Render a committee report (see governance.renders.render_execute for idempotency)."""
    render = render_execute(render_id=render_id, task_id=self.request.id or "")
    return render.status


def render_send(*, render_id: int) -> bool:
    """Hand a render to the broker. If the broker is down the render stays queued (and the page
    says generation is delayed); requeue_waiting_renders sends it again once the broker is back."""
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


@shared_task
def requeue_waiting_renders() -> int:
    """Beat, every five minutes: renders that waited out a broker outage go on."""
    return renders_requeue()
