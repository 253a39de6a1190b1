"""The RAG and trend rule as a table of cases: both polarities, tolerance, missing data."""

import datetime
from decimal import Decimal as D

import pytest

from performance import rag


@pytest.mark.parametrize(
    "value, target, tolerance, lower_is_better, expected",
    [
        # Lower is better (reoffending, custody): at or under target is met.
        (D("39.7"), D("40"), D("2"), True, rag.GREEN),
        (D("40"), D("40"), D("2"), True, rag.GREEN),
        (D("41.5"), D("40"), D("2"), True, rag.AMBER),
        (D("42"), D("40"), D("2"), True, rag.AMBER),  # exactly at the tolerance is still Amber
        (D("42.1"), D("40"), D("2"), True, rag.RED),
        (D("40.1"), D("40"), D("0"), True, rag.RED),  # no tolerance: any miss is Red
        # Higher is better (EET, accommodation): at or over target is met.
        (D("85"), D("80"), D("5"), False, rag.GREEN),
        (D("80"), D("80"), D("5"), False, rag.GREEN),
        (D("76"), D("80"), D("5"), False, rag.AMBER),
        (D("75"), D("80"), D("5"), False, rag.AMBER),
        (D("74.9"), D("80"), D("5"), False, rag.RED),
        # Missing data is its own state, distinct from Red.
        (None, D("80"), D("5"), False, rag.NO_DATA),
        (None, None, D("0"), True, rag.NO_DATA),
        (D("12"), None, D("0"), True, rag.NOT_RATED),
    ],
)
def test_rag(value, target, tolerance, lower_is_better, expected):
    assert rag.assess(value, target, tolerance, lower_is_better=lower_is_better) == expected


@pytest.mark.parametrize(
    "current, earlier, lower_is_better, expected",
    [
        (D("39.7"), D("56.3"), True, rag.BETTER),
        (D("56.3"), D("39.7"), True, rag.WORSE),
        (D("80"), D("70"), False, rag.BETTER),
        (D("70"), D("80"), False, rag.WORSE),
        (D("23"), D("23"), True, rag.SAME),
        (D("23"), D("23"), False, rag.SAME),
        (None, D("23"), True, None),
        (D("23"), None, False, None),
    ],
)
def test_trend(current, earlier, lower_is_better, expected):
    assert rag.trend(current, earlier, lower_is_better=lower_is_better) == expected


@pytest.mark.parametrize(
    "numerator, denominator, multiplier, expected",
    [
        (45, 80, 100, D("56.2500")),  # binary reoffending %: reoffenders ÷ cohort × 100
        (31, 78, 100, D("39.7436")),
        (120, 80, 1, D("1.5000")),  # frequency: reoffences ÷ cohort
        (120, 45, 1, D("2.6667")),  # reoffences per reoffender
        (130, 25374, 100000, D("512.3355")),  # first-time entrants per 100,000 of the 10–17 population
        (23, 25374, 1000, D("0.9064")),  # custody per 1,000
    ],
)
def test_computed_rates(numerator, denominator, multiplier, expected):
    assert rag.compute_value(D(numerator), D(denominator), D(multiplier)) == expected


def test_a_zero_denominator_is_refused():
    with pytest.raises(ValueError, match="denominator"):
        rag.compute_value(D(3), D(0), D(100))


@pytest.mark.parametrize(
    "day, frequency, expected",
    [
        (datetime.date(2017, 3, 31), "monthly", datetime.date(2017, 3, 1)),
        (datetime.date(2017, 3, 31), "quarterly", datetime.date(2017, 1, 1)),
        (datetime.date(2017, 11, 2), "quarterly", datetime.date(2017, 10, 1)),
        (datetime.date(2017, 3, 31), "annual", datetime.date(2016, 4, 1)),
        (datetime.date(2017, 4, 1), "annual", datetime.date(2017, 4, 1)),
    ],
)
def test_period_start(day, frequency, expected):
    assert rag.period_start(day, frequency) == expected


@pytest.mark.parametrize(
    "value_period, shown_for, frequency, old",
    [
        (datetime.date(2017, 6, 1), datetime.date(2017, 6, 1), "monthly", False),
        (datetime.date(2017, 5, 1), datetime.date(2017, 6, 1), "monthly", False),  # last month's: figures lag
        (datetime.date(2017, 4, 1), datetime.date(2017, 6, 1), "monthly", True),
        (datetime.date(2017, 1, 1), datetime.date(2017, 6, 1), "quarterly", False),  # the quarter before
        (datetime.date(2016, 10, 1), datetime.date(2017, 6, 1), "quarterly", True),
        (datetime.date(2016, 4, 1), datetime.date(2017, 6, 1), "annual", False),  # the April year before
        (datetime.date(2015, 4, 1), datetime.date(2017, 6, 1), "annual", True),
        (datetime.date(2017, 6, 1), datetime.date(2019, 6, 1), "monthly", True),  # two years old
        (None, datetime.date(2019, 6, 1), "monthly", False),  # no value: "No data", not old
    ],
)
def test_a_value_older_than_its_frequency_allows_is_only_the_latest_available(value_period, shown_for, frequency, old):
    assert rag.is_latest_available(value_period, shown_for, frequency) is old
