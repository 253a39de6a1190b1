"""The monthly roll-up: a month's case audits, and the improvement plan's status proportions,
turned into the dashboard's measurements. Tasks run it (performance.tasks); so does the demo."""

import datetime
from decimal import Decimal

from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from improvement.choices import PlanStatus
from improvement.models import ImprovementPlan, RagStatus
from improvement.selectors import plan_actions
from improvement.services import rollup
from performance.choices import RunStatus
from performance.models import CaseAudit, Indicator, RollupRun
from performance.models.audits import AUDIT_AREAS
from performance.services import measurement_record
from yos_tracker.models import Organisation

ROLLUP_SOURCE = "Case audit roll-up"
PLAN_SOURCE = "Improvement plan roll-up"
PLAN_INDICATORS = [("G", "GREEN"), ("A", "AMBER"), ("R", "RED")]


def _audit_counts() -> dict:
    """The roll-up's counts as aggregate expressions: audited, and good and inadequate per area."""
    counts = {"total": Count("pk")}
    for area, _ in [*AUDIT_AREAS, ("overall", "")]:
        counts[f"good_{area}"] = Count("pk", filter=Q(**{f"{area}__is_good": True}))
        counts[f"inadequate_{area}"] = Count("pk", filter=Q(**{f"{area}__is_inadequate": True}))
    return counts


def _figures(row: dict) -> dict[str, tuple[int, int]]:
    total = row["total"]
    figures = {"CA_AUDITED": (total, None)}
    if total:
        figures["CA_GOOD"] = (row["good_overall"], total)
        figures["CA_INADEQUATE"] = (row["inadequate_overall"], total)
        for area, _ in AUDIT_AREAS:
            figures[f"CA_GOOD_{area.upper()}"] = (row[f"good_{area}"], total)
            figures[f"CA_INADEQUATE_{area.upper()}"] = (row[f"inadequate_{area}"], total)
    return figures


def case_audit_figures(*, organisation: Organisation, month: datetime.date) -> dict[str, tuple[int, int]]:
    """Indicator code → (numerator, denominator) for a month's audits, in ONE aggregate query."""
    return _figures(CaseAudit.objects.filter(organisation=organisation, month=month).aggregate(**_audit_counts()))


def case_audit_figures_by_month(audits) -> dict[tuple[int, datetime.date], dict[str, tuple[int, int]]]:
    """The same figures for every (organisation, month) of a queryset of audits, in ONE GROUP BY."""
    rows = audits.order_by().values("organisation_id", "month").annotate(**_audit_counts())
    return {(row["organisation_id"], row["month"]): _figures(row) for row in rows}


def plan_status_figures(*, organisation: Organisation) -> dict[str, tuple[int, int]]:
    """The improvement-plan indicator: the proportion of actions at Green, Amber and Red, from
    the plan roll-up itself (improvement.services.rollup) over the plans still in force."""
    scale = list(RagStatus.objects.for_org(organisation))
    status_pks = []
    for plan in ImprovementPlan.objects.for_org(organisation).exclude(status=PlanStatus.CLOSED):
        status_pks += list(plan_actions(plan).values_list("current_status_pk", flat=True))
    if not status_pks:
        return {}
    result = rollup(scale=scale, status_pks=status_pks)
    return {f"IP_{name}": (result.count_for(code), result.total) for code, name in PLAN_INDICATORS}


@transaction.atomic
def case_audit_rollup(*, organisation: Organisation, month: datetime.date) -> int:
    """Turn a month's case audits (and the plan's status proportions) into measurements.
    Idempotent: a rerun replaces the same rows. Runs for one organisation are serialised by a
    row lock, so two overlapping runs cannot interleave. Returns the number of audits read."""
    Organisation.objects.select_for_update().get(pk=organisation.pk)
    month = month.replace(day=1)
    figures = case_audit_figures(organisation=organisation, month=month)
    audited = figures["CA_AUDITED"][0]
    figures.update(plan_status_figures(organisation=organisation))
    indicators = {i.code: i for i in Indicator.objects.shared().filter(code__in=figures)}
    for code, (numerator, denominator) in figures.items():
        indicator = indicators.get(code)
        if indicator is None:
            continue
        source = PLAN_SOURCE if code.startswith("IP_") else ROLLUP_SOURCE
        if indicator.is_ratio:
            measurement_record(
                organisation=organisation,
                indicator=indicator,
                period=month,
                numerator=Decimal(numerator),
                denominator=Decimal(denominator),
                source=source,
            )
        else:
            measurement_record(
                organisation=organisation, indicator=indicator, period=month, value=numerator, source=source
            )
    return audited


def rollup_now(*, organisation: Organisation, month: datetime.date, trigger: str) -> RollupRun:
    """Run a roll-up in this process, recording it like a queued one (the demo loader uses it)."""
    run = RollupRun.objects.create(organisation=organisation, month=month.replace(day=1), trigger=trigger)
    run = rollup_run_start(run_id=run.pk, task_id="")
    rollup_run_finish(run=run, rows=case_audit_rollup(organisation=organisation, month=run.month))
    return run


def rollup_run_start(*, run_id: int, task_id: str) -> RollupRun:
    RollupRun.objects.filter(pk=run_id).update(
        status=RunStatus.RUNNING, started_at=timezone.now(), task_id=task_id, attempts=F("attempts") + 1, error=""
    )
    return RollupRun.objects.select_related("organisation").get(pk=run_id)


def rollup_run_finish(*, run: RollupRun, rows: int | None = None, error: str = "") -> None:
    run.status = RunStatus.FAILED if error else RunStatus.SUCCEEDED
    run.error = error
    run.rows = rows or 0
    run.finished_at = timezone.now()
    run.save(update_fields=["status", "error", "rows", "finished_at"])
