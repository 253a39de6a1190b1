"""The live tracker's hand-worked cohort, shared by the tests of its figures and of the roll-up
that feeds them to the dashboard."""

import datetime

import pytest

from performance.choices import OffenceType
from performance.models import Case, QualifyingOutcome, Reoffence
from performance.tests.factories import outcome_kind

D = datetime.date


def hand_worked_case(organisation, reference, outcomes, reoffences=()):
    case = Case.objects.create(organisation=organisation, reference=reference)
    for day in outcomes:
        QualifyingOutcome.objects.create(case=case, date=day, kind=outcome_kind(organisation))
    for offence, proven, violent in reoffences:
        Reoffence.objects.create(
            case=case,
            offence_date=offence,
            proven_date=proven,
            offence_type=OffenceType.VIOLENCE if violent else OffenceType.THEFT,
            violent=violent,
        )
    return case


@pytest.fixture
def cases(organisation):
    return {
        "A": hand_worked_case(
            organisation,
            "LW-A1",
            [D(2017, 1, 10)],
            [(D(2017, 1, 25), D(2017, 3, 1), True), (D(2017, 4, 2), D(2017, 5, 10), False)],
        ),
        "B": hand_worked_case(organisation, "LW-B1", [D(2017, 2, 15)], [(D(2017, 6, 1), D(2018, 3, 1), False)]),
        "C": hand_worked_case(organisation, "LW-C1", [D(2016, 11, 1), D(2017, 3, 1)]),
        "D": hand_worked_case(
            organisation, "LW-D1", [D(2017, 1, 5), D(2017, 5, 5)], [(D(2016, 12, 20), D(2017, 1, 5), False)]
        ),
        "E": hand_worked_case(organisation, "LW-E1", [D(2018, 1, 10)], [(D(2018, 2, 1), D(2018, 3, 1), True)]),
        "F": hand_worked_case(organisation, "LW-F1", [D(2017, 3, 10)], [(D(2017, 9, 1), D(2018, 10, 1), True)]),
    }
