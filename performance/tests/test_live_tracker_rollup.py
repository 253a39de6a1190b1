"""The live tracker feeds the dashboard: the monthly roll-up records its five figures as computed
measurements, as they stood at each month's end, and their trend is read against the same month
of the previous cohort, never against the month before (the figures only ever accumulate)."""

import datetime
from decimal import Decimal

import pytest

from performance import rag
from performance.choices import CohortConvention
from performance.models import Cohort, Indicator, Measurement
from performance.rollup import LIVE_TRACKER_SOURCE, case_audit_rollup, live_tracker_figures
from performance.selectors import assess_series

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def tracked(organisation, cases):
    return Cohort.objects.create(
        organisation=organisation,
        name="2017 cohort",
        period_start=D(2017, 1, 1),
        period_end=D(2017, 12, 31),
        convention=CohortConvention.LIVE,
        feeds_dashboard=True,
    )


def _values(organisation, period):
    return dict(
        Measurement.objects.filter(organisation=organisation, period=period, source=LIVE_TRACKER_SOURCE).values_list(
            "indicator__code", "value"
        )
    )


def test_the_roll_up_records_the_five_figures_as_computed_measurements(organisation, tracked):
    case_audit_rollup(organisation=organisation, month=D(2017, 4, 1))
    # At the end of April, A's April offence is not yet proven (10 May): one reoffence of five children.
    assert _values(organisation, D(2017, 4, 1)) == {
        "LT_BINARY": Decimal("20.0000"),
        "LT_FREQUENCY": Decimal("0.2000"),
        "LT_PER_REOFFENDER": Decimal("1.0000"),
        "LT_FIRST_MONTH": Decimal("20.0000"),
        "LT_VIOLENT": Decimal("100.0000"),
    }
    case_audit_rollup(organisation=organisation, month=D(2017, 5, 1))
    assert _values(organisation, D(2017, 5, 1))["LT_FREQUENCY"] == Decimal("0.4000")
    binary = Measurement.objects.get(organisation=organisation, period=D(2017, 4, 1), indicator__code="LT_BINARY")
    assert (binary.numerator, binary.denominator) == (1, 5)

    case_audit_rollup(organisation=organisation, month=D(2017, 4, 1))  # again: replaced, not doubled
    assert Measurement.objects.filter(organisation=organisation, source=LIVE_TRACKER_SOURCE).count() == 10


def test_a_month_is_figured_as_it_stood_at_its_end_not_as_today(organisation, tracked):
    december = live_tracker_figures(organisation=organisation, month=D(2017, 12, 1))
    assert (december.as_at, december.reoffences) == (D(2017, 12, 31), 2)  # B's and F's offences proven in 2018


def test_only_a_cohort_the_service_tracks_on_the_dashboard_feeds_it(organisation, tracked):
    Cohort.objects.filter(pk=tracked.pk).update(feeds_dashboard=False)
    case_audit_rollup(organisation=organisation, month=D(2017, 4, 1))
    assert _values(organisation, D(2017, 4, 1)) == {}
    assert live_tracker_figures(organisation=organisation, month=D(2018, 2, 1)) is None


def test_a_cumulative_indicator_is_compared_with_the_previous_cohort_not_last_month():
    binary = Indicator.objects.get(code="LT_BINARY")
    assert binary.cumulative
    series = [(D(2017, 4, 1), Decimal("20")), (D(2018, 3, 1), Decimal("15")), (D(2018, 4, 1), Decimal("18"))]
    _, _, _, on_previous, on_year, _ = assess_series(binary, series, [])
    assert on_previous is None  # 15 → 18 is the cohort accumulating, not getting worse
    assert on_year == rag.BETTER  # 18 in April 2018 against 20 in April 2017
    assert assess_series(Indicator.objects.get(code="FTE_RATE"), series, [])[3] == rag.WORSE
