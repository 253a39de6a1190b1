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
on that date have no figures. Two queries, whatever the cohort's size.
"""

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from dateutil.relativedelta import relativedelta
from django.db.models import Min

from performance.choices import CohortConvention
from performance.models import Cohort, QualifyingOutcome, Reoffence


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


def cohort_members(cohort: Cohort) -> dict[int, datetime.date]:
    """Case id → index date: the first qualifying outcome in the cohort's period."""
    rows = (
        QualifyingOutcome.objects.for_org(cohort.organisation)
        .filter(date__gte=cohort.period_start, date__lte=cohort.period_end)
        .order_by()
        .values("case_id")
        .annotate(index=Min("date"))
    )
    return {row["case_id"]: row["index"] for row in rows}


def cohort_months(cohort: Cohort, *, as_at: datetime.date) -> list[CohortMonth]:
    """The cohort's counts for each month of its follow-up that has ended by `as_at`."""
    members = cohort_members(cohort)
    offences = list(
        Reoffence.objects.for_org(cohort.organisation)
        .filter(case_id__in=list(members), offence_date__gte=cohort.period_start, proven_date__lte=as_at)
        .values_list("case_id", "offence_date", "proven_date", "violent")
    )
    offences = [o for o in offences if o[1] > members[o[0]]]
    if cohort.convention == CohortConvention.YJB and as_at < yjb_final_on(cohort):
        return []  # the national measure is only complete once every child's wait is over
    months = []
    for month in range(1, cohort.follow_up_months + 1):
        if cohort.convention == CohortConvention.YJB:
            end = cohort.period_end + relativedelta(months=month)  # the last child's month `month` ends
            within = relativedelta(months=month)
            proven_by = relativedelta(months=cohort.follow_up_months + cohort.wait_months)
            present = members
            counted = [o for o in offences if o[1] <= members[o[0]] + within and o[2] <= members[o[0]] + proven_by]
        else:
            end = cohort.period_start + relativedelta(months=month) - datetime.timedelta(days=1)
            if end > as_at:
                break
            present = {case: index for case, index in members.items() if index <= end}
            counted = [o for o in offences if o[0] in present and o[1] <= end]
        first = {o[0] for o in counted if o[1] <= present[o[0]] + relativedelta(months=1)}
        months.append(
            CohortMonth(
                month=month,
                as_at=min(end, as_at),
                members=len(present),
                reoffenders=len({o[0] for o in counted}),
                reoffences=len(counted),
                first_month_reoffenders=len(first),
                violent_reoffences=sum(1 for o in counted if o[3]),
            )
        )
    return months


def yjb_final_on(cohort: Cohort) -> datetime.date:
    """The day a cohort's YJB figures are complete: its period, the follow-up and the wait over."""
    return cohort.period_end + relativedelta(months=cohort.follow_up_months + cohort.wait_months)
