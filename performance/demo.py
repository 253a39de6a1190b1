"""Demo indicators, values, targets, comparators and case audits (performance/demo_data.py), and
the live tracker's case records (performance/demo_cases.py), from which its figures are computed.

Bromley's case-audit figures are not typed in: its October 2015 audits are loaded and the
roll-up computes the dashboard figures from them, as it would in use.
"""

import datetime
from decimal import Decimal

from simple_history.utils import bulk_create_with_history

from improvement.models import ImprovementPlan
from performance import demo_cases, rollup, services
from performance.choices import RunTrigger
from performance.demo_data import BROMLEY_AUDITS, SERIES
from performance.models import (
    AuditGrade,
    CaseAudit,
    Cohort,
    Comparator,
    Indicator,
    Measurement,
    Target,
    TrackedIndicator,
)
from yos_tracker.models import Organisation

BROMLEY_TRACKED = [
    "CA_AUDITED",
    "CA_GOOD",
    "CA_INADEQUATE",
    "CA_INADEQUATE_ASSESSMENT",
    "CA_INADEQUATE_INTERVENTION",
    "CA_INADEQUATE_RISK",
    "CA_GOOD_VULNERABILITY",
    "CA_INADEQUATE_VULNERABILITY",
    "IP_GREEN",
    "IP_AMBER",
    "IP_RED",
]

# Illustrative targets of our own (seed 003 reports results, not targets): at most a fifth of
# cases inadequate, within ten points counts as Amber.
BROMLEY_TARGETS = {
    "CA_INADEQUATE": (20, 10),
    "CA_INADEQUATE_ASSESSMENT": (20, 10),
    "CA_INADEQUATE_INTERVENTION": (20, 10),
    "CA_INADEQUATE_RISK": (20, 10),
    "CA_INADEQUATE_VULNERABILITY": (20, 10),
    "CA_GOOD": (60, 10),
    "CA_GOOD_VULNERABILITY": (60, 10),
}


def load() -> None:
    demo_cases.load(Organisation.objects.get(slug="lewisham"))
    for slug, data in SERIES.items():
        organisation = Organisation.objects.get(slug=slug)
        if not TrackedIndicator.objects.for_org(organisation).exists():
            _series(organisation, data)
    bromley = Organisation.objects.get(slug="bromley")
    if not CaseAudit.objects.for_org(bromley).exists():
        _bromley_audits(bromley)


def _track(organisation: Organisation, codes: list[str]) -> dict[str, Indicator]:
    indicators = {i.code: i for i in Indicator.objects.shared().filter(code__in=codes)}
    TrackedIndicator.objects.bulk_create(
        [
            TrackedIndicator(organisation=organisation, indicator=indicators[code], order=i)
            for i, code in enumerate(codes)
        ]
    )
    return indicators


def _series(organisation: Organisation, data: dict) -> None:
    indicators = _track(organisation, data["tracked"])
    measurements, targets, comparators = [], [], []
    for code, series in data["series"].items():
        indicator = indicators[code]
        values = series.get("values", [])
        first = values[0][0] if values else None
        if first or series.get("target") is not None:
            targets.append(
                Target(
                    organisation=organisation,
                    indicator=indicator,
                    applies_from=first or _start(data),
                    value=Decimal(series["target"]),
                    tolerance=Decimal(series.get("tolerance", 0)),
                )
            )
        for period, value in values:
            parts = (
                {"numerator": Decimal(value[0]), "denominator": Decimal(value[1]), "value": None}
                if isinstance(value, tuple)
                else {"value": Decimal(value), "numerator": None, "denominator": None}
            )
            fields = services.measurement_value(indicator, **parts)
            measurements.append(
                Measurement(organisation=organisation, indicator=indicator, period=period, source="Demo data", **fields)
            )
        for kind, points in series.get("comparators", {}).items():
            comparators += [
                Comparator(organisation=organisation, indicator=indicator, period=p, kind=kind, value=Decimal(v))
                for p, v in points
            ]
    Target.objects.bulk_create(targets)
    bulk_create_with_history(measurements, Measurement)
    Comparator.objects.bulk_create(comparators)
    # The case-audit and plan proportions are computed, for the latest month of the series.
    latest = max((m.period for m in measurements), default=None)
    if latest:
        rollup.rollup_now(organisation=organisation, month=latest, trigger=RunTrigger.DEMO)
        _plan_status_history(organisation, latest)
        _live_tracker_history(organisation, latest)


def _plan_status_history(organisation: Organisation, latest) -> None:
    """The plan-status proportions of each earlier month of the plan, each as at its month's end,
    as the monthly roll-up would have recorded them."""
    plan = ImprovementPlan.objects.for_org(organisation).in_force(latest)
    month = plan.period_start.replace(day=1) if plan else latest
    while month < latest:
        rollup.plan_status_rollup(organisation=organisation, month=month)
        month = (month + datetime.timedelta(days=32)).replace(day=1)


def _live_tracker_history(organisation: Organisation, latest) -> None:
    """The live tracker's figures for each earlier month, each as the case records stood at its
    end, as the monthly roll-up would have recorded them."""
    first = Cohort.objects.for_org(organisation).filter(feeds_dashboard=True).order_by("period_start").first()
    month = first.period_start.replace(day=1) if first else latest
    while month < latest:
        rollup.live_tracker_rollup(organisation=organisation, month=month)
        month = (month + datetime.timedelta(days=32)).replace(day=1)


def _start(data: dict):
    return min(p for s in data["series"].values() for p, _ in s.get("values", []))


def _bromley_audits(bromley: Organisation) -> None:
    grades = {g.code: g for g in AuditGrade.objects.for_org(bromley)}
    month = BROMLEY_AUDITS["month"]
    CaseAudit.objects.bulk_create(
        [
            CaseAudit(
                organisation=bromley,
                month=month,
                case_reference=case["reference"],
                case_type=case["case_type"],
                **{
                    area: grades[case[area]]
                    for area in ("assessment", "intervention", "risk", "vulnerability", "overall")
                },
            )
            for case in BROMLEY_AUDITS["cases"]
        ]
    )
    if not TrackedIndicator.objects.for_org(bromley).exists():
        indicators = _track(bromley, BROMLEY_TRACKED)
        Target.objects.bulk_create(
            [
                Target(
                    organisation=bromley,
                    indicator=indicators[code],
                    applies_from=month,
                    value=value,
                    tolerance=tolerance,
                )
                for code, (value, tolerance) in BROMLEY_TARGETS.items()
            ]
        )
    rollup.rollup_now(organisation=bromley, month=month, trigger=RunTrigger.DEMO)
