"""Reads behind the performance pages: each a fixed number of queries, whatever the number of
indicators or the length of their history. Numbers are formatted here, once."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.core.paginator import Page, Paginator
from django.db.models import Count, Min, Q
from django.utils.dates import MONTHS
from django.utils.formats import date_format

from performance import rag
from performance.catalogue_data import INDICATORS
from performance.choices import ComparatorKind
from performance.cohorts import cohorts_months
from performance.models import (
    AuditGrade,
    Case,
    CaseAudit,
    Cohort,
    Comparator,
    Indicator,
    IndicatorCategory,
    IndicatorJudgement,
    Measurement,
    RatingStep,
    RollupRun,
    Target,
    TrackedIndicator,
)
from performance.models.audits import AUDIT_AREAS
from yos_tracker.charts import Series, line_chart, sparkline
from yos_tracker.history import Moment, as_recorded, history_rows
from yos_tracker.history import until as history_until
from yos_tracker.models import Organisation

SPARK_PERIODS = 12
# Enough history for a year-on-year comparison of monthly figures and 12-point sparklines of quarterly ones.
WINDOW = relativedelta(years=3)
COMPARATOR_PREFERENCE = [ComparatorKind.LONDON, ComparatorKind.YOT_FAMILY, ComparatorKind.ENGLAND_WALES]


@dataclass(frozen=True)
class ComparatorShown:
    """One comparator beside a value: its kind's name, the figure as printed, and its own period
    where that is not the value's (a comparator published later than the service's figures)."""

    label: str
    shown: str
    period: datetime.date | None = None


@dataclass
class DashboardRow:
    indicator: Indicator
    period: datetime.date | None
    value: Decimal | None
    shown: str
    target: str
    status: rag.KpiStatus
    trend_previous: rag.Trend | None
    trend_year: rag.Trend | None
    spark: dict | None
    comparator: str
    target_value: Decimal | None = None
    year_ago: Decimal | None = None
    judgement: IndicatorJudgement | None = None
    latest_available: bool = False  # older than its frequency allows for the period shown
    older: bool = False  # the value is an earlier period's than the one the page shows
    comparators: list[ComparatorShown] = field(default_factory=list)  # every kind recorded, London first

    @property
    def badge(self):
        """What the RAG column shows: the status computed against the target, or, where there is
        none to compute (no target, or no value), the service's judgement on its own key."""
        return self.judgement.step if self.judgement else self.status

    @property
    def year_ago_shown(self) -> str:
        return self.indicator.format_value(self.year_ago) if self.year_ago is not None else ""

    @property
    def year_change(self) -> str:
        """The change since the same period a year before (FTE −24.1%; reoffending −16.6 points)."""
        return self.indicator.format_change(self.value, self.year_ago)


@dataclass
class Dashboard:
    organisation: Organisation
    period: datetime.date | None
    periods: list[datetime.date]
    groups: list[tuple[IndicatorCategory, list[DashboardRow]]] = field(default_factory=list)
    last_run: RollupRun | None = None
    recorded: datetime.datetime | None = None  # the moment its records are read as recorded at
    chosen: bool = False  # the period was chosen for the reader: the latest most indicators have values for

    key: list = field(default_factory=list)  # the service's key for rating by judgement

    @property
    def period_choices(self) -> list[tuple[str, str, bool]]:
        """The periods to choose from, latest first: (value, name, whether shown), formatted here
        once rather than by two date filters per option (ten years of months are 120 options)."""
        names = {number: str(name) for number, name in MONTHS.items()}  # translated once, not once an option
        return [(p.isoformat(), f"{names[p.month]} {p.year}", p == self.period) for p in self.periods]

    @property
    def latest(self) -> datetime.date | None:
        """The latest period with any value: one click away when another period is shown."""
        return self.periods[0] if self.periods else None

    @property
    def counts(self) -> dict[str, int]:
        counts = defaultdict(int)
        for _, rows in self.groups:
            for row in rows:
                counts[row.badge.label] += 1
        return dict(counts)

    @property
    def judged(self) -> bool:
        return any(row.judgement for _, rows in self.groups for row in rows)

    def leave_out_rows_without_values(self) -> int:
        """Drop the rows with no value by the period and no judgement either (a document may leave
        them out); returns how many were dropped."""
        kept = [(category, [r for r in rows if r.value is not None or r.judgement]) for category, rows in self.groups]
        left_out = sum(len(rows) for _, rows in self.groups) - sum(len(rows) for _, rows in kept)
        self.groups = [(category, rows) for category, rows in kept if rows]
        return left_out


def target_at(targets: list[tuple[datetime.date, Decimal, Decimal]], period: datetime.date):
    """The target in force for a period: the latest one that applies from it or before."""
    for applies_from, value, tolerance in targets:  # newest first
        if applies_from <= period:
            return value, tolerance
    return None, Decimal(0)


def assess_series(indicator: Indicator, series, targets):
    """(latest period, value, status, trend on previous, trend on a year before, the value a year
    before) of a series."""
    if not series:
        return None, None, rag.NO_DATA, None, None, None
    period, value = series[-1]
    target, tolerance = target_at(targets, period)
    lower = indicator.lower_is_better
    status = rag.assess(value, target, tolerance, lower_is_better=lower)
    # A cumulative series rises through a cohort's follow-up by its nature: only the same month
    # of the previous cohort says whether it is better.
    previous = series[-2][1] if len(series) > 1 and not indicator.cumulative else None
    year_ago = dict(series).get(rag.year_before(period))
    return (
        period,
        value,
        status,
        rag.trend(value, previous, lower_is_better=lower),
        rag.trend(value, year_ago, lower_is_better=lower),
        year_ago,
    )


def dashboard(
    organisation: Organisation,
    period: datetime.date | None = None,
    recorded: Moment = None,
    computed: dict[str, tuple[datetime.date, Decimal]] | None = None,
) -> Dashboard:
    """Each tracked indicator's value for the period (the latest by then), its target, status,
    trends and comparators; with no period, for the one opening_period chooses. With `recorded`,
    every figure as it had been recorded at that moment: a document re-rendered reads what it read
    when it was presented. `computed` (indicator code → period, value) gives figures a document
    works out itself, in place of those stored for that period, so that its table and its text
    read one computation (the plan's status shares)."""
    tracked = list(
        as_recorded(TrackedIndicator, organisation, recorded)
        .select_related("indicator__category")
        .order_by("order", "id")
    )
    ids = [t.indicator_id for t in tracked]
    chosen = period is None
    if chosen:
        frequencies = {t.indicator_id: t.indicator.frequency for t in tracked}
        periods, counts = _reported(organisation, recorded, frequencies)
        period = opening_period(frequencies, counts, periods)
    else:
        # order_by() first: the model's default ordering would join into DISTINCT and repeat periods.
        periods = list(
            as_recorded(Measurement, organisation, recorded)
            .order_by("-period")
            .values_list("period", flat=True)
            .distinct()
        )
    result = Dashboard(organisation=organisation, period=period, periods=periods, recorded=recorded, chosen=chosen)
    result.last_run = RollupRun.objects.for_org(organisation).order_by("-queued_at", "-pk").first()
    if period is None:
        result.groups = _group([_empty_row(t.indicator) for t in tracked])
        return result

    since = period - WINDOW
    series = defaultdict(list)
    for indicator_id, when, value in (
        as_recorded(Measurement, organisation, recorded)
        .filter(indicator_id__in=ids, period__gt=since, period__lte=period, value__isnull=False)
        .order_by("period")
        .values_list("indicator_id", "period", "value")
    ):
        series[indicator_id].append((when, value))
    for t in tracked:
        if t.indicator.code in (computed or {}):
            when, value = computed[t.indicator.code]
            points = [point for point in series[t.indicator_id] if point[0] != when]
            series[t.indicator_id] = sorted([*points, (when, value)]) if since < when <= period else points
    judgements = {}
    for judgement in (
        as_recorded(IndicatorJudgement, organisation, recorded)
        .filter(indicator_id__in=ids, period__lte=period)
        .select_related("step")
        .order_by("period")
    ):
        judgements[judgement.indicator_id] = judgement  # the latest by the period
    if judgements:  # the key is printed where something is rated on it
        result.key = list(RatingStep.objects.for_org(organisation).filter(retired=False))
    targets = defaultdict(list)
    for indicator_id, applies_from, value, tolerance in (
        as_recorded(Target, organisation, recorded)
        .filter(indicator_id__in=ids, applies_from__lte=period)
        .order_by("-applies_from")
        .values_list("indicator_id", "applies_from", "value", "tolerance")
    ):
        targets[indicator_id].append((applies_from, value, tolerance))
    comparators = defaultdict(list)
    for indicator_id, when, kind, value in (
        as_recorded(Comparator, organisation, recorded)
        .filter(indicator_id__in=ids, period__gt=since, period__lte=period)
        .order_by("period")
        .values_list("indicator_id", "period", "kind", "value")
    ):
        comparators[indicator_id].append((when, kind, value))

    rows = []
    for t in tracked:
        indicator = t.indicator
        points = series.get(indicator.pk, [])
        latest, value, status, trend_previous, trend_year, year_ago = assess_series(
            indicator, points, targets[indicator.pk]
        )
        target, _ = target_at(targets[indicator.pk], latest or period)
        shown_comparators = comparators_by(indicator, comparators[indicator.pk], latest or period)
        # The one comparator a document's column has room for: the first kind recorded for the
        # value's own period.
        comparator = next((f"{c.label} {c.shown}" for c in shown_comparators if c.period is None), "")
        rows.append(
            DashboardRow(
                indicator=indicator,
                period=latest,
                value=value,
                shown=indicator.format_value(value),
                target=indicator.format_value(target) if target is not None else "",
                status=status,
                trend_previous=trend_previous,
                trend_year=trend_year,
                spark=sparkline([v for _, v in points[-SPARK_PERIODS:]]),
                comparator=comparator,
                target_value=target,
                year_ago=year_ago,
                judgement=judgements.get(indicator.pk) if status in (rag.NO_DATA, rag.NOT_RATED) else None,
                latest_available=rag.is_latest_available(latest, period, indicator.frequency),
                older=latest is not None and latest < rag.period_start(period, indicator.frequency),
                comparators=shown_comparators,
            )
        )
    result.groups = _group(rows)
    return result


def comparators_by(indicator: Indicator, points, period: datetime.date) -> list[ComparatorShown]:
    """Every comparator kind recorded for an indicator by a period (`points`: (period, kind,
    value), oldest first), London, the YOT family, then England and Wales: each kind's figure for
    that period, or else its latest before it, dated."""
    latest = {}
    for when, kind, value in points:
        if when <= period:
            latest[kind] = (when, value)
    return [
        ComparatorShown(
            ComparatorKind(kind).label,
            indicator.format_value(latest[kind][1]),
            None if latest[kind][0] == period else latest[kind][0],
        )
        for kind in COMPARATOR_PREFERENCE
        if kind in latest
    ]


def _reported(
    organisation: Organisation, recorded: Moment, frequencies: dict[int, str]
) -> tuple[list[datetime.date], dict[tuple[datetime.date, str], int]]:
    """Every period with a measurement, latest first, and per (period, frequency) how many of the
    tracked indicators (id → frequency) of that frequency have a value for it: one query, one row
    per period, however many values each holds."""
    by_frequency = defaultdict(list)
    for pk, frequency in frequencies.items():
        by_frequency[frequency].append(pk)
    per_period = (
        as_recorded(Measurement, organisation, recorded)
        .order_by()
        .values("period")
        .annotate(
            measured=Count("pk"),  # groups by period even when nothing is tracked
            **{
                f"values_{n}": Count("pk", filter=Q(indicator_id__in=pks, value__isnull=False))
                for n, pks in enumerate(by_frequency.values())
            },
        )
    )
    counts = {}
    for row in per_period:
        for n, frequency in enumerate(by_frequency):
            counts[row["period"], frequency] = row[f"values_{n}"]
    return sorted((row["period"] for row in per_period), reverse=True), counts


def opening_period(
    frequencies: dict[int, str], counts: dict[tuple[datetime.date, str], int], periods: list[datetime.date]
) -> datetime.date | None:
    """The period a dashboard opens on: the latest of `periods` in which more than half of the
    tracked indicators (id → frequency) have a value for their own period containing it (a
    quarterly figure counts in each month of its quarter, a yearly one in each month of its year),
    so that one value entered early for an unfinished month does not open a page of "No data".
    `counts`: per (period, frequency), how many of the tracked indicators of that frequency have a
    value for it. With no such period, the latest of those with the most values."""
    kinds = set(frequencies.values())
    fullest = None
    for month in sorted(periods, reverse=True):
        have = sum(counts.get((rag.period_start(month, frequency), frequency), 0) for frequency in kinds)
        if 2 * have > len(frequencies):
            return month
        if fullest is None or have > fullest[0]:
            fullest = (have, month)
    return fullest[1] if fullest else None


def _empty_row(indicator: Indicator) -> DashboardRow:
    return DashboardRow(indicator, None, None, "—", "", rag.NO_DATA, None, None, None, "")


def _group(rows: list[DashboardRow]) -> list[tuple[IndicatorCategory, list[DashboardRow]]]:
    groups: dict[int, tuple[IndicatorCategory, list[DashboardRow]]] = {}
    for row in rows:
        category = row.indicator.category
        groups.setdefault(category.pk, (category, []))[1].append(row)
    return sorted(groups.values(), key=lambda g: (g[0].order, g[0].name))


@dataclass
class IndicatorPage:
    indicator: Indicator
    rows: list[dict]
    chart: object
    latest: tuple
    comparator_kinds: list[str] = field(default_factory=list)  # the names of the kinds recorded, London first


def indicator_page(
    organisation: Organisation,
    indicator: Indicator,
    until: datetime.date | None = None,
    recorded: Moment = None,
) -> IndicatorPage:
    """An indicator's values, targets and comparators, charted; with `until`, only the periods
    up to that day (a report for a past period does not show what came after it); with
    `recorded`, as they had been recorded at that moment."""
    up_to = {"period__lte": until} if until else {}
    measurements = list(
        as_recorded(Measurement, organisation, recorded)
        .filter(indicator=indicator, **up_to)
        .select_related("entered_by")
        .order_by("period")
    )
    targets = list(
        as_recorded(Target, organisation, recorded)
        .filter(indicator=indicator, **({"applies_from__lte": until} if until else {}))
        .order_by("-applies_from")
        .values_list("applies_from", "value", "tolerance")
    )
    recorded_comparators = defaultdict(list)
    for when, kind, value in (
        as_recorded(Comparator, organisation, recorded)
        .filter(indicator=indicator, **up_to)
        .order_by("period", "kind")
        .values_list("period", "kind", "value")
    ):
        recorded_comparators[kind].append((when, value))
    comparators = {kind: recorded_comparators[kind] for kind in COMPARATOR_PREFERENCE if kind in recorded_comparators}
    by_period = {kind: dict(points) for kind, points in comparators.items()}
    # Counted in the database: the page shows how many times each value changed, never the versions.
    versions = dict(
        history_until(Measurement.history.filter(organisation=organisation, indicator=indicator), recorded)
        .order_by()
        .values_list("id")
        .annotate(Count("history_id"))
    )

    series = [(m.period, m.value) for m in measurements if m.value is not None]
    rows = []
    for m in reversed(measurements):
        target, tolerance = target_at(targets, m.period)
        rows.append(
            {
                "measurement": m,
                "shown": indicator.format_value(m.value),
                "target": indicator.format_value(target) if target is not None else "",
                "status": rag.assess(m.value, target, tolerance, lower_is_better=indicator.lower_is_better),
                "changes": versions.get(m.id, 1) - 1,
                "comparators": [
                    (
                        ComparatorKind(kind).label,
                        indicator.format_value(values[m.period]) if m.period in values else "—",
                    )
                    for kind, values in by_period.items()
                ],
            }
        )
    chart_series = [Series(organisation.name.replace(" Youth Offending Service", ""), series)] + [
        Series(ComparatorKind(kind).label, points) for kind, points in comparators.items()
    ]
    target_steps = [(applies_from, value) for applies_from, value, _ in reversed(targets)]
    chart = line_chart(
        title=indicator.name,
        y_label=indicator.get_unit_display(),
        series=chart_series,
        target=[(max(d, series[0][0]) if series else d, v) for d, v in target_steps],
        fmt=lambda v: indicator.format_value(Decimal(v)),
    )
    latest = assess_series(indicator, series, targets)
    return IndicatorPage(
        indicator=indicator,
        rows=rows,
        chart=chart,
        latest=latest,
        comparator_kinds=[ComparatorKind(kind).label for kind in comparators],
    )


@dataclass
class CatalogueEntry:
    indicator: Indicator
    tracked: bool
    targets: int


def catalogue(organisation: Organisation, indicators=None) -> list[tuple[IndicatorCategory, list[CatalogueEntry]]]:
    """Every indicator the service may track (the shared catalogue and its own), or those of
    `indicators` (the catalogue's search), by category, with whether it is tracked and how many
    targets it has: three queries."""
    tracked = set(TrackedIndicator.objects.for_org(organisation).values_list("indicator_id", flat=True))
    targets = dict(
        Target.objects.for_org(organisation)
        .values("indicator_id")
        .annotate(n=Count("pk"))
        .values_list("indicator_id", "n")
    )
    groups: dict[int, tuple[IndicatorCategory, list[CatalogueEntry]]] = {}
    if indicators is None:
        indicators = Indicator.objects.available_to(organisation)
    for indicator in indicators.select_related("category"):
        entry = CatalogueEntry(indicator, indicator.pk in tracked, targets.get(indicator.pk, 0))
        groups.setdefault(indicator.category_id, (indicator.category, []))[1].append(entry)
    return sorted(groups.values(), key=lambda group: (group[0].order, group[0].name))


@dataclass
class IndicatorSettings:
    indicator: Indicator
    tracked: bool
    targets: list[Target]
    comparators: list[Comparator]
    history: list


def indicator_settings(organisation: Organisation, indicator: Indicator) -> IndicatorSettings:
    targets = list(Target.objects.for_org(organisation).filter(indicator=indicator).order_by("-applies_from"))
    changes = Target.history.filter(organisation=organisation, indicator=indicator).select_related("history_user")
    return IndicatorSettings(
        indicator=indicator,
        tracked=TrackedIndicator.objects.for_org(organisation).filter(indicator=indicator).exists(),
        targets=targets,
        comparators=list(
            Comparator.objects.for_org(organisation).filter(indicator=indicator).order_by("-period", "kind")
        ),
        history=history_rows(changes, limit=30, subjects=True),
    )


# --- The live tracker ------------------------------------------------------------------------

# The five figures: (CohortMonth property, heading, chart title, unit shown, numerator and
# denominator counts).
TRACKER_FIGURES = [
    ("binary_rate", "Binary rate: % of the cohort who have reoffended", "Binary rate", "%", "reoffenders", "members"),
    (
        "frequency_rate",
        "Frequency rate: reoffences per child in the cohort",
        "Frequency rate",
        "",
        "reoffences",
        "members",
    ),
    ("per_reoffender", "Reoffences per reoffender", "Reoffences per reoffender", "", "reoffences", "reoffenders"),
    (
        "first_month_rate",
        "Reoffending in the first month of supervision (% of the cohort)",
        "First month of supervision",
        "%",
        "first_month_reoffenders",
        "members",
    ),
    (
        "violent_share",
        "Violent reoffences (% of reoffences)",
        "Violent reoffences",
        "%",
        "violent_reoffences",
        "reoffences",
    ),
]


@dataclass
class TrackerFigure:
    key: str
    title: str
    rows: list[tuple[int, list[str]]]  # (month of follow-up, the figure shown for each cohort)
    chart: object


@dataclass
class Tracker:
    cohorts: list  # every cohort of the service, to choose from
    shown: list  # the cohorts compared, oldest first
    as_at: datetime.date
    sizes: list[int | None]  # members of each shown cohort at the last month it reached (None: none yet)
    figures: list[TrackerFigure]

    @property
    def compared(self) -> list[tuple]:
        return list(zip(self.shown, self.sizes, strict=True))


def live_tracker(
    organisation: Organisation,
    *,
    as_at: datetime.date,
    cohort_ids: list[int] | None = None,
    recorded: Moment = None,
) -> Tracker:
    """Cohorts side by side, month by month of their follow-up, as the records stood on `as_at`
    (and as they had been recorded at the moment `recorded`, if given): the chosen cohorts, or
    else the two latest begun by then. Three queries, whatever their number and size."""
    cohorts = list(as_recorded(Cohort, organisation, recorded).order_by("period_start", "id"))
    # By default the service's own live tracker (the cohorts that feed its dashboard), or else
    # any cohort: the two latest begun by the day.
    begun = [c for c in cohorts if c.period_start <= as_at]
    tracking = [c for c in begun if c.feeds_dashboard] or begun
    shown = [c for c in cohorts if c.id in cohort_ids] if cohort_ids else tracking[-2:]
    months = {
        pk: {m.month: m for m in found} for pk, found in cohorts_months(shown, as_at=as_at, recorded=recorded).items()
    }
    longest = max((c.follow_up_months for c in shown), default=0)
    figures = []
    for key, title, short, unit, numerator, denominator in TRACKER_FIGURES:
        rows = []
        for number in range(1, longest + 1):
            cells = []
            for cohort in shown:
                month = months[cohort.id].get(number)
                value = getattr(month, key) if month else None
                counts = f" ({getattr(month, numerator)} of {getattr(month, denominator)})" if unit and month else ""
                cells.append("—" if value is None else f"{value}{unit}{counts}")
            if any(cell != "—" for cell in cells):
                rows.append((number, cells))
        chart = line_chart(
            title=f"{short}, by month of follow-up",
            y_label=unit or "reoffences",
            series=[Series(c.name, [(n, getattr(m, key)) for n, m in months[c.id].items()]) for c in shown],
            x_fmt=lambda n: f"Month {n}",
            fmt=lambda v: f"{v:g}",
        )
        figures.append(TrackerFigure(key, title, rows, chart))
    sizes = [max((m.members for m in months[c.id].values()), default=None) for c in shown]
    return Tracker(cohorts, shown, as_at, sizes, figures)


CASES_PER_PAGE = 50


def tracker_cases(organisation: Organisation, *, page: str | None):
    """The service's case records, a page at a time, with their outcome and reoffence counts."""
    cases = (
        Case.objects.for_org(organisation)
        .annotate(
            outcomes_count=Count("outcomes", distinct=True),
            reoffences_count=Count("reoffences", distinct=True),
            first_outcome=Min("outcomes__date"),
        )
        .order_by("reference")
    )
    paginator = Paginator(cases, CASES_PER_PAGE)
    return paginator.page(page_number(page, paginator.num_pages))


def latest_period(organisation: Organisation, on: datetime.date, recorded: Moment = None) -> datetime.date | None:
    """The latest period with a measurement by a day: the dashboard as it stood then (as recorded
    at the moment `recorded`, if given)."""
    return (
        as_recorded(Measurement, organisation, recorded)
        .filter(period__lte=on)
        .order_by("-period")
        .values_list("period", flat=True)
        .first()
    )


@dataclass
class AuditRow:
    """An audit as the list shows it: its month as printed, and the grade of each area (None: not
    applicable)."""

    audit: CaseAudit
    month: str
    assessment: AuditGrade | None
    intervention: AuditGrade | None
    risk: AuditGrade | None
    vulnerability: AuditGrade | None
    overall: AuditGrade | None


def audit_rows(audits, grades: list[AuditGrade]) -> list[AuditRow]:
    """The audits with their grades looked up among the service's few, not joined into each row,
    and each month formatted once: a list of hundreds spent most of its time on both."""
    by_pk = {grade.pk: grade for grade in grades}
    areas = [f"{area}_id" for area, _ in AUDIT_AREAS] + ["overall_id"]
    months = {}
    rows = []
    for audit in audits:
        if audit.month not in months:
            months[audit.month] = date_format(audit.month, "M Y")
        rows.append(AuditRow(audit, months[audit.month], *(by_pk.get(getattr(audit, area)) for area in areas)))
    return rows


AUDITS_PER_PAGE = 50


def page_number(requested: str | None, last: int) -> int:
    """The page a requested number means: the nearest of 1 to last, page 1 for one that is not a
    number. Django's get_page sends 0 and negatives to the last page, and a bookmarked page 3 of
    a list that has since shrunk should land on its last page, not an error."""
    try:
        number = int(requested)
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), last)


def audit_page(audits, grades: list[AuditGrade], page: str | None) -> Page:
    """A page of the audits as the list shows them (AuditRow), newest first; the paginator counts
    them all in one query, whatever their number."""
    paginator = Paginator(audits.order_by("-month", "case_reference", "pk"), AUDITS_PER_PAGE)
    shown = paginator.page(page_number(page, paginator.num_pages))
    shown.object_list = audit_rows(shown.object_list, grades)
    return shown


@dataclass
class GradeSplit:
    """One audit area across a set of audits: how many had each grade, and how many did not
    apply, with each grade's share of those graded."""

    label: str
    counts: list[tuple[AuditGrade, int, Decimal | None]]  # grade, audits, % of those graded
    not_applicable: int | None  # None: the area always applies (the overall grade)


def audit_distribution(organisation: Organisation, audits, grades: list[AuditGrade] | None = None) -> list[GradeSplit]:
    """The split across grades of every area of a set of audits (seed 000's Appendix A reports
    Good, Satisfactory, Not satisfactory and Poor), in one aggregate query (and one for the
    service's grades, unless given)."""
    grades = list(AuditGrade.objects.for_org(organisation)) if grades is None else grades
    areas = [*AUDIT_AREAS, ("overall", "Overall")]
    counts = {}
    for area, _ in areas:
        counts[f"{area}__none"] = Count("pk", filter=Q(**{f"{area}__isnull": True}))
        for grade in grades:
            counts[f"{area}__{grade.pk}"] = Count("pk", filter=Q(**{f"{area}_id": grade.pk}))
    row = audits.order_by().aggregate(**counts)
    splits = []
    for area, label in areas:
        graded = sum(row[f"{area}__{grade.pk}"] for grade in grades)
        shares = []
        for grade in grades:
            count = row[f"{area}__{grade.pk}"]
            share = rag.compute_value(count, graded, 100).quantize(Decimal("0.1")) if graded else None
            shares.append((grade, count, share))
        splits.append(GradeSplit(label, shares, None if area == "overall" else row[f"{area}__none"]))
    return splits


def kpi_values(organisation: Organisation, quarter: datetime.date) -> list[tuple[Indicator, Measurement | None]]:
    """The YJB KPI measures the organisation tracks, each with its value for the quarter."""
    order = {data["code"]: n for n, data in enumerate(INDICATORS)}
    tracked = sorted(
        TrackedIndicator.objects.for_org(organisation)
        .filter(indicator__category__code="yjb_kpis", indicator__organisation__isnull=True)
        .select_related("indicator"),
        key=lambda t: order.get(t.indicator.code, len(order)),
    )
    values = {
        m.indicator_id: m
        for m in Measurement.objects.for_org(organisation).filter(
            period=quarter, indicator__in=[t.indicator for t in tracked]
        )
    }
    return [(t.indicator, values.get(t.indicator_id)) for t in tracked]
