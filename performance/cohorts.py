"""The live tracker's five figures for a cohort, month by month of its follow-up: the one place
the rule lives (the tracker page, the dashboard's live-tracker indicators and the recompute all
read it).

- binary rate: % of the cohort who have reoffended;
- frequency rate: reoffences per member of the cohort;
- reoffences per reoffender;
- first month: % of the cohort who reoffended within a month of their qualifying outcome;
- violent: % of the reoffences that are violent.

A child belongs to a cohort by their first qualifying outcome in its period (its "index date").
A reoffence counts when it was committed after the index date and, under the YJB convention,
within the month of follow-up reached and proven within the follow-up and the wait after it
(MoJ, Guide to Proven Reoffending Statistics, April 2019, 2.1); under the live tracker's, by the
end of the calendar month reached, proven by the date the figures are as at. Months not yet over
on that date have no figures. Two queries, whatever the cohorts' number and size.
"""

import calendar
import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from performance.choices import CohortConvention
from performance.models import Cohort, QualifyingOutcome, Reoffence
from yos_tracker.history import Moment, as_recorded


@dataclass(frozen=True)
class CohortMonth:
    """A cohort's counts at the end of month `month` of its follow-up (1 is the first)."""

    month: int
    as_at: datetime.date  # the last day this month's figures cover
    members: int
    reoffenders: int
    reoffences: int
    first_month_reoffenders: int
    violent_reoffences: int

    @property
    def binary_rate(self) -> Decimal | None:
        return _ratio(self.reoffenders, self.members, 100)

    @property
    def frequency_rate(self) -> Decimal | None:
        return _ratio(self.reoffences, self.members, 1, places="0.01")

    @property
    def per_reoffender(self) -> Decimal | None:
        return _ratio(self.reoffences, self.reoffenders, 1, places="0.01")

    @property
    def first_month_rate(self) -> Decimal | None:
        return _ratio(self.first_month_reoffenders, self.members, 100)

    @property
    def violent_share(self) -> Decimal | None:
        return _ratio(self.violent_reoffences, self.reoffences, 100)


def _ratio(numerator: int, denominator: int, multiplier: int, places: str = "0.1") -> Decimal | None:
    if not denominator:
        return None
    return (Decimal(numerator) * multiplier / Decimal(denominator)).quantize(Decimal(places), ROUND_HALF_UP)


def _outcomes(
    organisation, start: datetime.date, end: datetime.date, recorded: Moment = None
) -> list[tuple[int, datetime.date]]:
    """(case id, date) of the organisation's qualifying outcomes from `start` to `end` (as recorded
    at the moment `recorded`, if given)."""
    return list(
        as_recorded(QualifyingOutcome, organisation, recorded)
        .filter(date__gte=start, date__lte=end)
        .values_list("case_id", "date")
    )


def _members(cohort: Cohort, outcomes) -> dict[int, datetime.date]:
    members: dict[int, datetime.date] = {}
    for case, day in outcomes:
        if cohort.period_start <= day <= cohort.period_end and (case not in members or day < members[case]):
            members[case] = day
    return members


def cohort_members(cohort: Cohort) -> dict[int, datetime.date]:
    """Case id → index date: the first qualifying outcome in the cohort's period."""
    return _members(cohort, _outcomes(cohort.organisation, cohort.period_start, cohort.period_end))


def cohort_months(cohort: Cohort, *, as_at: datetime.date) -> list[CohortMonth]:
    """The cohort's counts for each month of its follow-up that has ended by `as_at`."""
    return cohorts_months([cohort], as_at=as_at)[cohort.pk]


def cohorts_months(
    cohorts: list[Cohort], *, as_at: datetime.date, recorded: Moment = None
) -> dict[int, list[CohortMonth]]:
    """cohort_months for several cohorts of one organisation, in two queries in all: the outcomes
    and the reoffences of their periods, shared between them; with `recorded`, the case records as
    they had been recorded at that moment."""
    if not cohorts:
        return {}
    organisation = cohorts[0].organisation
    start, end = min(c.period_start for c in cohorts), max(c.period_end for c in cohorts)
    outcomes = _outcomes(organisation, start, end, recorded)
    offences_of: dict[int, list] = {}
    for offence in (
        as_recorded(Reoffence, organisation, recorded)
        .filter(offence_date__gte=start, proven_date__lte=as_at)
        .values_list("case_id", "offence_date", "proven_date", "violent")
    ):
        offences_of.setdefault(offence[0], []).append(offence)
    found = {}
    for cohort in cohorts:
        members = _members(cohort, outcomes)
        offences = [o for case in members for o in offences_of.get(case, ()) if o[1] >= cohort.period_start]
        found[cohort.id] = _months(cohort, members, offences, as_at)
    return found


def _months(cohort: Cohort, members: dict, offences: list, as_at: datetime.date) -> list[CohortMonth]:
    if cohort.convention == CohortConvention.YJB and as_at < yjb_final_on(cohort):
        return []  # the national measure is only complete once every child's wait is over
    follow_up = cohort.follow_up_months
    # Each counted offence is placed once, in the first month of follow-up that includes it, and
    # the months are then running totals: one pass over the offences, not one a month.
    new_offences, new_violent = [0] * (follow_up + 1), [0] * (follow_up + 1)
    first_offence: dict[int, int] = {}  # case → the month its first counted offence falls in
    first_month: dict[int, int] = {}  # case → the month its first offence within a month of its outcome falls in
    for case, offence_date, proven_date, violent in offences:
        index = members[case]
        if offence_date <= index:
            continue
        month = _month_of(cohort, index, offence_date, proven_date)
        if month is None:
            continue
        new_offences[month] += 1
        new_violent[month] += violent
        first_offence[case] = min(first_offence.get(case, month), month)
        if offence_date <= plus_months(index, 1):
            first_month[case] = min(first_month.get(case, month), month)
    joined = [0] * (follow_up + 1)
    for index in members.values():
        joined[_calendar_month(cohort, index) if cohort.convention == CohortConvention.LIVE else 1] += 1
    reoffenders_in, first_month_in = [0] * (follow_up + 1), [0] * (follow_up + 1)
    for month in first_offence.values():
        reoffenders_in[month] += 1
    for month in first_month.values():
        first_month_in[month] += 1

    months, totals = [], [0, 0, 0, 0, 0]  # members, reoffenders, reoffences, first month, violent
    for month in range(1, follow_up + 1):
        if cohort.convention == CohortConvention.YJB:
            end = plus_months(cohort.period_end, month)  # the last child's month `month` ends
        else:
            end = plus_months(cohort.period_start, month) - datetime.timedelta(days=1)
            if end > as_at:
                break
        for i, added in enumerate((joined, reoffenders_in, new_offences, first_month_in, new_violent)):
            totals[i] += added[month]
        months.append(CohortMonth(month, min(end, as_at), *totals[:4], violent_reoffences=totals[4]))
    return months


def _calendar_month(cohort: Cohort, day: datetime.date) -> int:
    """Which month since the cohort began `day` falls in (1 is its first)."""
    return (day.year - cohort.period_start.year) * 12 + day.month - cohort.period_start.month + 1


def _month_of(cohort: Cohort, index: datetime.date, offence: datetime.date, proven: datetime.date) -> int | None:
    """The month of follow-up an offence is first counted in, or None if it is never counted."""
    if cohort.convention == CohortConvention.LIVE:
        month = _calendar_month(cohort, offence)
        return month if month <= cohort.follow_up_months else None
    if proven > plus_months(index, cohort.follow_up_months + cohort.wait_months):
        return None
    month = max(1, (offence.year - index.year) * 12 + offence.month - index.month)
    while month <= cohort.follow_up_months:
        if offence <= plus_months(index, month):
            return month
        month += 1
    return None


def yjb_final_on(cohort: Cohort) -> datetime.date:
    """The day a cohort's YJB figures are complete: its period, the follow-up and the wait over."""
    return plus_months(cohort.period_end, cohort.follow_up_months + cohort.wait_months)


def plus_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or that month's last day if it is shorter (31 January + 1
    month is 28 or 29 February), as a calendar reads it; cheaper than relativedelta in a loop."""
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    return datetime.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))
