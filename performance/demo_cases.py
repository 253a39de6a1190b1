"""Lewisham's reoffending demo: case-level records from which both the YJB measures and the live
tracker's figures are computed (performance/cohorts.py), so that a cohort has one size everywhere.

From the seeds: seed 004 says the live tracker follows everyone with a substantive outcome from
January to December 2017, that 2018 is compared with 2017, and that reoffending fell from 56.3%
(the January–March 2016 cohort) to 39.7% (the cohort tracked since January–March 2017). The YJB
cohorts of those two quarters are built to give exactly those two rates (49 of 87, 31 of 78).

Everything else is illustrative and says so: no seed gives a cohort's size, the other quarters'
rates, the month-by-month figures or any child's record. The references (LW-LT-…) are made up and
pseudonymous; a fixed random seed makes the demo the same every time.
"""

import datetime
import random

from dateutil.relativedelta import relativedelta

from performance.choices import VIOLENT_OFFENCES, CohortConvention, OffenceType
from performance.models import Case, Cohort, OutcomeKind, QualifyingOutcome, Reoffence
from yos_tracker.models import Organisation

ILLUSTRATIVE = "Illustrative: case-level demo records, not Lewisham's."
SEEDED_NOTE = "Binary rate as seed 004 reports it (56.3% in 2016, 39.7% in 2017); the case records are illustrative."
D = datetime.date
# The YJB's 3-month cohorts: (first month, children, of whom reoffend within 12 months and are proven within
# the wait). Only the two marked are seed 004's; the others are ours.
YJB_QUARTERS = [
    (D(2015, 7, 1), 88, 50),
    (D(2015, 10, 1), 89, 50),
    (D(2016, 1, 1), 87, 49),  # seed 004: 56.3%
    (D(2016, 4, 1), 84, 44),
    (D(2016, 7, 1), 82, 40),
    (D(2016, 10, 1), 80, 36),
    (D(2017, 1, 1), 78, 31),  # seed 004: 39.7%
]
SEEDED_QUARTERS = {D(2016, 1, 1), D(2017, 1, 1)}
# Illustrative: children entering each later month, and the share who reoffend.
LATER_MONTHS = [(D(2017, 4, 1), 9, 11, 0.36), (D(2018, 1, 1), 12, 10, 0.30)]
# How many offences a reoffender commits in the follow-up (before it ends): about three, as London's
# reoffences per reoffender were at the time (our comparators).
REOFFENCES = [1, 2, 2, 3, 3, 4, 5]
OFFENCES = [t for t in OffenceType if t not in VIOLENT_OFFENCES]
TEAMS = ["Court team", "Out of court team", "Intensive supervision"]
LIVE_TRACKERS = [  # name, outcomes from, to: the live tracker's cohorts, which feed the dashboard
    ("2017 live tracker", D(2017, 1, 1), D(2017, 12, 31)),
    ("2018 live tracker", D(2018, 1, 1), D(2018, 12, 31)),
]


def load(lewisham: Organisation) -> None:
    if Case.objects.for_org(lewisham).exists():
        return
    rng = random.Random(2017)
    kinds = OutcomeKind.objects.install(lewisham)
    serial = 0
    for first, children, reoffenders in YJB_QUARTERS:
        chosen = set(rng.sample(range(children), reoffenders))
        for n in range(children):
            serial += 1
            _child(lewisham, rng, kinds, serial, _day_in(rng, first, 3), reoffends=n in chosen)
        end = first + relativedelta(months=3, days=-1)
        Cohort.objects.create(
            organisation=lewisham,
            name=f"{first:%b}–{end:%b %Y} (YJB measure)",
            period_start=first,
            period_end=end,
            convention=CohortConvention.YJB,
            note=SEEDED_NOTE if first in SEEDED_QUARTERS else ILLUSTRATIVE,
        )
    for first, months, per_month, share in LATER_MONTHS:
        for month in range(months):
            for _ in range(per_month):
                serial += 1
                index = _day_in(rng, first + relativedelta(months=month), 1)
                _child(lewisham, rng, kinds, serial, index, rng.random() < share)
    for name, start, end in LIVE_TRACKERS:
        Cohort.objects.create(
            organisation=lewisham,
            name=name,
            period_start=start,
            period_end=end,
            convention=CohortConvention.LIVE,
            feeds_dashboard=True,
            note=ILLUSTRATIVE,
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
    # The first reoffence inside the follow-up, each proven within two months (so inside the YJB's
    # six-month wait); those that would fall after the follow-up are not committed.
    offence = index + datetime.timedelta(days=rng.randrange(5, 240))
    for _ in range(rng.choice(REOFFENCES)):
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
        offence += datetime.timedelta(days=rng.randrange(15, 75))
