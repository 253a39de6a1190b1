"""Lewisham's live-tracker demo: case-level records from which the tracker's figures are computed.

From the seeds: seed 004 says the live tracker follows everyone with a substantive outcome from
January to December 2017, that 2018 is compared with 2017, and that reoffending fell from 56.3%
(the January–March 2016 cohort) to 39.7% (the cohort tracked since January–March 2017). The two
YJB-convention cohorts are built to give exactly those two rates (40 of 71, 25 of 63).

Everything else is illustrative and says so: no seed gives a cohort's size, its month-by-month
figures or any child's record. The references (LW-LT-…) are made up and pseudonymous; a fixed
random seed makes the demo the same every time.
"""

import datetime
import random

from dateutil.relativedelta import relativedelta

from performance.choices import VIOLENT_OFFENCES, CohortConvention, OffenceType
from performance.models import Case, Cohort, OutcomeKind, QualifyingOutcome, Reoffence
from yos_tracker.models import Organisation

ILLUSTRATIVE = "Illustrative: case-level demo records, not Lewisham's."
SEEDED_NOTE = "Binary rate as seed 004 reports it (56.3% in 2016, 39.7% in 2017); the case records are illustrative."
# (first month, months, children, of whom reoffend within 12 months, proven within the wait)
SEEDED_QUARTERS = [(datetime.date(2016, 1, 1), 3, 71, 40), (datetime.date(2017, 1, 1), 3, 63, 25)]
# Illustrative: children entering each later month, and the share who reoffend.
LATER_MONTHS = [(datetime.date(2017, 4, 1), 9, 11, 0.36), (datetime.date(2018, 1, 1), 12, 10, 0.30)]
OFFENCES = [t for t in OffenceType if t not in VIOLENT_OFFENCES]
TEAMS = ["Court team", "Out of court team", "Intensive supervision"]
D = datetime.date
COHORTS = [  # name, outcomes from, to, convention, feeds the dashboard
    ("Jan–Mar 2016 (YJB measure)", D(2016, 1, 1), D(2016, 3, 31), CohortConvention.YJB, False),
    ("Jan–Mar 2017 (YJB measure)", D(2017, 1, 1), D(2017, 3, 31), CohortConvention.YJB, False),
    ("2017 live tracker", D(2017, 1, 1), D(2017, 12, 31), CohortConvention.LIVE, True),
    ("2018 live tracker", D(2018, 1, 1), D(2018, 12, 31), CohortConvention.LIVE, True),
]


def load(lewisham: Organisation) -> None:
    if Case.objects.for_org(lewisham).exists():
        return
    rng = random.Random(2017)
    kinds = OutcomeKind.objects.install(lewisham)
    serial = 0
    for first, months, children, reoffenders in SEEDED_QUARTERS:
        chosen = set(rng.sample(range(children), reoffenders))
        for n in range(children):
            serial += 1
            _child(lewisham, rng, kinds, serial, _day_in(rng, first, months), reoffends=n in chosen)
    for first, months, per_month, share in LATER_MONTHS:
        for month in range(months):
            for _ in range(per_month):
                serial += 1
                index = _day_in(rng, first + relativedelta(months=month), 1)
                _child(lewisham, rng, kinds, serial, index, rng.random() < share)
    for name, start, end, convention, feeds in COHORTS:
        Cohort.objects.create(
            organisation=lewisham,
            name=name,
            period_start=start,
            period_end=end,
            convention=convention,
            feeds_dashboard=feeds,
            note=SEEDED_NOTE if convention == CohortConvention.YJB else ILLUSTRATIVE,
        )


def _day_in(rng: random.Random, first: datetime.date, months: int) -> datetime.date:
    last = first + relativedelta(months=months) - datetime.timedelta(days=1)
    return first + datetime.timedelta(days=rng.randrange((last - first).days + 1))


def _child(organisation, rng, kinds: list[OutcomeKind], serial: int, index: datetime.date, reoffends: bool) -> None:
    case = Case.objects.create(
        organisation=organisation,
        reference=f"LW-LT-{serial:04d}",
        team=rng.choice(TEAMS),
        case_manager=f"Case manager {rng.randrange(1, 9)}",
        assessed=rng.random() < 0.93,
        note=ILLUSTRATIVE,
    )
    QualifyingOutcome.objects.create(case=case, date=index, kind=rng.choice(kinds), gravity=rng.randrange(2, 7))
    if not reoffends:
        return
    # One to three reoffences, the first inside the follow-up, each proven within two months
    # (so inside the YJB's six-month wait).
    offence = index + datetime.timedelta(days=rng.randrange(5, 330))
    for _ in range(rng.choice([1, 1, 1, 2, 2, 3])):
        if offence > index + relativedelta(months=12):
            break
        violent = rng.random() < 0.4
        Reoffence.objects.create(
            case=case,
            offence_date=offence,
            proven_date=offence + datetime.timedelta(days=rng.randrange(7, 60)),
            offence_type=rng.choice(sorted(VIOLENT_OFFENCES)) if violent else rng.choice(OFFENCES),
            gravity=rng.randrange(2, 8),
            violent=violent,
        )
        offence += datetime.timedelta(days=rng.randrange(20, 120))
