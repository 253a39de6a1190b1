"""The Celery interface of the performance app: the roll-up tasks, and queueing a roll-up."""

import datetime

from celery import shared_task
from django.db import InterfaceError, OperationalError, transaction
from django.utils import timezone

from performance import (
    rollup,
    spreadsheet,  # noqa: F401 - registers its importers for yos_tracker.tasks.import_run
    tracker_import,  # noqa: F401 - registers its importer for yos_tracker.tasks.import_run
)
from performance.choices import RunTrigger
from performance.models import RollupRun
from yos_tracker.models import Organisation


@shared_task(
    bind=True, autoretry_for=(OperationalError, InterfaceError), retry_backoff=2, retry_backoff_max=60, max_retries=4
)
def rollup_case_audits(self, run_id: int) -> int:
    """Roll one organisation's month of case audits up into measurements, recording the run.
    Transient database errors are retried; any other failure is recorded and re-raised."""
    run = rollup.rollup_run_start(run_id=run_id, task_id=self.request.id or "")
    try:
        rows = rollup.case_audit_rollup(organisation=run.organisation, month=run.month)
    except Exception as error:
        rollup.rollup_run_finish(run=run, error=error)
        raise
    rollup.rollup_run_finish(run=run, rows=rows)
    return rows


def rollup_request(*, organisation: Organisation, month: datetime.date, trigger: str = RunTrigger.MANUAL) -> RollupRun:
    """Queue a roll-up once the caller's transaction commits; the task records its progress on
    the returned run."""
    run = RollupRun.objects.create(organisation=organisation, month=month.replace(day=1), trigger=trigger)
    transaction.on_commit(lambda: rollup_case_audits.delay(run.pk))
    return run


@shared_task
def rollup_previous_month() -> int:
    """Beat's monthly job (1st of the month, 02:00 Europe/London): last month, every organisation."""
    last_month = (timezone.localdate().replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    for organisation in Organisation.objects.all():
        rollup_request(organisation=organisation, month=last_month, trigger=RunTrigger.SCHEDULE)
    return RollupRun.objects.filter(month=last_month, trigger=RunTrigger.SCHEDULE).count()
