"""The live tracker's five figures, worked by hand on a small cohort (the `cases` fixture in
performance/tests/conftest.py): a child with two reoffences (one in the first month, one
violent), one whose reoffence was proven late, one who did not reoffend, one whose only offence
came before their outcome, one outside the period, and one whose reoffence was proven after the
YJB's wait."""

import datetime
from decimal import Decimal

import pytest

from performance.choices import CohortConvention
from performance.cohorts import cohort_members, cohort_months, yjb_final_on
from performance.models import Case, Cohort
from performance.tests.conftest import hand_worked_case

pytestmark = pytest.mark.django_db
D = datetime.date


def _cohort(organisation, convention, end):
    return Cohort.objects.create(
        organisation=organisation, name=convention, period_start=D(2017, 1, 1), period_end=end, convention=convention
    )


def _figures(month):
    return (month.binary_rate, month.frequency_rate, month.per_reoffender, month.first_month_rate, month.violent_share)


def test_a_child_joins_by_their_first_outcome_in_the_period(organisation, cases):
    members = cohort_members(_cohort(organisation, CohortConvention.LIVE, D(2017, 12, 31)))
    by_reference = {Case.objects.get(pk=pk).reference: index for pk, index in members.items()}
    assert by_reference == {
        "LW-A1": D(2017, 1, 10),
        "LW-B1": D(2017, 2, 15),
        "LW-C1": D(2017, 3, 1),  # its 2016 outcome is before the period
        "LW-D1": D(2017, 1, 5),  # its second outcome does not move it
        "LW-F1": D(2017, 3, 10),
    }  # LW-E1's outcome is in 2018


def test_the_live_tracker_counts_month_by_month_what_is_proven_by_the_day(organisation, cases):
    cohort = _cohort(organisation, CohortConvention.LIVE, D(2017, 12, 31))

    at_year_end = cohort_months(cohort, as_at=D(2017, 12, 31))
    assert [m.month for m in at_year_end] == list(range(1, 13))
    january, april = at_year_end[0], at_year_end[3]
    assert (january.as_at, january.members, january.reoffences) == (D(2017, 1, 31), 2, 1)  # A and D so far
    assert (april.members, april.reoffenders, april.reoffences) == (5, 1, 2)
    # The child with two reoffences, one in the first month and violent; D's offence came first.
    assert _figures(april) == (Decimal("20.0"), Decimal("0.40"), Decimal("2.00"), Decimal("20.0"), Decimal("50.0"))
    # B's June offence is not proven until March 2018, F's until October 2018.
    assert at_year_end[11].reoffences == 2

    later = cohort_months(cohort, as_at=D(2019, 1, 31))[11]
    assert (later.members, later.reoffenders, later.reoffences, later.violent_reoffences) == (5, 3, 4, 2)
    assert _figures(later) == (Decimal("60.0"), Decimal("0.80"), Decimal("1.33"), Decimal("20.0"), Decimal("50.0"))


def test_months_not_over_have_no_figures(organisation, cases):
    cohort = _cohort(organisation, CohortConvention.LIVE, D(2017, 12, 31))
    assert [m.month for m in cohort_months(cohort, as_at=D(2017, 6, 15))] == [1, 2, 3, 4, 5]


def test_the_yjb_measure_waits_six_months_and_leaves_out_what_was_proven_after(organisation, cases):
    cohort = _cohort(organisation, CohortConvention.YJB, D(2017, 3, 31))
    assert yjb_final_on(cohort) == D(2018, 9, 30)
    assert cohort_months(cohort, as_at=D(2018, 9, 29)) == []

    months = cohort_months(cohort, as_at=D(2018, 9, 30))
    assert [m.month for m in months] == list(range(1, 13))
    assert (months[0].reoffenders, months[0].reoffences) == (1, 1)  # A, within a month of the outcome
    final = months[11]
    # F's offence was proven 18 months and three weeks after its outcome: past the wait.
    assert (final.members, final.reoffenders, final.reoffences, final.violent_reoffences) == (5, 2, 3, 1)
    assert _figures(final) == (Decimal("40.0"), Decimal("0.60"), Decimal("1.50"), Decimal("20.0"), Decimal("33.3"))


def test_a_cohort_with_nobody_has_no_rates(organisation):
    cohort = _cohort(organisation, CohortConvention.LIVE, D(2017, 12, 31))
    january = cohort_months(cohort, as_at=D(2017, 2, 1))[0]
    assert (january.members, january.binary_rate, january.per_reoffender, january.violent_share) == (
        0,
        None,
        None,
        None,
    )


def test_another_services_cases_are_never_in_the_cohort(organisation, other_organisation, cases):
    hand_worked_case(other_organisation, "BR-X1", [D(2017, 1, 2)], [(D(2017, 1, 3), D(2017, 1, 4), True)])
    january = cohort_months(_cohort(organisation, CohortConvention.LIVE, D(2017, 12, 31)), as_at=D(2017, 3, 31))[0]
    assert (january.members, january.reoffences) == (2, 1)  # A and D; A's offence proven on 1 March
