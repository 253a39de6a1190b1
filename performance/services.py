"""Writes of the performance app: measurements (with optimistic locking), the case-audit
roll-up, and the scales organisations start with."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from governance.models import Organisation
from performance import rag
from performance.choices import AUDIT_GRADE_SCALES, DEFAULT_AUDIT_GRADE_SCALE, RunStatus, RunTrigger
from performance.models import AuditGrade, CaseAudit, Indicator, Measurement, RollupRun
from performance.models.audits import AUDIT_AREAS

ROLLUP_SOURCE = "Case audit roll-up"
PLAN_SOURCE = "Improvement plan roll-up"
PLAN_INDICATORS = [("G", "GREEN"), ("A", "AMBER"), ("R", "RED")]


class StaleEdit(ValidationError):
    """Someone else saved the record after this form was loaded; nothing was overwritten."""

    def __init__(self, current: Measurement):
        who = current.entered_by.get_full_name() if current.entered_by else "Someone"
        when = timezone.localtime(current.updated_at)
        shown = current.indicator.format_value(current.value)
        super().__init__(
            f"{who} changed this value to {shown} at {when:%H:%M} on {when:%d/%m/%Y}, after you opened the page. "
            "Your change was not saved; check their value and enter yours again if it is still right."
        )
        self.current = current


# --- Scales -------------------------------------------------------------------------------------


def audit_grades_install(*, organisation: Organisation, scale: str = DEFAULT_AUDIT_GRADE_SCALE) -> list[AuditGrade]:
    existing = list(AuditGrade.objects.for_org(organisation))
    if existing:
        return existing
    return [
        AuditGrade.objects.create(
            organisation=organisation,
            code=code,
            label=label,
            colour=colour,
            rank=rank,
            is_good=good,
            is_inadequate=inadequate,
        )
        for rank, (code, label, colour, good, inadequate) in enumerate(AUDIT_GRADE_SCALES[scale], start=1)
    ]


# --- Measurements -------------------------------------------------------------------------------


def _too_large(name: str, number: Decimal) -> bool:
    """Beyond the digits the column keeps before the point (PostgreSQL refuses the row)."""
    column = Measurement._meta.get_field(name)
    return abs(number) >= Decimal(10) ** (column.max_digits - column.decimal_places)


def measurement_value(indicator: Indicator, *, value, numerator, denominator) -> dict:
    """The fields to store for an indicator: a ratio's value is computed from its parts."""
    if indicator.is_ratio:
        if numerator is None or denominator is None:
            raise ValidationError(
                {"numerator": f"Give the {indicator.numerator_label} and the {indicator.denominator_label}."}
            )
        if denominator <= 0:
            raise ValidationError({"denominator": "The denominator must be more than zero."})
        if numerator < 0:
            raise ValidationError({"numerator": "The numerator cannot be negative."})
        for name, part in (("numerator", numerator), ("denominator", denominator)):
            if _too_large(name, part):
                raise ValidationError({name: "This number is too large to record."})
        computed = rag.compute_value(numerator, denominator, indicator.multiplier)
        if _too_large("value", computed):
            raise ValidationError(
                f"{numerator} ÷ {denominator} × {indicator.multiplier.normalize():f} is too large to record; "
                "check the two figures."
            )
        return {"value": computed, "numerator": numerator, "denominator": denominator}
    if value is None:
        raise ValidationError({"value": "Give a value."})
    if _too_large("value", Decimal(value)):
        raise ValidationError({"value": "This number is too large to record."})
    return {"value": Decimal(value), "numerator": None, "denominator": None}


@transaction.atomic
def measurement_record(
    *,
    organisation: Organisation,
    indicator: Indicator,
    period: datetime.date,
    value=None,
    numerator=None,
    denominator=None,
    note: str = "",
    source: str = "",
    user=None,
    expected_version: int | None = None,
) -> Measurement:
    """Record (or change) a value. `expected_version` is the version the person saw: 0 for
    "there was no value", None to skip the check (imports and roll-ups, which replace)."""
    period = rag.period_start(period, indicator.frequency)
    fields = measurement_value(indicator, value=value, numerator=numerator, denominator=denominator)
    current = (
        Measurement.objects.select_for_update(of=("self",))
        .select_related("entered_by", "indicator")
        .filter(organisation=organisation, indicator=indicator, period=period)
        .first()
    )
    if current is None:
        if expected_version:
            raise ValidationError("This value was deleted after you opened the page.")
        return Measurement.objects.create(
            organisation=organisation,
            indicator=indicator,
            period=period,
            note=note,
            source=source,
            entered_by=user,
            **fields,
        )
    if expected_version is not None and current.version != expected_version:
        raise StaleEdit(current)
    unchanged = all(getattr(current, k) == v for k, v in fields.items()) and (current.note, current.source) == (
        note,
        source,
    )
    if unchanged:
        return current
    for name, new in fields.items():
        setattr(current, name, new)
    current.note, current.source, current.entered_by = note, source, user
    current.version += 1  # the row is locked (select_for_update), so this cannot race
    current.save()
    return current


# --- Monthly roll-up ----------------------------------------------------------------------------


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
    from improvement.choices import PlanStatus
    from improvement.models import ImprovementPlan, RagStatus
    from improvement.selectors import plan_actions
    from improvement.services import rollup

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
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=figures)}
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


def rollup_request(*, organisation: Organisation, month: datetime.date, trigger: str = RunTrigger.MANUAL) -> RollupRun:
    """Queue a roll-up; the task records its progress on the returned run."""
    from performance.tasks import rollup_case_audits

    run = RollupRun.objects.create(organisation=organisation, month=month.replace(day=1), trigger=trigger)
    transaction.on_commit(lambda: rollup_case_audits.delay(run.pk))
    return run


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
