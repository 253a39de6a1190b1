"""The performance RAG and trend rule: computed, never typed. The one place it lives.

Green: the target is met. Amber: missed, but within the target's tolerance. Red: missed by more.
No data: nothing measured for the period. Not rated: a value but no target to judge it by.
Polarity decides what "met" means: at or below the target when lower is better, at or above
when higher is better. Trends compare with the previous period and with a year before, and say
whether the indicator got better, stayed the same or got worse, again by polarity.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class KpiStatus:
    code: str
    label: str
    colour: str
    meaning: str


GREEN = KpiStatus("G", "Green", "#00703c", "Target met")
AMBER = KpiStatus("A", "Amber", "#ffbf47", "Toward target: within tolerance")
RED = KpiStatus("R", "Red", "#d4351c", "Target not met")
NO_DATA = KpiStatus("N", "No data", "#f3f2f1", "No value for this period")
NOT_RATED = KpiStatus("X", "Not rated", "#b1b4b6", "No target set")
STATUSES = [GREEN, AMBER, RED, NOT_RATED, NO_DATA]


@dataclass(frozen=True)
class Trend:
    code: str
    label: str
    arrow: str


BETTER = Trend("better", "Better", "▲")
SAME = Trend("same", "No change", "▶")
WORSE = Trend("worse", "Worse", "▼")


def assess(value: Decimal | None, target: Decimal | None, tolerance: Decimal, *, lower_is_better: bool) -> KpiStatus:
    if value is None:
        return NO_DATA
    if target is None:
        return NOT_RATED
    shortfall = (value - target) if lower_is_better else (target - value)
    if shortfall <= 0:
        return GREEN
    if shortfall <= tolerance:
        return AMBER
    return RED


def trend(current: Decimal | None, earlier: Decimal | None, *, lower_is_better: bool) -> Trend | None:
    if current is None or earlier is None:
        return None
    if current == earlier:
        return SAME
    improved = current < earlier if lower_is_better else current > earlier
    return BETTER if improved else WORSE


def compute_value(numerator: Decimal, denominator: Decimal, multiplier: Decimal) -> Decimal:
    """numerator ÷ denominator × multiplier, to four decimal places (e.g. reoffenders ÷ cohort × 100)."""
    if denominator <= 0:
        raise ValueError("The denominator must be more than zero.")
    return (Decimal(numerator) / Decimal(denominator) * Decimal(multiplier)).quantize(Decimal("0.0001"))


def period_start(day: datetime.date, frequency: str) -> datetime.date:
    """The first day of the month, quarter or (April-to-March) year that contains `day`."""
    if frequency == "monthly":
        return day.replace(day=1)
    if frequency == "quarterly":
        return datetime.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    year = day.year if day.month >= 4 else day.year - 1
    return datetime.date(year, 4, 1)


def is_latest_available(value_period: datetime.date | None, shown_for: datetime.date, frequency: str) -> bool:
    """Whether a value shown for a period is older than its indicator's frequency allows, so it
    is not that period's figure but only the latest there is: a monthly figure older than the month
    before, a quarterly one older than the quarter before, a yearly one older than the year before
    (each period's figures come in after it ends)."""
    if value_period is None:
        return False
    previous = period_start(period_start(shown_for, frequency) - datetime.timedelta(days=1), frequency)
    return value_period < previous


def year_before(day: datetime.date) -> datetime.date:
    return day.replace(year=day.year - 1)


def period_name(start: datetime.date, frequency: str) -> str:
    """The period that starts on `start`, as a page names it: March 2017, Jan–Mar 2017 or
    Apr 2017–Mar 2018."""
    if frequency == "monthly":
        return f"{start:%B %Y}"
    if frequency == "quarterly":
        return f"{start:%b}–{start.replace(month=start.month + 2):%b %Y}"  # quarters start Jan, Apr, Jul, Oct
    return f"{start:%b %Y}–Mar {start.year + 1}"
