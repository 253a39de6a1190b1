"""Demo indicators, values, targets, comparators and case audits (performance/demo_data.py), and
the case records (performance/demo_cases.py) from which the live tracker's figures and Lewisham's
YJB reoffending measures are computed.

Case-audit figures are not typed in: Bromley's October 2015 audits (seed 003) and Lewisham's
illustrative 2017 ones are loaded and the roll-up computes the dashboard figures from them, as it
would in use.
"""

import datetime
import random
from decimal import Decimal

from simple_history.utils import bulk_create_with_history

from improvement.models import ImprovementPlan
from performance import demo_cases, kpi_return, rollup, services
from performance.choices import CohortConvention, RunTrigger
from performance.cohorts import cohort_months, yjb_final_on
from performance.demo_data import (
    BROMLEY_AUDITS,
    ILLUSTRATIVE_KPIS,
    SEED_FIGURES,
    SERIES,
    SOUTHWARK_KPI_COUNTS,
    SOUTHWARK_KPI_QUARTERS,
    cohort_rates,
    illustrative_note,
)
from performance.models import (
    AuditGrade,
    CaseAudit,
    Cohort,
    Comparator,
    Indicator,
    IndicatorJudgement,
    Measurement,
    RatingStep,
    Target,
    TrackedIndicator,
)
from performance.models.audits import AUDIT_AREAS
from yos_tracker.models import Organisation

AREAS_AND_OVERALL = [*[area for area, _ in AUDIT_AREAS], "overall"]
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


# Lewisham's monthly case audits (seed 000, Appendix A: "Monthly Case Audits: Good, Satisfactory,
# Not Satisfactory, Poor") give no figures: these are illustrative, 15 a month from January 2017,
# improving as the improvement plan takes hold until June, steady after, the vulnerability plan not
# applicable to some. They run to December 2018, as far as the demo's figures from seed 004 go.
LEWISHAM_AUDIT_MONTHS = [datetime.date(2017 + (n // 12), n % 12 + 1, 1) for n in range(24)]
LEWISHAM_AUDITS_PER_MONTH = 15  # the service's own target (performance/demo_data.py)
ILLUSTRATIVE_AUDIT = "Illustrative: a demo audit, not Lewisham's."
# Seed 000, Appendix A: "S & L Specialist Intervention", "Trauma - % of cases assess for trauma",
# "... trauma informed intervention is being delivered": Purple.
LEWISHAM_PURPLE = ["SL_INTERVENTION", "TRAUMA_ASSESSED", "TRAUMA_INTERVENTION"]


def load() -> None:
    lewisham = Organisation.objects.get(slug="lewisham")
    demo_cases.load(lewisham)
    if not CaseAudit.objects.for_org(lewisham).exists():
        _lewisham_audits(lewisham)
    for slug, data in SERIES.items():
        organisation = Organisation.objects.get(slug=slug)
        if not TrackedIndicator.objects.for_org(organisation).exists():
            _series(organisation, data, counted=_yjb_cohort_rates(organisation))
    if not IndicatorJudgement.objects.for_org(lewisham).exists():
        _lewisham_judgements(lewisham)
    bromley = Organisation.objects.get(slug="bromley")
    if not CaseAudit.objects.for_org(bromley).exists():
        _bromley_audits(bromley)
    southwark = Organisation.objects.get(slug="southwark")
    if not Measurement.objects.for_org(southwark).filter(indicator__code__in=kpi_return.FORMULAS).exists():
        _southwark_kpis(southwark)


def _lewisham_judgements(lewisham: Organisation) -> None:
    """Seed 000, Appendix A: three lines rated Purple, "Target not started or problematic", with
    no figures to compute a RAG from."""
    purple = RatingStep.objects.for_org(lewisham).get(code="purple")
    for code in LEWISHAM_PURPLE:
        services.indicator_judgement_record(
            organisation=lewisham,
            indicator=Indicator.objects.shared().get(code=code),
            period=datetime.date(2017, 6, 1),
            step=purple,
            note="Not started (seed 000, Appendix A).",
        )


def _southwark_kpis(southwark: Organisation) -> None:
    """Southwark tracks the YJB KPIs from its start (the starter set); its returns are illustrative."""
    for n, quarter in enumerate(SOUTHWARK_KPI_QUARTERS):
        kpi_return.kpi_return_record(
            organisation=southwark,
            quarter=quarter,
            counts={key: values[n] for key, values in SOUTHWARK_KPI_COUNTS},
            note=ILLUSTRATIVE_KPIS,
        )


def _track(organisation: Organisation, codes: list[str]) -> dict[str, Indicator]:
    indicators = {i.code: i for i in Indicator.objects.shared().filter(code__in=codes)}
    bulk_create_with_history(
        [
            TrackedIndicator(organisation=organisation, indicator=indicators[code], order=i)
            for i, code in enumerate(codes)
        ],
        TrackedIndicator,
    )
    return indicators


def _yjb_cohort_rates(organisation: Organisation) -> dict[str, list]:
    """The YJB reoffending measures of each of the organisation's YJB cohorts, counted from its case
    records once every child's follow-up and wait is over, dated by the cohort's first month."""
    rows = []
    for cohort in Cohort.objects.for_org(organisation).filter(convention=CohortConvention.YJB):
        final = cohort_months(cohort, as_at=yjb_final_on(cohort))[-1]
        rows.append((cohort.period_start, final.members, final.reoffenders, final.reoffences))
    return cohort_rates(rows)


def _series(organisation: Organisation, data: dict, counted: dict[str, list]) -> None:
    """The typed series of `data`, and those `counted` from case records in place of typed values."""
    indicators = _track(organisation, data["tracked"])
    measurements, targets, comparators = [], [], []
    illustrative = illustrative_note(organisation.slug)
    for code, series in data["series"].items():
        indicator = indicators[code]
        values = counted.get(code) or series.get("values", [])
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
                Measurement(
                    organisation=organisation,
                    indicator=indicator,
                    period=period,
                    source="Demo data",
                    note=SEED_FIGURES.get((organisation.slug, code, period), illustrative),
                    **fields,
                )
            )
        for kind, points in series.get("comparators", {}).items():
            comparators += [
                Comparator(organisation=organisation, indicator=indicator, period=p, kind=kind, value=Decimal(v))
                for p, v in points
            ]
    bulk_create_with_history(targets, Target)
    bulk_create_with_history(measurements, Measurement)
    bulk_create_with_history(comparators, Comparator)
    # The case-audit and plan proportions are computed, for the latest month of the series.
    latest = max((m.period for m in measurements), default=None)
    if latest:
        rollup.rollup_now(organisation=organisation, month=latest, trigger=RunTrigger.DEMO)
        _audit_history(organisation, latest)
        _plan_status_history(organisation, latest)
        _live_tracker_history(organisation, latest)


def _lewisham_audits(lewisham: Organisation) -> None:
    rng = random.Random(2017)
    scale = [g for g in AuditGrade.objects.for_org(lewisham).order_by("rank")]  # best first
    audits = []
    for index, month in enumerate(LEWISHAM_AUDIT_MONTHS):
        # From mostly "not satisfactory" in January 2017 towards mostly "good" by June, then steady.
        step = min(index, 5)
        weights = [1 + 2 * step, 3 + step, 5 - step * 0.6, 2 - step * 0.3]
        for n in range(LEWISHAM_AUDITS_PER_MONTH):
            grade = dict(zip(AREAS_AND_OVERALL, rng.choices(scale, weights=weights, k=5), strict=True))
            if rng.random() < 0.2:
                grade["vulnerability"] = None  # not applicable to the case
            audits.append(
                CaseAudit(
                    organisation=lewisham,
                    month=month,
                    case_reference=f"LW-CA-{month:%y%m}-{n + 1:02d}",
                    case_type=rng.choice(["court_order", "court_order", "out_of_court", "custody"]),
                    notes=ILLUSTRATIVE_AUDIT,
                    **grade,
                )
            )
    bulk_create_with_history(audits, CaseAudit)


def _audit_history(organisation: Organisation, latest) -> None:
    """Each earlier month's case-audit figures, as the monthly roll-up would have recorded them."""
    months = CaseAudit.objects.for_org(organisation).filter(month__lt=latest).dates("month", "month")
    for month in months:
        rollup.case_audit_rollup(organisation=organisation, month=month)


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
    bulk_create_with_history(
        [
            CaseAudit(
                organisation=bromley,
                month=month,
                case_reference=case["reference"],
                case_type=case["case_type"],
                **{area: grades[case[area]] if case[area] else None for area in AREAS_AND_OVERALL},  # None: n/a
            )
            for case in BROMLEY_AUDITS["cases"]
        ],
        CaseAudit,
    )
    if not TrackedIndicator.objects.for_org(bromley).exists():
        indicators = _track(bromley, BROMLEY_TRACKED)
        bulk_create_with_history(
            [
                Target(
                    organisation=bromley,
                    indicator=indicators[code],
                    applies_from=month,
                    value=value,
                    tolerance=tolerance,
                )
                for code, (value, tolerance) in BROMLEY_TARGETS.items()
            ],
            Target,
        )
    rollup.rollup_now(organisation=bromley, month=month, trigger=RunTrigger.DEMO)
