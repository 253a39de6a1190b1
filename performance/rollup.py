"""The monthly roll-up: a month's case audits, the improvement plan's status proportions and the
live tracker's figures, turned into the dashboard's measurements. Tasks run it (performance.tasks); so does the demo."""

import datetime
import logging
import re
from decimal import Decimal

from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from improvement.models import ImprovementPlan, RagStatus
from improvement.rollups import Rollup
from improvement.selectors import plan_rollup
from performance import rag
from performance.choices import CohortConvention, Computation, Frequency, Polarity, RunStatus, Scope, Unit
from performance.cohorts import cohort_months
from performance.models import AuditGrade, CaseAudit, Cohort, Indicator, IndicatorCategory, RollupRun, TrackedIndicator
from performance.models.audits import AUDIT_AREAS
from performance.services import indicator_tracking_set, measurement_record
from yos_tracker.failures import failure_in_words, technical_error
from yos_tracker.models import Organisation

logger = logging.getLogger(__name__)
ROLLUP_FAILED = {"rolling up": "the month's case audits and plan could not be turned into figures"}
ROLLUP_SOURCE = "Case audit roll-up"
PLAN_SOURCE = "Improvement plan roll-up"
# The catalogue's plan-status indicators, by the status code of the source documents' scales
# (None: actions with no update yet).
PLAN_INDICATORS = {
    "G": "IP_GREEN",
    "A": "IP_AMBER",
    "R": "IP_RED",
    "W": "IP_WHITE",
    "P": "IP_PURPLE",
    None: "IP_NO_UPDATE",
}


def _audit_counts() -> dict:
    """The roll-up's counts as aggregate expressions: audited, and per area how many were graded
    (not "not applicable"), good and inadequate. The grades that are good or inadequate are read
    first (a few rows) and matched by id, rather than the grade table joined to every audit five
    times over."""
    grades = list(AuditGrade.objects.values_list("pk", "is_good", "is_inadequate"))
    good = [pk for pk, is_good, _ in grades if is_good]
    inadequate = [pk for pk, _, is_inadequate in grades if is_inadequate]
    counts = {"total": Count("pk")}
    for area, _ in [*AUDIT_AREAS, ("overall", "")]:
        counts[f"graded_{area}"] = Count(f"{area}_id")
        counts[f"good_{area}"] = Count("pk", filter=Q(**{f"{area}_id__in": good}))
        counts[f"inadequate_{area}"] = Count("pk", filter=Q(**{f"{area}_id__in": inadequate}))
    return counts


def _figures(row: dict) -> dict[str, tuple[int, int]]:
    """Each area's shares are of the audits that graded it: "not applicable" is in no denominator."""
    total = row["total"]
    figures = {"CA_AUDITED": (total, None)}
    if total:
        figures["CA_GOOD"] = (row["good_overall"], total)
        figures["CA_INADEQUATE"] = (row["inadequate_overall"], total)
        for area, _ in AUDIT_AREAS:
            if graded := row[f"graded_{area}"]:
                figures[f"CA_GOOD_{area.upper()}"] = (row[f"good_{area}"], graded)
                figures[f"CA_INADEQUATE_{area.upper()}"] = (row[f"inadequate_{area}"], graded)
    return figures


def case_audit_figures(*, organisation: Organisation, month: datetime.date) -> dict[str, tuple[int, int]]:
    """Indicator code → (numerator, denominator) for a month's audits, in ONE aggregate query
    (after reading which grades are good or inadequate)."""
    return _figures(CaseAudit.objects.filter(organisation=organisation, month=month).aggregate(**_audit_counts()))


def case_audit_figures_by_month(audits) -> dict[tuple[int, datetime.date], dict[str, tuple[int, int]]]:
    """The same figures for every (organisation, month) of a queryset of audits, in ONE GROUP BY."""
    rows = audits.order_by().values("organisation_id", "month").annotate(**_audit_counts())
    return {(row["organisation_id"], row["month"]): _figures(row) for row in rows}


def month_end(month: datetime.date) -> datetime.date:
    """The day a month's figures are "as at": its last day, or today for the month under way."""
    last = (month.replace(day=1) + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
    return min(last, timezone.localdate())


def plan_status_figures(*, organisation: Organisation, as_of: datetime.date) -> dict[Indicator, tuple[int, int]]:
    """The improvement-plan proportions as at a day: of the actions of the plan then in force, how
    many were in each status of the organisation's scale (and with no update yet), from the plan
    roll-up itself (improvement.selectors.plan_rollup). Every status has its indicator, so the
    proportions add up to 100%: the catalogue's for the source documents' statuses, a local one
    of the organisation's own for a status it added."""
    plan = ImprovementPlan.objects.for_org(organisation).in_force(as_of)
    result = plan_rollup(plan, as_of) if plan else None
    return {
        plan_status_indicator(organisation=organisation, status=status): counts
        for status, counts in _status_counts(result).items()
    }


def _status_counts(result: Rollup | None) -> dict[RagStatus | None, tuple[int, int]]:
    """Each status's (count, total) in a plan roll-up; "no update yet" is always there, 0 once
    every action has an update."""
    if result is None or not result.total:
        return {}
    counts = {segment.status: segment.count for segment in result.segments}
    counts.setdefault(None, 0)
    return {status: (count, result.total) for status, count in counts.items()}


def plan_status_shares(result: Rollup | None) -> dict[str, Decimal]:
    """Indicator code → the share of the plan's actions in each status, as the roll-up records it:
    what a document's Appendix A shows beside the same roll-up in its text, so the two agree."""
    return {
        plan_status_code(status): rag.compute_value(Decimal(count), Decimal(total), Decimal(100))
        for status, (count, total) in _status_counts(result).items()
    }


def plan_status_code(status: RagStatus | None) -> str:
    """The code of the indicator of the share of plan actions in a status (None: no update yet):
    the catalogue's for the source documents' statuses, the service's own for one it added."""
    code = PLAN_INDICATORS.get(status.code if status else None)
    return code or "IP_STATUS_" + re.sub(r"[^A-Z0-9]", "_", status.code.upper())


def plan_status_indicator(*, organisation: Organisation, status: RagStatus | None) -> Indicator:
    """The indicator of the share of plan actions in a status (None: no update yet)."""
    code = plan_status_code(status)
    if code in PLAN_INDICATORS.values():
        return Indicator.objects.shared().get(code=code)
    indicator, _ = Indicator.objects.get_or_create(
        organisation=organisation,
        code=code,
        defaults={
            "name": f"% of improvement plan actions rated {status.label}",
            "category": IndicatorCategory.objects.get(code="improvement_plan"),
            "scope": Scope.LOCAL,
            "unit": Unit.PERCENT,
            "polarity": Polarity.LOWER_BETTER if not status.is_complete else Polarity.HIGHER_BETTER,
            "frequency": Frequency.MONTHLY,
            "definition": f"The percentage of the plan's actions rated {status.label} at the end of the month.",
            "computation": Computation.RATIO,
            "numerator_label": f"actions rated {status.label}",
            "denominator_label": "actions in the plan",
            "multiplier": Decimal(100),
        },
    )
    return indicator


@transaction.atomic
def plan_status_rollup(*, organisation: Organisation, month: datetime.date) -> int:
    """Record a month's plan-status proportions, as at the month's end. An organisation that shows
    them on its dashboard (it tracks any of them) is shown every one. Returns how many."""
    month = month.replace(day=1)
    figures = plan_status_figures(organisation=organisation, as_of=month_end(month))
    tracked = TrackedIndicator.objects.for_org(organisation)
    shows_them = tracked.filter(indicator__category__code="improvement_plan").exists()
    for indicator, (numerator, denominator) in figures.items():
        if shows_them:
            indicator_tracking_set(organisation=organisation, indicator=indicator, tracked=True)
        measurement_record(
            organisation=organisation,
            indicator=indicator,
            period=month,
            numerator=Decimal(numerator),
            denominator=Decimal(denominator),
            source=PLAN_SOURCE,
        )
    return len(figures)


@transaction.atomic
def case_audit_rollup(*, organisation: Organisation, month: datetime.date) -> int:
    """Turn a month's case audits (and the plan's status proportions) into measurements.
    Idempotent: a rerun replaces the same rows. Runs for one organisation are serialised by a
    row lock, so two overlapping runs cannot interleave. Returns the number of audits read."""
    Organisation.objects.select_for_update().get(pk=organisation.pk)
    month = month.replace(day=1)
    figures = case_audit_figures(organisation=organisation, month=month)
    audited = figures["CA_AUDITED"][0]
    indicators = {i.code: i for i in Indicator.objects.shared().filter(code__in=figures)}
    for code, (numerator, denominator) in figures.items():
        indicator = indicators.get(code)
        if indicator is None:
            continue
        if indicator.is_ratio:
            measurement_record(
                organisation=organisation,
                indicator=indicator,
                period=month,
                numerator=Decimal(numerator),
                denominator=Decimal(denominator),
                source=ROLLUP_SOURCE,
            )
        else:
            measurement_record(
                organisation=organisation, indicator=indicator, period=month, value=numerator, source=ROLLUP_SOURCE
            )
    plan_status_rollup(organisation=organisation, month=month)
    live_tracker_rollup(organisation=organisation, month=month)
    return audited


# The dashboard's live-tracker indicators: (numerator, denominator) of performance.cohorts.CohortMonth.
LIVE_TRACKER_INDICATORS = {
    "LT_BINARY": ("reoffenders", "members"),
    "LT_FREQUENCY": ("reoffences", "members"),
    "LT_PER_REOFFENDER": ("reoffences", "reoffenders"),
    "LT_FIRST_MONTH": ("first_month_reoffenders", "members"),
    "LT_VIOLENT": ("violent_reoffences", "reoffences"),
}
LIVE_TRACKER_SOURCE = "Live tracker (computed from case records)"


def live_tracker_figures(*, organisation: Organisation, month: datetime.date):
    """The month's live-tracker counts (a CohortMonth) as they stood at its end, from the cohort
    the service tracks on the dashboard that covers it (the one begun latest), or None."""
    month = month.replace(day=1)
    covering = None
    for cohort in Cohort.objects.for_org(organisation).filter(feeds_dashboard=True, convention=CohortConvention.LIVE):
        number = (month.year - cohort.period_start.year) * 12 + month.month - cohort.period_start.month + 1
        if 1 <= number <= cohort.follow_up_months and (
            covering is None or cohort.period_start > covering[0].period_start
        ):
            covering = (cohort, number)
    if covering is None:
        return None
    months = cohort_months(covering[0], as_at=month_end(month))
    return next((m for m in months if m.month == covering[1]), None)


def live_tracker_rollup(*, organisation: Organisation, month: datetime.date) -> None:
    """Record the month's live-tracker figures as the dashboard's measurements (computed, never
    typed); a figure with nothing to divide by is left out."""
    figures = live_tracker_figures(organisation=organisation, month=month)
    if figures is None:
        return
    for indicator in Indicator.objects.shared().filter(code__in=LIVE_TRACKER_INDICATORS):
        numerator, denominator = (getattr(figures, name) for name in LIVE_TRACKER_INDICATORS[indicator.code])
        if denominator:
            measurement_record(
                organisation=organisation,
                indicator=indicator,
                period=month.replace(day=1),
                numerator=Decimal(numerator),
                denominator=Decimal(denominator),
                source=LIVE_TRACKER_SOURCE,
            )


def rollup_now(*, organisation: Organisation, month: datetime.date, trigger: str) -> RollupRun:
    """Run a roll-up in this process, recording it like a queued one (the demo loader uses it)."""
    run = RollupRun.objects.create(organisation=organisation, month=month.replace(day=1), trigger=trigger)
    run = rollup_run_start(run_id=run.pk, task_id="")
    rollup_run_finish(run=run, rows=case_audit_rollup(organisation=organisation, month=run.month))
    return run


def rollup_run_start(*, run_id: int, task_id: str) -> RollupRun:
    RollupRun.objects.filter(pk=run_id).update(
        status=RunStatus.RUNNING,
        started_at=timezone.now(),
        task_id=task_id,
        attempts=F("attempts") + 1,
        error="",
        failure="",
    )
    return RollupRun.objects.select_related("organisation").get(pk=run_id)


def rollup_run_finish(*, run: RollupRun, rows: int | None = None, error: BaseException | None = None) -> None:
    """Record how a run ended: its rows, or the failure in plain words (and in full, logged and
    kept for administrators)."""
    run.status = RunStatus.FAILED if error else RunStatus.SUCCEEDED
    run.failure = failure_in_words("rolling up", ROLLUP_FAILED) if error else ""
    run.error = technical_error(error) if error else ""
    if error:
        logger.error("Roll-up run %s (%s, %s) failed", run.pk, run.organisation_id, run.month, exc_info=error)
    run.rows = rows or 0
    run.finished_at = timezone.now()
    run.save(update_fields=["status", "failure", "error", "rows", "finished_at"])
