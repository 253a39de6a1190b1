"""Demo performance data for the indicator catalogue (performance/catalogue_data.py), as plain data.

Which seeds it comes from:

* lewisham  -- seed 000 (Lewisham Safer Stronger Select Committee report, June 2017), Appendix A: which
  indicators Lewisham tracks, in dashboard order, and the RAG colours of the latest period where the
  appendix gives one (CAMHS Green; speech and language Red; S & L specialist intervention and trauma
  Purple, "not started", so no values; vacancy, absence and training Green, agency Red; national
  standards Green). Seed 004 (Lewisham Youth Justice Strategic Plan 2018-21), "Data and Performance
  Outcomes": first-time entrants down 24.1% and "151 per 100,000 less", London down 22.7% and the YOT
  family down more; reoffending from 56.3% (Jan-March cohort) to 39.7%, below the national average; custody
  "23 compared to 44 previous year"; the live tracker of everyone with a substantive outcome from
  January 2017. Seed 004 reports those figures for the quarter October-December 2018 against a year before,
  and the reoffending cohorts of January-March 2016 and 2017: the first-time entrant and custody series run
  to December 2018 so that the dashboard's "a year before" gives seed 004's comparisons at the periods it
  names; Lewisham's other series span the demo period July 2015 - June 2017 (seed 000).
* islington -- seed 001 (Islington, January 2017): improving on first-time entrants (in each of the
  last three quarters), binary reoffending and custody (down for the first time in the latest quarter);
  frequency and reoffences per reoffender still rising as the cohort shrinks.
* BROMLEY_AUDITS -- seed 003 (Bromley, November 2015), paragraph 3.3.4: the October 2015 audit of 15
  court and community cases.

Every other figure is ours: plausible values chosen where the documents give none (said so beside them, and
labelled illustrative where the demo shows them: SEED_FIGURES and illustrative_note). No figure is typed twice:
a rate is computed from its count (quarterly_rates), the three reoffending measures of a cohort from one row of
counts (cohort_rates), or, for Lewisham's YJB cohorts, from case records (performance/demo_cases.py).
Targets and tolerances are ours too: the documents give RAG colours but not the targets behind them.
Values: ratio indicators take (numerator, denominator) pairs of whole numbers, from which the app
computes the value; direct indicators take a single number. Period starts: monthly on the 1st of the
month, quarterly on 1 January/April/July/October, annual on 1 April. No child is named anywhere.
"""

import datetime
from decimal import Decimal

COMPARATOR_KINDS = [("london", "London"), ("yot_family", "YOT family"), ("england_wales", "England and Wales")]

# Lewisham's 10-17 population: ours, held constant (no seed gives it). Every per-100,000 and per-1,000 rate of
# Lewisham is computed from a count over it (quarterly_rates), never typed beside the count.
LEWISHAM_POPULATION = 25840


def monthly(first: datetime.date, values: list) -> list[tuple[datetime.date, int]]:
    """(period, value) for consecutive months from `first`."""
    return [(_plus_months(first, n), v) for n, v in enumerate(values)]


def quarterly_rates(counts: list, population: int = LEWISHAM_POPULATION) -> list:
    """A quarterly rate series from a monthly rolling 12-month count: each quarter (dated by its first month)
    takes the count at its last month over the population, as the YJB's quarterly figures do."""
    at = dict(counts)
    return [
        (period, (at[_plus_months(period, 2)], population))
        for period, _ in counts
        if period.month in (1, 4, 7, 10) and _plus_months(period, 2) in at
    ]


def _plus_months(day: datetime.date, months: int) -> datetime.date:
    """The first of the month `months` after `day`'s (before it, if negative)."""
    years, month = divmod(day.month - 1 + months, 12)
    return datetime.date(day.year + years, month + 1, 1)


# First-time entrants, rolling 12-month counts, July 2015 to December 2018. Seed 004 reports "the last quarters
# KPI (Oct- Dec18)": "FTEs down 24.1%" on the year before -- 162 (October to December 2017) to 123 (October to
# December 2018) is down 24.07%. The months before are ours, level until the fall seed 004 describes.
FTE_COUNTS = monthly(
    datetime.date(2015, 7, 1),
    [
        *(158, 159, 160, 161, 161, 162),  # July-December 2015
        *(163, 164, 163, 164, 165, 164, 163, 164, 165, 166, 165, 164),  # 2016
        *(163, 164, 163, 162, 163, 164, 163, 162, 163, 162, 162, 162),  # 2017
        *(157, 152, 147, 143, 139, 135, 131, 128, 125, 123, 123, 123),  # 2018
    ],
)
# Custodial sentences, rolling 12-month counts: 44 in October-December 2017 and 23 a year later (seed 004, of
# the quarter October-December 2018: "Custody down 45% (23 compared to 44 previous year)"; 23 of 44 is down
# 47.7%, which the demo computes rather than repeating the seed's 45%), steady for the last three quarters as
# seed 004 says; the months before are ours. (Seed 004 also mentions 25 custodial sentences in March-June 17
# from the live tracker chart: a different count, not used.)
CUSTODY_COUNTS = monthly(
    datetime.date(2015, 7, 1),
    [
        *(44, 45, 44, 46, 45, 44),  # July-December 2015
        *(45, 46, 45, 44, 45, 46, 47, 46, 45, 44, 45, 46),  # 2016
        *(45, 44, 45, 46, 45, 44, 45, 46, 45, 44, 44, 44),  # 2017
        *(40, 35, 29, 24, 23, 24, 23, 24, 23, 23, 23, 23),  # 2018
    ],
)
# The quarter seed 004 reports on, October-December 2018, and the one it compares it with.
SEED_004_QUARTER = datetime.date(2018, 10, 1)
SEED_004_YEAR_BEFORE = datetime.date(2017, 10, 1)


def year_on_year(counts: list, month: datetime.date) -> tuple[int, int]:
    """A monthly series' value for `month` and for the same month a year before."""
    at = dict(counts)
    return at[month], at[_plus_months(month, -12)]


# The figures the seeds give, each labelled with its words where the demo shows it; every other demo figure is
# labelled illustrative (illustrative_note), as the demo's audits, case records and KPI returns are.
SEED_FIGURES = {
    ("lewisham", "FTE_RATE", SEED_004_YEAR_BEFORE): 'The year before seed 004\'s "FTEs down 24.1%"; the count and '
    "population behind the rate are illustrative.",
    ("lewisham", "FTE_RATE", SEED_004_QUARTER): 'Seed 004: "FTEs down 24.1%", "151 per 100,000 less" on the year '
    "before; the count and population behind the rate are illustrative.",
    ("lewisham", "REOFF_BINARY", datetime.date(2016, 1, 1)): 'Seed 004: "from 56.3 (Jan –March 16"; the case '
    "records it is counted from are illustrative.",
    ("lewisham", "REOFF_BINARY", datetime.date(2017, 1, 1)): 'Seed 004: "cohort tracked since Jan-March 17 – '
    '39.7%"; the case records it is counted from are illustrative.',
    ("lewisham", "FTE_COUNT", datetime.date(2017, 12, 1)): 'The year before seed 004\'s "FTEs down 24.1%"; the '
    "count is illustrative.",
    ("lewisham", "FTE_COUNT", datetime.date(2018, 12, 1)): 'Seed 004: "FTEs down 24.1%" on the year; the count is '
    "illustrative.",
    ("lewisham", "CUSTODY_RATE", SEED_004_YEAR_BEFORE): 'Seed 004: "44 previous year"; the population is illustrative.',
    ("lewisham", "CUSTODY_RATE", SEED_004_QUARTER): 'Seed 004: "23 compared to 44 previous year"; the population is '
    "illustrative.",
    ("lewisham", "CUSTODY_COUNT", datetime.date(2017, 12, 1)): 'Seed 004: "44 previous year".',
    ("lewisham", "CUSTODY_COUNT", datetime.date(2018, 12, 1)): 'Seed 004: "23 compared to 44 previous year".',
}


def illustrative_note(slug: str) -> str:
    return f"Illustrative: demo figures, not {slug.capitalize()}'s."


def cohort_rates(rows: list) -> dict[str, list]:
    """The YJB's three reoffending measures of each cohort from one row of counts (period, children in the
    cohort, of whom reoffended, reoffences), so the three can never disagree."""
    return {
        "REOFF_BINARY": [(p, (reoffenders, members)) for p, members, reoffenders, _ in rows],
        "REOFF_FREQUENCY": [(p, (reoffences, members)) for p, members, _, reoffences in rows],
        "REOFF_PER_REOFFENDER": [(p, (reoffences, reoffenders)) for p, _, reoffenders, reoffences in rows],
    }


# Looked-after children in Lewisham's YJB cohorts, one row a cohort: plausible values (no figures in the seeds).
LAC_COHORTS = cohort_rates(
    [
        (datetime.date(2015, 7, 1), 14, 9, 30),
        (datetime.date(2015, 10, 1), 14, 9, 29),
        (datetime.date(2016, 1, 1), 13, 8, 27),
        (datetime.date(2016, 4, 1), 13, 8, 26),
        (datetime.date(2016, 7, 1), 13, 7, 23),
        (datetime.date(2016, 10, 1), 12, 7, 22),
        (datetime.date(2017, 1, 1), 12, 6, 19),
    ]
)

# Islington's 12-month YJB cohorts, one row a cohort (period, children, of whom reoffended, reoffences). Seed 001
# gives directions only: binary reoffending improving, frequency and reoffences per reoffender still rising as
# the cohort shrinks. The counts are ours (53.1% -> 48.8%, 1.72 -> 1.93, 3.24 -> 3.96).
ISLINGTON_COHORTS = cohort_rates(
    [
        (datetime.date(2015, 10, 1), 196, 104, 337),
        (datetime.date(2016, 1, 1), 190, 100, 335),
        (datetime.date(2016, 4, 1), 181, 93, 330),
        (datetime.date(2016, 7, 1), 170, 85, 318),
        (datetime.date(2016, 10, 1), 160, 78, 309),
    ]
)

SERIES = {
    "lewisham": {
        # Every Appendix A line, in the appendix's order (the per-100,000 and per-1,000 rates follow the
        # counts they come from; "Local Standards" is listed where the appendix lists it).
        "tracked": [
            "FTE_COUNT",
            "FTE_LAC_COUNT",
            "FTE_RATE",
            "REOFF_BINARY",
            "REOFF_FREQUENCY",
            "REOFF_PER_REOFFENDER",
            "LT_BINARY",
            "LT_FREQUENCY",
            "LT_PER_REOFFENDER",
            "LT_FIRST_MONTH",
            "LT_VIOLENT",
            "LAC_REOFF_BINARY",
            "LAC_REOFF_FREQUENCY",
            "LAC_REOFF_PER_REOFFENDER",
            "CUSTODY_COUNT",
            "CUSTODY_LAC_COUNT",
            "CUSTODY_RATE",
            "REMAND_NIGHTS",
            "REMAND_YOUNG_PEOPLE",
            "EET_CASELOAD",
            "EET_END_ORDER",
            "EET_ATTENDANCE",
            "EET_ATTAINMENT",
            "ACCOM_END_ORDER",
            "ACCOM_RELEASE",
            "MH_IDENTIFIED",
            "MH_CAMHS_ASSESSMENT",
            "MH_CAMHS_INTERVENTION",
            "SL_IDENTIFIED",
            "SL_ASSESSMENT",
            "SL_INTERVENTION",
            "TRAUMA_ASSESSED",
            "TRAUMA_INTERVENTION",
            "DISPROP_TOOLKIT",
            "LOCAL_STANDARDS",
            "NS_MET",
            "CA_AUDITED",
            "CA_GOOD",
            "CA_INADEQUATE",
            "CA_GOOD_ASSESSMENT",
            "CA_INADEQUATE_ASSESSMENT",
            "CA_GOOD_INTERVENTION",
            "CA_INADEQUATE_INTERVENTION",
            "CA_GOOD_RISK",
            "CA_INADEQUATE_RISK",
            "CA_GOOD_VULNERABILITY",
            "CA_INADEQUATE_VULNERABILITY",
            "BOARD_SELF_ASSESSMENT",
            "IP_GREEN",
            "IP_AMBER",
            "IP_RED",
            "WF_VACANCY",
            "WF_ABSENCE",
            "WF_AGENCY",
            "WF_TRAINING",
            "CRIME_SYV",
            "CRIME_KNIFE_U25",
            "CRIME_GUN",
        ],
        # Not in "series": DISPROP_TOOLKIT ("Toolkit - TBC") and LOCAL_STANDARDS (no definition): no
        # values and no target. Entries with "values": [] carry a target only: Purple lines (not started),
        # and CA_* and IP_*, which the app computes from the case audits and the improvement plan.
        "series": {
            # First time entrants, rolling 12-month counts (FTE_COUNTS).
            "FTE_COUNT": {
                "target": Decimal("120"),
                "tolerance": Decimal("15"),
                "values": FTE_COUNTS,
            },
            # Plausible values (no figures in the seeds).
            "FTE_LAC_COUNT": {
                "target": Decimal("10"),
                "tolerance": Decimal("3"),
                "values": [
                    (datetime.date(2015, 7, 1), 16),
                    (datetime.date(2015, 8, 1), 16),
                    (datetime.date(2015, 9, 1), 17),
                    (datetime.date(2015, 10, 1), 16),
                    (datetime.date(2015, 11, 1), 16),
                    (datetime.date(2015, 12, 1), 15),
                    (datetime.date(2016, 1, 1), 15),
                    (datetime.date(2016, 2, 1), 15),
                    (datetime.date(2016, 3, 1), 14),
                    (datetime.date(2016, 4, 1), 14),
                    (datetime.date(2016, 5, 1), 14),
                    (datetime.date(2016, 6, 1), 13),
                    (datetime.date(2016, 7, 1), 13),
                    (datetime.date(2016, 8, 1), 13),
                    (datetime.date(2016, 9, 1), 12),
                    (datetime.date(2016, 10, 1), 12),
                    (datetime.date(2016, 11, 1), 12),
                    (datetime.date(2016, 12, 1), 11),
                    (datetime.date(2017, 1, 1), 11),
                    (datetime.date(2017, 2, 1), 12),
                    (datetime.date(2017, 3, 1), 11),
                    (datetime.date(2017, 4, 1), 11),
                    (datetime.date(2017, 5, 1), 11),
                    (datetime.date(2017, 6, 1), 11),
                ],
            },
            # Computed from FTE_COUNTS (quarterly_rates): October-December 2017 162/25840 = 626.9 and
            # October-December 2018 123/25840 = 476.0 per 100,000: down 24.1%, "151 per 100,000 less" (seed 004).
            # Over the same year London falls 22.7% (480.0 -> 371.0) and the YOT family more (26.5%), as seed 004
            # says; the comparator levels are ours.
            "FTE_RATE": {
                "target": Decimal("450"),
                "tolerance": Decimal("50"),
                "values": quarterly_rates(FTE_COUNTS),
                "comparators": {
                    "london": [
                        (datetime.date(2015, 7, 1), Decimal("485.0")),
                        (datetime.date(2015, 10, 1), Decimal("484.1")),
                        (datetime.date(2016, 1, 1), Decimal("483.5")),
                        (datetime.date(2016, 4, 1), Decimal("482.9")),
                        (datetime.date(2016, 7, 1), Decimal("482.6")),
                        (datetime.date(2016, 10, 1), Decimal("482.0")),
                        (datetime.date(2017, 1, 1), Decimal("481.5")),
                        (datetime.date(2017, 4, 1), Decimal("481.1")),
                        (datetime.date(2017, 7, 1), Decimal("480.6")),
                        (datetime.date(2017, 10, 1), Decimal("480.0")),
                        (datetime.date(2018, 1, 1), Decimal("452.0")),
                        (datetime.date(2018, 4, 1), Decimal("424.3")),
                        (datetime.date(2018, 7, 1), Decimal("397.5")),
                        (datetime.date(2018, 10, 1), Decimal("371.0")),
                    ],
                    "yot_family": [
                        (datetime.date(2015, 7, 1), Decimal("566.0")),
                        (datetime.date(2015, 10, 1), Decimal("565.2")),
                        (datetime.date(2016, 1, 1), Decimal("564.6")),
                        (datetime.date(2016, 4, 1), Decimal("563.9")),
                        (datetime.date(2016, 7, 1), Decimal("563.1")),
                        (datetime.date(2016, 10, 1), Decimal("562.5")),
                        (datetime.date(2017, 1, 1), Decimal("561.9")),
                        (datetime.date(2017, 4, 1), Decimal("561.2")),
                        (datetime.date(2017, 7, 1), Decimal("560.6")),
                        (datetime.date(2017, 10, 1), Decimal("560.0")),
                        (datetime.date(2018, 1, 1), Decimal("522.9")),
                        (datetime.date(2018, 4, 1), Decimal("485.7")),
                        (datetime.date(2018, 7, 1), Decimal("448.7")),
                        (datetime.date(2018, 10, 1), Decimal("411.6")),
                    ],
                },
            },
            # The YJB measures (binary, frequency, reoffences per reoffender) have no "values": performance/demo.py
            # counts them from the case records of each 3-month YJB cohort (performance/demo_cases.py), so the three
            # always describe the same children. Seed 004: "from 56.3 (Jan -March 16 compared to cohort tracked
            # since Jan-March 17 - 39.7%)", below London and the national average. The comparators are ours.
            "REOFF_BINARY": {
                "target": Decimal("40.0"),
                "tolerance": Decimal("5"),
                "comparators": {
                    "london": [
                        (datetime.date(2015, 7, 1), Decimal("45.2")),
                        (datetime.date(2015, 10, 1), Decimal("44.9")),
                        (datetime.date(2016, 1, 1), Decimal("44.6")),
                        (datetime.date(2016, 4, 1), Decimal("44.1")),
                        (datetime.date(2016, 7, 1), Decimal("43.8")),
                        (datetime.date(2016, 10, 1), Decimal("43.3")),
                        (datetime.date(2017, 1, 1), Decimal("42.9")),
                        (datetime.date(2017, 4, 1), Decimal("42.6")),
                    ],
                    "england_wales": [
                        (datetime.date(2015, 7, 1), Decimal("42.3")),
                        (datetime.date(2015, 10, 1), Decimal("42.2")),
                        (datetime.date(2016, 1, 1), Decimal("42.0")),
                        (datetime.date(2016, 4, 1), Decimal("41.9")),
                        (datetime.date(2016, 7, 1), Decimal("41.8")),
                        (datetime.date(2016, 10, 1), Decimal("41.7")),
                        (datetime.date(2017, 1, 1), Decimal("41.6")),
                        (datetime.date(2017, 4, 1), Decimal("41.5")),
                    ],
                },
            },
            # Same cohorts: reoffences per member of the cohort.
            "REOFF_FREQUENCY": {
                "target": Decimal("1.20"),
                "tolerance": Decimal("0.20"),
                "comparators": {
                    "london": [
                        (datetime.date(2015, 7, 1), Decimal("1.52")),
                        (datetime.date(2015, 10, 1), Decimal("1.50")),
                        (datetime.date(2016, 1, 1), Decimal("1.49")),
                        (datetime.date(2016, 4, 1), Decimal("1.47")),
                        (datetime.date(2016, 7, 1), Decimal("1.46")),
                        (datetime.date(2016, 10, 1), Decimal("1.45")),
                        (datetime.date(2017, 1, 1), Decimal("1.43")),
                        (datetime.date(2017, 4, 1), Decimal("1.42")),
                    ],
                },
            },
            # Same cohorts: reoffences per reoffender.
            "REOFF_PER_REOFFENDER": {
                "target": Decimal("3.00"),
                "tolerance": Decimal("0.30"),
                "comparators": {
                    "london": [
                        (datetime.date(2015, 7, 1), Decimal("3.36")),
                        (datetime.date(2015, 10, 1), Decimal("3.34")),
                        (datetime.date(2016, 1, 1), Decimal("3.34")),
                        (datetime.date(2016, 4, 1), Decimal("3.33")),
                        (datetime.date(2016, 7, 1), Decimal("3.33")),
                        (datetime.date(2016, 10, 1), Decimal("3.35")),
                        (datetime.date(2017, 1, 1), Decimal("3.33")),
                        (datetime.date(2017, 4, 1), Decimal("3.33")),
                    ],
                },
            },
            # Live tracker: computed from case records (performance/demo_cases.py), never typed. The targets
            # are ours.
            "LT_BINARY": {"target": Decimal("35"), "tolerance": Decimal("5")},
            "LT_FREQUENCY": {"target": Decimal("1.00"), "tolerance": Decimal("0.20")},
            "LT_PER_REOFFENDER": {"target": Decimal("3.00"), "tolerance": Decimal("0.30")},
            "LT_FIRST_MONTH": {"target": Decimal("10"), "tolerance": Decimal("3")},
            "LT_VIOLENT": {"target": Decimal("40"), "tolerance": Decimal("5")},
            # Looked-after children in the YJB cohorts (LAC_COHORTS): plausible values (no figures in the seeds).
            "LAC_REOFF_BINARY": {
                "target": Decimal("50"),
                "tolerance": Decimal("10"),
                "values": LAC_COHORTS["REOFF_BINARY"],
            },
            "LAC_REOFF_FREQUENCY": {
                "target": Decimal("1.60"),
                "tolerance": Decimal("0.30"),
                "values": LAC_COHORTS["REOFF_FREQUENCY"],
            },
            "LAC_REOFF_PER_REOFFENDER": {
                "target": Decimal("3.00"),
                "tolerance": Decimal("0.30"),
                "values": LAC_COHORTS["REOFF_PER_REOFFENDER"],
            },
            # Custodial sentences, rolling 12-month counts (CUSTODY_COUNTS).
            "CUSTODY_COUNT": {
                "target": Decimal("25"),
                "tolerance": Decimal("5"),
                "values": CUSTODY_COUNTS,
            },
            # Plausible values.
            "CUSTODY_LAC_COUNT": {
                "target": Decimal("4"),
                "tolerance": Decimal("2"),
                "values": [
                    (datetime.date(2015, 7, 1), 9),
                    (datetime.date(2015, 8, 1), 9),
                    (datetime.date(2015, 9, 1), 9),
                    (datetime.date(2015, 10, 1), 8),
                    (datetime.date(2015, 11, 1), 9),
                    (datetime.date(2015, 12, 1), 8),
                    (datetime.date(2016, 1, 1), 8),
                    (datetime.date(2016, 2, 1), 8),
                    (datetime.date(2016, 3, 1), 7),
                    (datetime.date(2016, 4, 1), 7),
                    (datetime.date(2016, 5, 1), 7),
                    (datetime.date(2016, 6, 1), 6),
                    (datetime.date(2016, 7, 1), 6),
                    (datetime.date(2016, 8, 1), 6),
                    (datetime.date(2016, 9, 1), 5),
                    (datetime.date(2016, 10, 1), 5),
                    (datetime.date(2016, 11, 1), 5),
                    (datetime.date(2016, 12, 1), 4),
                    (datetime.date(2017, 1, 1), 4),
                    (datetime.date(2017, 2, 1), 4),
                    (datetime.date(2017, 3, 1), 4),
                    (datetime.date(2017, 4, 1), 5),
                    (datetime.date(2017, 5, 1), 4),
                    (datetime.date(2017, 6, 1), 4),
                ],
            },
            # Computed from CUSTODY_COUNTS (quarterly_rates): 44/25840 = 1.70 per 1,000 in October-December 2017,
            # 23/25840 = 0.89 a year later. Comparators are ours (seed 004: rates were high compared with
            # statistical neighbours in early 2017).
            "CUSTODY_RATE": {
                "target": Decimal("1.00"),
                "tolerance": Decimal("0.20"),
                "values": quarterly_rates(CUSTODY_COUNTS),
                "comparators": {
                    "london": [
                        (datetime.date(2015, 7, 1), Decimal("0.92")),
                        (datetime.date(2015, 10, 1), Decimal("0.90")),
                        (datetime.date(2016, 1, 1), Decimal("0.87")),
                        (datetime.date(2016, 4, 1), Decimal("0.85")),
                        (datetime.date(2016, 7, 1), Decimal("0.82")),
                        (datetime.date(2016, 10, 1), Decimal("0.80")),
                        (datetime.date(2017, 1, 1), Decimal("0.78")),
                        (datetime.date(2017, 4, 1), Decimal("0.76")),
                        (datetime.date(2017, 7, 1), Decimal("0.75")),
                        (datetime.date(2017, 10, 1), Decimal("0.74")),
                        (datetime.date(2018, 1, 1), Decimal("0.72")),
                        (datetime.date(2018, 4, 1), Decimal("0.70")),
                        (datetime.date(2018, 7, 1), Decimal("0.68")),
                        (datetime.date(2018, 10, 1), Decimal("0.66")),
                    ],
                    "yot_family": [
                        (datetime.date(2015, 7, 1), Decimal("1.10")),
                        (datetime.date(2015, 10, 1), Decimal("1.08")),
                        (datetime.date(2016, 1, 1), Decimal("1.05")),
                        (datetime.date(2016, 4, 1), Decimal("1.02")),
                        (datetime.date(2016, 7, 1), Decimal("0.98")),
                        (datetime.date(2016, 10, 1), Decimal("0.95")),
                        (datetime.date(2017, 1, 1), Decimal("0.91")),
                        (datetime.date(2017, 4, 1), Decimal("0.88")),
                        (datetime.date(2017, 7, 1), Decimal("0.86")),
                        (datetime.date(2017, 10, 1), Decimal("0.84")),
                        (datetime.date(2018, 1, 1), Decimal("0.81")),
                        (datetime.date(2018, 4, 1), Decimal("0.78")),
                        (datetime.date(2018, 7, 1), Decimal("0.75")),
                        (datetime.date(2018, 10, 1), Decimal("0.73")),
                    ],
                },
            },
            # Plausible values, falling with the remand episodes (seed 004: "significant reductions in custodial
            # sentences and remand episodes"; the remand budget overspends).
            "REMAND_NIGHTS": {
                "target": Decimal("150"),
                "tolerance": Decimal("30"),
                "values": [
                    (datetime.date(2015, 7, 1), 318),
                    (datetime.date(2015, 8, 1), 341),
                    (datetime.date(2015, 9, 1), 284),
                    (datetime.date(2015, 10, 1), 309),
                    (datetime.date(2015, 11, 1), 322),
                    (datetime.date(2015, 12, 1), 291),
                    (datetime.date(2016, 1, 1), 262),
                    (datetime.date(2016, 2, 1), 247),
                    (datetime.date(2016, 3, 1), 281),
                    (datetime.date(2016, 4, 1), 236),
                    (datetime.date(2016, 5, 1), 244),
                    (datetime.date(2016, 6, 1), 229),
                    (datetime.date(2016, 7, 1), 221),
                    (datetime.date(2016, 8, 1), 214),
                    (datetime.date(2016, 9, 1), 208),
                    (datetime.date(2016, 10, 1), 196),
                    (datetime.date(2016, 11, 1), 190),
                    (datetime.date(2016, 12, 1), 171),
                    (datetime.date(2017, 1, 1), 178),
                    (datetime.date(2017, 2, 1), 149),
                    (datetime.date(2017, 3, 1), 170),
                    (datetime.date(2017, 4, 1), 152),
                    (datetime.date(2017, 5, 1), 131),
                    (datetime.date(2017, 6, 1), 127),
                ],
            },
            "REMAND_YOUNG_PEOPLE": {
                "target": Decimal("6"),
                "tolerance": Decimal("2"),
                "values": [
                    (datetime.date(2015, 7, 1), 14),
                    (datetime.date(2015, 8, 1), 15),
                    (datetime.date(2015, 9, 1), 13),
                    (datetime.date(2015, 10, 1), 14),
                    (datetime.date(2015, 11, 1), 15),
                    (datetime.date(2015, 12, 1), 13),
                    (datetime.date(2016, 1, 1), 12),
                    (datetime.date(2016, 2, 1), 12),
                    (datetime.date(2016, 3, 1), 13),
                    (datetime.date(2016, 4, 1), 11),
                    (datetime.date(2016, 5, 1), 11),
                    (datetime.date(2016, 6, 1), 11),
                    (datetime.date(2016, 7, 1), 10),
                    (datetime.date(2016, 8, 1), 10),
                    (datetime.date(2016, 9, 1), 10),
                    (datetime.date(2016, 10, 1), 9),
                    (datetime.date(2016, 11, 1), 9),
                    (datetime.date(2016, 12, 1), 8),
                    (datetime.date(2017, 1, 1), 8),
                    (datetime.date(2017, 2, 1), 7),
                    (datetime.date(2017, 3, 1), 8),
                    (datetime.date(2017, 4, 1), 7),
                    (datetime.date(2017, 5, 1), 6),
                    (datetime.date(2017, 6, 1), 6),
                ],
            },
            # Plausible values: about 70% of the caseload in EET by mid-2017 (seed 004: 50-60 NEET at any one time
            # out of about 200).
            "EET_CASELOAD": {
                "target": Decimal("75"),
                "tolerance": Decimal("10"),
                "values": [
                    (datetime.date(2015, 7, 1), (148, 232)),
                    (datetime.date(2015, 8, 1), (145, 231)),
                    (datetime.date(2015, 9, 1), (150, 229)),
                    (datetime.date(2015, 10, 1), (146, 228)),
                    (datetime.date(2015, 11, 1), (148, 226)),
                    (datetime.date(2015, 12, 1), (142, 225)),
                    (datetime.date(2016, 1, 1), (148, 223)),
                    (datetime.date(2016, 2, 1), (146, 221)),
                    (datetime.date(2016, 3, 1), (143, 220)),
                    (datetime.date(2016, 4, 1), (148, 218)),
                    (datetime.date(2016, 5, 1), (144, 217)),
                    (datetime.date(2016, 6, 1), (146, 215)),
                    (datetime.date(2016, 7, 1), (140, 213)),
                    (datetime.date(2016, 8, 1), (144, 212)),
                    (datetime.date(2016, 9, 1), (145, 210)),
                    (datetime.date(2016, 10, 1), (141, 209)),
                    (datetime.date(2016, 11, 1), (143, 207)),
                    (datetime.date(2016, 12, 1), (137, 205)),
                    (datetime.date(2017, 1, 1), (142, 204)),
                    (datetime.date(2017, 2, 1), (142, 202)),
                    (datetime.date(2017, 3, 1), (138, 201)),
                    (datetime.date(2017, 4, 1), (140, 199)),
                    (datetime.date(2017, 5, 1), (138, 198)),
                    (datetime.date(2017, 6, 1), (138, 196)),
                ],
            },
            # Plausible values.
            "EET_END_ORDER": {
                "target": Decimal("70"),
                "tolerance": Decimal("10"),
                "values": [
                    (datetime.date(2015, 7, 1), (9, 17)),
                    (datetime.date(2015, 8, 1), (9, 15)),
                    (datetime.date(2015, 9, 1), (9, 18)),
                    (datetime.date(2015, 10, 1), (9, 16)),
                    (datetime.date(2015, 11, 1), (10, 19)),
                    (datetime.date(2015, 12, 1), (8, 14)),
                    (datetime.date(2016, 1, 1), (9, 16)),
                    (datetime.date(2016, 2, 1), (11, 17)),
                    (datetime.date(2016, 3, 1), (8, 15)),
                    (datetime.date(2016, 4, 1), (11, 18)),
                    (datetime.date(2016, 5, 1), (10, 16)),
                    (datetime.date(2016, 6, 1), (9, 17)),
                    (datetime.date(2016, 7, 1), (10, 15)),
                    (datetime.date(2016, 8, 1), (10, 16)),
                    (datetime.date(2016, 9, 1), (9, 14)),
                    (datetime.date(2016, 10, 1), (10, 17)),
                    (datetime.date(2016, 11, 1), (10, 15)),
                    (datetime.date(2016, 12, 1), (11, 16)),
                    (datetime.date(2017, 1, 1), (9, 14)),
                    (datetime.date(2017, 2, 1), (11, 15)),
                    (datetime.date(2017, 3, 1), (10, 16)),
                    (datetime.date(2017, 4, 1), (11, 15)),
                    (datetime.date(2017, 5, 1), (9, 14)),
                    (datetime.date(2017, 6, 1), (11, 16)),
                ],
            },
            # Plausible values; fewer sessions available in August and December (school holidays).
            "EET_ATTENDANCE": {
                "target": Decimal("85"),
                "tolerance": Decimal("10"),
                "values": [
                    (datetime.date(2015, 7, 1), (2300, 3310)),
                    (datetime.date(2015, 8, 1), (611, 880)),
                    (datetime.date(2015, 9, 1), (2255, 3190)),
                    (datetime.date(2015, 10, 1), (2408, 3420)),
                    (datetime.date(2015, 11, 1), (2393, 3360)),
                    (datetime.date(2015, 12, 1), (1756, 2480)),
                    (datetime.date(2016, 1, 1), (2375, 3290)),
                    (datetime.date(2016, 2, 1), (2206, 3050)),
                    (datetime.date(2016, 3, 1), (1958, 2710)),
                    (datetime.date(2016, 4, 1), (1949, 2650)),
                    (datetime.date(2016, 5, 1), (2330, 3180)),
                    (datetime.date(2016, 6, 1), (2401, 3240)),
                    (datetime.date(2016, 7, 1), (2228, 3020)),
                    (datetime.date(2016, 8, 1), (612, 820)),
                    (datetime.date(2016, 9, 1), (2309, 3060)),
                    (datetime.date(2016, 10, 1), (2466, 3280)),
                    (datetime.date(2016, 11, 1), (2456, 3230)),
                    (datetime.date(2016, 12, 1), (1784, 2360)),
                    (datetime.date(2017, 1, 1), (2415, 3150)),
                    (datetime.date(2017, 2, 1), (2257, 2920)),
                    (datetime.date(2017, 3, 1), (2318, 3010)),
                    (datetime.date(2017, 4, 1), (1971, 2530)),
                    (datetime.date(2017, 5, 1), (2371, 3040)),
                    (datetime.date(2017, 6, 1), (2434, 3100)),
                ],
            },
            # Plausible values.
            "EET_ATTAINMENT": {
                "target": Decimal("50"),
                "tolerance": Decimal("15"),
                "values": [
                    (datetime.date(2015, 7, 1), (5, 17)),
                    (datetime.date(2015, 8, 1), (5, 15)),
                    (datetime.date(2015, 9, 1), (5, 18)),
                    (datetime.date(2015, 10, 1), (5, 16)),
                    (datetime.date(2015, 11, 1), (5, 19)),
                    (datetime.date(2015, 12, 1), (5, 14)),
                    (datetime.date(2016, 1, 1), (5, 16)),
                    (datetime.date(2016, 2, 1), (7, 17)),
                    (datetime.date(2016, 3, 1), (5, 15)),
                    (datetime.date(2016, 4, 1), (7, 18)),
                    (datetime.date(2016, 5, 1), (7, 16)),
                    (datetime.date(2016, 6, 1), (6, 17)),
                    (datetime.date(2016, 7, 1), (6, 15)),
                    (datetime.date(2016, 8, 1), (6, 16)),
                    (datetime.date(2016, 9, 1), (6, 14)),
                    (datetime.date(2016, 10, 1), (7, 17)),
                    (datetime.date(2016, 11, 1), (7, 15)),
                    (datetime.date(2016, 12, 1), (7, 16)),
                    (datetime.date(2017, 1, 1), (6, 14)),
                    (datetime.date(2017, 2, 1), (8, 15)),
                    (datetime.date(2017, 3, 1), (7, 16)),
                    (datetime.date(2017, 4, 1), (8, 15)),
                    (datetime.date(2017, 5, 1), (7, 14)),
                    (datetime.date(2017, 6, 1), (8, 16)),
                ],
            },
            # Plausible values.
            "ACCOM_END_ORDER": {
                "target": Decimal("95"),
                "tolerance": Decimal("5"),
                "values": [
                    (datetime.date(2015, 7, 1), (15, 17)),
                    (datetime.date(2015, 8, 1), (14, 15)),
                    (datetime.date(2015, 9, 1), (16, 18)),
                    (datetime.date(2015, 10, 1), (14, 16)),
                    (datetime.date(2015, 11, 1), (17, 19)),
                    (datetime.date(2015, 12, 1), (13, 14)),
                    (datetime.date(2016, 1, 1), (14, 16)),
                    (datetime.date(2016, 2, 1), (16, 17)),
                    (datetime.date(2016, 3, 1), (13, 15)),
                    (datetime.date(2016, 4, 1), (16, 18)),
                    (datetime.date(2016, 5, 1), (15, 16)),
                    (datetime.date(2016, 6, 1), (15, 17)),
                    (datetime.date(2016, 7, 1), (14, 15)),
                    (datetime.date(2016, 8, 1), (15, 16)),
                    (datetime.date(2016, 9, 1), (13, 14)),
                    (datetime.date(2016, 10, 1), (15, 17)),
                    (datetime.date(2016, 11, 1), (14, 15)),
                    (datetime.date(2016, 12, 1), (15, 16)),
                    (datetime.date(2017, 1, 1), (13, 14)),
                    (datetime.date(2017, 2, 1), (14, 15)),
                    (datetime.date(2017, 3, 1), (15, 16)),
                    (datetime.date(2017, 4, 1), (14, 15)),
                    (datetime.date(2017, 5, 1), (13, 14)),
                    (datetime.date(2017, 6, 1), (15, 16)),
                ],
            },
            # Plausible values; months with no release from custody have no value.
            "ACCOM_RELEASE": {
                "target": Decimal("100"),
                "tolerance": Decimal("10"),
                "values": [
                    (datetime.date(2015, 7, 1), (1, 2)),
                    (datetime.date(2015, 8, 1), (2, 3)),
                    (datetime.date(2015, 9, 1), (0, 1)),
                    (datetime.date(2015, 10, 1), (1, 2)),
                    (datetime.date(2015, 12, 1), (2, 3)),
                    (datetime.date(2016, 1, 1), (1, 2)),
                    (datetime.date(2016, 2, 1), (1, 1)),
                    (datetime.date(2016, 3, 1), (1, 2)),
                    (datetime.date(2016, 4, 1), (2, 2)),
                    (datetime.date(2016, 5, 1), (1, 1)),
                    (datetime.date(2016, 6, 1), (2, 3)),
                    (datetime.date(2016, 7, 1), (2, 2)),
                    (datetime.date(2016, 8, 1), (1, 1)),
                    (datetime.date(2016, 10, 1), (2, 2)),
                    (datetime.date(2016, 11, 1), (1, 1)),
                    (datetime.date(2016, 12, 1), (1, 2)),
                    (datetime.date(2017, 1, 1), (1, 1)),
                    (datetime.date(2017, 2, 1), (1, 1)),
                    (datetime.date(2017, 3, 1), (2, 2)),
                    (datetime.date(2017, 4, 1), (1, 1)),
                    (datetime.date(2017, 5, 1), (1, 1)),
                    (datetime.date(2017, 6, 1), (2, 2)),
                ],
            },
            # Plausible values (Appendix A gives no RAG).
            "MH_IDENTIFIED": {
                "target": Decimal("12"),
                "tolerance": Decimal("3"),
                "values": [
                    (datetime.date(2015, 7, 1), 10),
                    (datetime.date(2015, 8, 1), 8),
                    (datetime.date(2015, 9, 1), 11),
                    (datetime.date(2015, 10, 1), 12),
                    (datetime.date(2015, 11, 1), 13),
                    (datetime.date(2015, 12, 1), 9),
                    (datetime.date(2016, 1, 1), 11),
                    (datetime.date(2016, 2, 1), 12),
                    (datetime.date(2016, 3, 1), 12),
                    (datetime.date(2016, 4, 1), 13),
                    (datetime.date(2016, 5, 1), 11),
                    (datetime.date(2016, 6, 1), 10),
                    (datetime.date(2016, 7, 1), 12),
                    (datetime.date(2016, 8, 1), 9),
                    (datetime.date(2016, 9, 1), 13),
                    (datetime.date(2016, 10, 1), 14),
                    (datetime.date(2016, 11, 1), 12),
                    (datetime.date(2016, 12, 1), 10),
                    (datetime.date(2017, 1, 1), 13),
                    (datetime.date(2017, 2, 1), 12),
                    (datetime.date(2017, 3, 1), 14),
                    (datetime.date(2017, 4, 1), 13),
                    (datetime.date(2017, 5, 1), 12),
                    (datetime.date(2017, 6, 1), 13),
                ],
            },
            # Appendix A: Green in the latest period.
            "MH_CAMHS_ASSESSMENT": {
                "target": Decimal("8"),
                "tolerance": Decimal("2"),
                "values": [
                    (datetime.date(2015, 7, 1), 6),
                    (datetime.date(2015, 8, 1), 5),
                    (datetime.date(2015, 9, 1), 7),
                    (datetime.date(2015, 10, 1), 7),
                    (datetime.date(2015, 11, 1), 8),
                    (datetime.date(2015, 12, 1), 5),
                    (datetime.date(2016, 1, 1), 7),
                    (datetime.date(2016, 2, 1), 7),
                    (datetime.date(2016, 3, 1), 8),
                    (datetime.date(2016, 4, 1), 8),
                    (datetime.date(2016, 5, 1), 7),
                    (datetime.date(2016, 6, 1), 6),
                    (datetime.date(2016, 7, 1), 8),
                    (datetime.date(2016, 8, 1), 6),
                    (datetime.date(2016, 9, 1), 9),
                    (datetime.date(2016, 10, 1), 9),
                    (datetime.date(2016, 11, 1), 8),
                    (datetime.date(2016, 12, 1), 7),
                    (datetime.date(2017, 1, 1), 9),
                    (datetime.date(2017, 2, 1), 8),
                    (datetime.date(2017, 3, 1), 10),
                    (datetime.date(2017, 4, 1), 9),
                    (datetime.date(2017, 5, 1), 9),
                    (datetime.date(2017, 6, 1), 10),
                ],
            },
            # Appendix A: Green.
            "MH_CAMHS_INTERVENTION": {
                "target": Decimal("5"),
                "tolerance": Decimal("1"),
                "values": [
                    (datetime.date(2015, 7, 1), 3),
                    (datetime.date(2015, 8, 1), 3),
                    (datetime.date(2015, 9, 1), 4),
                    (datetime.date(2015, 10, 1), 4),
                    (datetime.date(2015, 11, 1), 4),
                    (datetime.date(2015, 12, 1), 3),
                    (datetime.date(2016, 1, 1), 4),
                    (datetime.date(2016, 2, 1), 4),
                    (datetime.date(2016, 3, 1), 5),
                    (datetime.date(2016, 4, 1), 5),
                    (datetime.date(2016, 5, 1), 4),
                    (datetime.date(2016, 6, 1), 4),
                    (datetime.date(2016, 7, 1), 5),
                    (datetime.date(2016, 8, 1), 4),
                    (datetime.date(2016, 9, 1), 5),
                    (datetime.date(2016, 10, 1), 6),
                    (datetime.date(2016, 11, 1), 5),
                    (datetime.date(2016, 12, 1), 4),
                    (datetime.date(2017, 1, 1), 6),
                    (datetime.date(2017, 2, 1), 5),
                    (datetime.date(2017, 3, 1), 6),
                    (datetime.date(2017, 4, 1), 6),
                    (datetime.date(2017, 5, 1), 5),
                    (datetime.date(2017, 6, 1), 6),
                ],
            },
            # Appendix A: Red (3 against a target of 8).
            "SL_IDENTIFIED": {
                "target": Decimal("8"),
                "tolerance": Decimal("2"),
                "values": [
                    (datetime.date(2015, 7, 1), 2),
                    (datetime.date(2015, 8, 1), 1),
                    (datetime.date(2015, 9, 1), 3),
                    (datetime.date(2015, 10, 1), 2),
                    (datetime.date(2015, 11, 1), 3),
                    (datetime.date(2015, 12, 1), 2),
                    (datetime.date(2016, 1, 1), 2),
                    (datetime.date(2016, 2, 1), 3),
                    (datetime.date(2016, 3, 1), 2),
                    (datetime.date(2016, 4, 1), 3),
                    (datetime.date(2016, 5, 1), 2),
                    (datetime.date(2016, 6, 1), 2),
                    (datetime.date(2016, 7, 1), 3),
                    (datetime.date(2016, 8, 1), 2),
                    (datetime.date(2016, 9, 1), 3),
                    (datetime.date(2016, 10, 1), 4),
                    (datetime.date(2016, 11, 1), 3),
                    (datetime.date(2016, 12, 1), 2),
                    (datetime.date(2017, 1, 1), 3),
                    (datetime.date(2017, 2, 1), 3),
                    (datetime.date(2017, 3, 1), 4),
                    (datetime.date(2017, 4, 1), 3),
                    (datetime.date(2017, 5, 1), 3),
                    (datetime.date(2017, 6, 1), 3),
                ],
            },
            # Appendix A: Red (2 against a target of 6).
            "SL_ASSESSMENT": {
                "target": Decimal("6"),
                "tolerance": Decimal("2"),
                "values": [
                    (datetime.date(2015, 7, 1), 1),
                    (datetime.date(2015, 8, 1), 0),
                    (datetime.date(2015, 9, 1), 1),
                    (datetime.date(2015, 10, 1), 1),
                    (datetime.date(2015, 11, 1), 2),
                    (datetime.date(2015, 12, 1), 1),
                    (datetime.date(2016, 1, 1), 1),
                    (datetime.date(2016, 2, 1), 1),
                    (datetime.date(2016, 3, 1), 1),
                    (datetime.date(2016, 4, 1), 2),
                    (datetime.date(2016, 5, 1), 1),
                    (datetime.date(2016, 6, 1), 1),
                    (datetime.date(2016, 7, 1), 2),
                    (datetime.date(2016, 8, 1), 1),
                    (datetime.date(2016, 9, 1), 1),
                    (datetime.date(2016, 10, 1), 2),
                    (datetime.date(2016, 11, 1), 2),
                    (datetime.date(2016, 12, 1), 1),
                    (datetime.date(2017, 1, 1), 2),
                    (datetime.date(2017, 2, 1), 1),
                    (datetime.date(2017, 3, 1), 2),
                    (datetime.date(2017, 4, 1), 2),
                    (datetime.date(2017, 5, 1), 1),
                    (datetime.date(2017, 6, 1), 2),
                ],
            },
            # Appendix A: Purple, not started: no values.
            "SL_INTERVENTION": {
                "target": Decimal("4"),
                "tolerance": Decimal("1"),
                "values": [],
            },
            # Appendix A: Purple: no values.
            "TRAUMA_ASSESSED": {
                "target": Decimal("100"),
                "tolerance": Decimal("10"),
                "values": [],
            },
            # Appendix A: Purple: no values.
            "TRAUMA_INTERVENTION": {
                "target": Decimal("80"),
                "tolerance": Decimal("10"),
                "values": [],
            },
            # Plausible values rising to 88% of standards met: Appendix A Green.
            "NS_MET": {
                "target": Decimal("85"),
                "tolerance": Decimal("10"),
                "values": [
                    (datetime.date(2015, 7, 1), (31, 46)),
                    (datetime.date(2015, 8, 1), (30, 44)),
                    (datetime.date(2015, 9, 1), (35, 50)),
                    (datetime.date(2015, 10, 1), (34, 48)),
                    (datetime.date(2015, 11, 1), (37, 52)),
                    (datetime.date(2015, 12, 1), (28, 40)),
                    (datetime.date(2016, 1, 1), (35, 47)),
                    (datetime.date(2016, 2, 1), (36, 49)),
                    (datetime.date(2016, 3, 1), (38, 51)),
                    (datetime.date(2016, 4, 1), (35, 45)),
                    (datetime.date(2016, 5, 1), (37, 48)),
                    (datetime.date(2016, 6, 1), (39, 50)),
                    (datetime.date(2016, 7, 1), (36, 47)),
                    (datetime.date(2016, 8, 1), (33, 42)),
                    (datetime.date(2016, 9, 1), (40, 49)),
                    (datetime.date(2016, 10, 1), (41, 51)),
                    (datetime.date(2016, 11, 1), (40, 48)),
                    (datetime.date(2016, 12, 1), (33, 41)),
                    (datetime.date(2017, 1, 1), (42, 50)),
                    (datetime.date(2017, 2, 1), (39, 46)),
                    (datetime.date(2017, 3, 1), (44, 52)),
                    (datetime.date(2017, 4, 1), (41, 47)),
                    (datetime.date(2017, 5, 1), (43, 49)),
                    (datetime.date(2017, 6, 1), (44, 50)),
                ],
            },
            # Targets only: the app computes CA_* values from the case audits.
            "CA_AUDITED": {
                "target": Decimal("15"),
                "tolerance": Decimal("5"),
                "values": [],
            },
            "CA_GOOD": {
                "target": Decimal("60"),
                "tolerance": Decimal("15"),
                "values": [],
            },
            "CA_INADEQUATE": {
                "target": Decimal("10"),
                "tolerance": Decimal("10"),
                "values": [],
            },
            "CA_GOOD_ASSESSMENT": {
                "target": Decimal("60"),
                "tolerance": Decimal("15"),
                "values": [],
            },
            "CA_INADEQUATE_ASSESSMENT": {
                "target": Decimal("10"),
                "tolerance": Decimal("10"),
                "values": [],
            },
            "CA_GOOD_INTERVENTION": {
                "target": Decimal("60"),
                "tolerance": Decimal("15"),
                "values": [],
            },
            "CA_INADEQUATE_INTERVENTION": {
                "target": Decimal("10"),
                "tolerance": Decimal("10"),
                "values": [],
            },
            "CA_GOOD_RISK": {
                "target": Decimal("60"),
                "tolerance": Decimal("15"),
                "values": [],
            },
            "CA_INADEQUATE_RISK": {
                "target": Decimal("10"),
                "tolerance": Decimal("10"),
                "values": [],
            },
            "CA_GOOD_VULNERABILITY": {
                "target": Decimal("60"),
                "tolerance": Decimal("15"),
                "values": [],
            },
            "CA_INADEQUATE_VULNERABILITY": {
                "target": Decimal("10"),
                "tolerance": Decimal("10"),
                "values": [],
            },
            # Annual. The board's first self-assessment was in 2017 (seed 000, Appendix B); the score is ours.
            "BOARD_SELF_ASSESSMENT": {
                "target": Decimal("75"),
                "tolerance": Decimal("20"),
                "values": [
                    (datetime.date(2017, 4, 1), (14, 24)),
                ],
            },
            # Targets only: the app computes IP_* values from the improvement plan (Appendix A: Red).
            "IP_GREEN": {
                "target": Decimal("60"),
                "tolerance": Decimal("15"),
                "values": [],
            },
            "IP_AMBER": {
                "target": Decimal("40"),
                "tolerance": Decimal("10"),
                "values": [],
            },
            "IP_RED": {
                "target": Decimal("0"),
                "tolerance": Decimal("5"),
                "values": [],
            },
            # Workforce, plausible values on an establishment of 52 posts: vacancy, absence and training Green,
            # agency Red in the latest period (Appendix A).
            "WF_VACANCY": {
                "target": Decimal("5"),
                "tolerance": Decimal("5"),
                "values": [
                    (datetime.date(2015, 7, 1), (7, 52)),
                    (datetime.date(2015, 8, 1), (7, 52)),
                    (datetime.date(2015, 9, 1), (6, 52)),
                    (datetime.date(2015, 10, 1), (7, 52)),
                    (datetime.date(2015, 11, 1), (6, 52)),
                    (datetime.date(2015, 12, 1), (6, 52)),
                    (datetime.date(2016, 1, 1), (5, 52)),
                    (datetime.date(2016, 2, 1), (6, 52)),
                    (datetime.date(2016, 3, 1), (5, 52)),
                    (datetime.date(2016, 4, 1), (5, 52)),
                    (datetime.date(2016, 5, 1), (4, 52)),
                    (datetime.date(2016, 6, 1), (5, 52)),
                    (datetime.date(2016, 7, 1), (4, 52)),
                    (datetime.date(2016, 8, 1), (4, 52)),
                    (datetime.date(2016, 9, 1), (3, 52)),
                    (datetime.date(2016, 10, 1), (4, 52)),
                    (datetime.date(2016, 11, 1), (3, 52)),
                    (datetime.date(2016, 12, 1), (3, 52)),
                    (datetime.date(2017, 1, 1), (3, 52)),
                    (datetime.date(2017, 2, 1), (2, 52)),
                    (datetime.date(2017, 3, 1), (3, 52)),
                    (datetime.date(2017, 4, 1), (2, 52)),
                    (datetime.date(2017, 5, 1), (2, 52)),
                    (datetime.date(2017, 6, 1), (2, 52)),
                ],
            },
            "WF_ABSENCE": {
                "target": Decimal("3"),
                "tolerance": Decimal("2"),
                "values": [
                    (datetime.date(2015, 7, 1), (3, 45)),
                    (datetime.date(2015, 8, 1), (3, 45)),
                    (datetime.date(2015, 9, 1), (2, 46)),
                    (datetime.date(2015, 10, 1), (3, 45)),
                    (datetime.date(2015, 11, 1), (3, 46)),
                    (datetime.date(2015, 12, 1), (2, 46)),
                    (datetime.date(2016, 1, 1), (2, 47)),
                    (datetime.date(2016, 2, 1), (3, 46)),
                    (datetime.date(2016, 3, 1), (2, 47)),
                    (datetime.date(2016, 4, 1), (2, 47)),
                    (datetime.date(2016, 5, 1), (2, 48)),
                    (datetime.date(2016, 6, 1), (1, 47)),
                    (datetime.date(2016, 7, 1), (2, 48)),
                    (datetime.date(2016, 8, 1), (2, 48)),
                    (datetime.date(2016, 9, 1), (1, 49)),
                    (datetime.date(2016, 10, 1), (2, 48)),
                    (datetime.date(2016, 11, 1), (1, 49)),
                    (datetime.date(2016, 12, 1), (1, 49)),
                    (datetime.date(2017, 1, 1), (1, 49)),
                    (datetime.date(2017, 2, 1), (2, 50)),
                    (datetime.date(2017, 3, 1), (1, 49)),
                    (datetime.date(2017, 4, 1), (1, 50)),
                    (datetime.date(2017, 5, 1), (1, 50)),
                    (datetime.date(2017, 6, 1), (1, 50)),
                ],
            },
            "WF_AGENCY": {
                "target": Decimal("5"),
                "tolerance": Decimal("5"),
                "values": [
                    (datetime.date(2015, 7, 1), (10, 52)),
                    (datetime.date(2015, 8, 1), (10, 52)),
                    (datetime.date(2015, 9, 1), (11, 52)),
                    (datetime.date(2015, 10, 1), (10, 52)),
                    (datetime.date(2015, 11, 1), (10, 52)),
                    (datetime.date(2015, 12, 1), (9, 52)),
                    (datetime.date(2016, 1, 1), (9, 52)),
                    (datetime.date(2016, 2, 1), (9, 52)),
                    (datetime.date(2016, 3, 1), (9, 52)),
                    (datetime.date(2016, 4, 1), (8, 52)),
                    (datetime.date(2016, 5, 1), (8, 52)),
                    (datetime.date(2016, 6, 1), (8, 52)),
                    (datetime.date(2016, 7, 1), (8, 52)),
                    (datetime.date(2016, 8, 1), (8, 52)),
                    (datetime.date(2016, 9, 1), (7, 52)),
                    (datetime.date(2016, 10, 1), (8, 52)),
                    (datetime.date(2016, 11, 1), (8, 52)),
                    (datetime.date(2016, 12, 1), (8, 52)),
                    (datetime.date(2017, 1, 1), (9, 52)),
                    (datetime.date(2017, 2, 1), (8, 52)),
                    (datetime.date(2017, 3, 1), (8, 52)),
                    (datetime.date(2017, 4, 1), (8, 52)),
                    (datetime.date(2017, 5, 1), (8, 52)),
                    (datetime.date(2017, 6, 1), (8, 52)),
                ],
            },
            "WF_TRAINING": {
                "target": Decimal("90"),
                "tolerance": Decimal("10"),
                "values": [
                    (datetime.date(2015, 7, 1), (18, 45)),
                    (datetime.date(2015, 8, 1), (18, 45)),
                    (datetime.date(2015, 9, 1), (21, 46)),
                    (datetime.date(2015, 10, 1), (21, 45)),
                    (datetime.date(2015, 11, 1), (23, 46)),
                    (datetime.date(2015, 12, 1), (23, 46)),
                    (datetime.date(2016, 1, 1), (26, 47)),
                    (datetime.date(2016, 2, 1), (26, 46)),
                    (datetime.date(2016, 3, 1), (27, 47)),
                    (datetime.date(2016, 4, 1), (29, 47)),
                    (datetime.date(2016, 5, 1), (30, 48)),
                    (datetime.date(2016, 6, 1), (31, 47)),
                    (datetime.date(2016, 7, 1), (32, 48)),
                    (datetime.date(2016, 8, 1), (33, 48)),
                    (datetime.date(2016, 9, 1), (36, 49)),
                    (datetime.date(2016, 10, 1), (35, 48)),
                    (datetime.date(2016, 11, 1), (38, 49)),
                    (datetime.date(2016, 12, 1), (38, 49)),
                    (datetime.date(2017, 1, 1), (40, 49)),
                    (datetime.date(2017, 2, 1), (42, 50)),
                    (datetime.date(2017, 3, 1), (41, 49)),
                    (datetime.date(2017, 4, 1), (44, 50)),
                    (datetime.date(2017, 5, 1), (45, 50)),
                    (datetime.date(2017, 6, 1), (46, 50)),
                ],
            },
            # Police-recorded crime in the borough: plausible monthly counts (Appendix A gives no RAG).
            "CRIME_SYV": {
                "target": Decimal("22"),
                "tolerance": Decimal("4"),
                "values": [
                    (datetime.date(2015, 7, 1), 27),
                    (datetime.date(2015, 8, 1), 31),
                    (datetime.date(2015, 9, 1), 25),
                    (datetime.date(2015, 10, 1), 28),
                    (datetime.date(2015, 11, 1), 24),
                    (datetime.date(2015, 12, 1), 22),
                    (datetime.date(2016, 1, 1), 23),
                    (datetime.date(2016, 2, 1), 21),
                    (datetime.date(2016, 3, 1), 26),
                    (datetime.date(2016, 4, 1), 25),
                    (datetime.date(2016, 5, 1), 29),
                    (datetime.date(2016, 6, 1), 30),
                    (datetime.date(2016, 7, 1), 28),
                    (datetime.date(2016, 8, 1), 32),
                    (datetime.date(2016, 9, 1), 27),
                    (datetime.date(2016, 10, 1), 24),
                    (datetime.date(2016, 11, 1), 22),
                    (datetime.date(2016, 12, 1), 20),
                    (datetime.date(2017, 1, 1), 21),
                    (datetime.date(2017, 2, 1), 19),
                    (datetime.date(2017, 3, 1), 23),
                    (datetime.date(2017, 4, 1), 24),
                    (datetime.date(2017, 5, 1), 26),
                    (datetime.date(2017, 6, 1), 25),
                ],
            },
            "CRIME_KNIFE_U25": {
                "target": Decimal("13"),
                "tolerance": Decimal("3"),
                "values": [
                    (datetime.date(2015, 7, 1), 16),
                    (datetime.date(2015, 8, 1), 18),
                    (datetime.date(2015, 9, 1), 15),
                    (datetime.date(2015, 10, 1), 17),
                    (datetime.date(2015, 11, 1), 14),
                    (datetime.date(2015, 12, 1), 13),
                    (datetime.date(2016, 1, 1), 14),
                    (datetime.date(2016, 2, 1), 12),
                    (datetime.date(2016, 3, 1), 15),
                    (datetime.date(2016, 4, 1), 16),
                    (datetime.date(2016, 5, 1), 17),
                    (datetime.date(2016, 6, 1), 19),
                    (datetime.date(2016, 7, 1), 18),
                    (datetime.date(2016, 8, 1), 20),
                    (datetime.date(2016, 9, 1), 16),
                    (datetime.date(2016, 10, 1), 15),
                    (datetime.date(2016, 11, 1), 13),
                    (datetime.date(2016, 12, 1), 12),
                    (datetime.date(2017, 1, 1), 13),
                    (datetime.date(2017, 2, 1), 12),
                    (datetime.date(2017, 3, 1), 14),
                    (datetime.date(2017, 4, 1), 15),
                    (datetime.date(2017, 5, 1), 16),
                    (datetime.date(2017, 6, 1), 15),
                ],
            },
            "CRIME_GUN": {
                "target": Decimal("5"),
                "tolerance": Decimal("2"),
                "values": [
                    (datetime.date(2015, 7, 1), 7),
                    (datetime.date(2015, 8, 1), 5),
                    (datetime.date(2015, 9, 1), 6),
                    (datetime.date(2015, 10, 1), 8),
                    (datetime.date(2015, 11, 1), 4),
                    (datetime.date(2015, 12, 1), 5),
                    (datetime.date(2016, 1, 1), 6),
                    (datetime.date(2016, 2, 1), 3),
                    (datetime.date(2016, 3, 1), 5),
                    (datetime.date(2016, 4, 1), 6),
                    (datetime.date(2016, 5, 1), 7),
                    (datetime.date(2016, 6, 1), 8),
                    (datetime.date(2016, 7, 1), 6),
                    (datetime.date(2016, 8, 1), 9),
                    (datetime.date(2016, 9, 1), 5),
                    (datetime.date(2016, 10, 1), 6),
                    (datetime.date(2016, 11, 1), 4),
                    (datetime.date(2016, 12, 1), 5),
                    (datetime.date(2017, 1, 1), 3),
                    (datetime.date(2017, 2, 1), 4),
                    (datetime.date(2017, 3, 1), 5),
                    (datetime.date(2017, 4, 1), 6),
                    (datetime.date(2017, 5, 1), 7),
                    (datetime.date(2017, 6, 1), 6),
                ],
            },
        },
    },
    "islington": {
        # Seed 001 gives directions, not figures: every number here is ours. 12-month cohorts for reoffending
        # (the YJB measure of the time), 10-17 population 15,560 held constant.
        "tracked": ["FTE_RATE", "REOFF_BINARY", "REOFF_FREQUENCY", "REOFF_PER_REOFFENDER", "CUSTODY_RATE"],
        "series": {
            # Improving in each of the last three quarters (seed 001): 501 -> 514 -> 476 -> 443 -> 405.
            "FTE_RATE": {
                "target": Decimal("450"),
                "tolerance": Decimal("50"),
                "values": [
                    (datetime.date(2015, 10, 1), (78, 15560)),
                    (datetime.date(2016, 1, 1), (80, 15560)),
                    (datetime.date(2016, 4, 1), (74, 15560)),
                    (datetime.date(2016, 7, 1), (69, 15560)),
                    (datetime.date(2016, 10, 1), (63, 15560)),
                ],
                "comparators": {
                    "england_wales": [
                        (datetime.date(2015, 10, 1), Decimal("376.0")),
                        (datetime.date(2016, 1, 1), Decimal("368.5")),
                        (datetime.date(2016, 4, 1), Decimal("358.2")),
                        (datetime.date(2016, 7, 1), Decimal("346.9")),
                        (datetime.date(2016, 10, 1), Decimal("335.4")),
                    ],
                },
            },
            # Improving (seed 001): 53.1% -> 48.8%.
            "REOFF_BINARY": {
                "target": Decimal("45"),
                "tolerance": Decimal("5"),
                "values": ISLINGTON_COHORTS["REOFF_BINARY"],
                "comparators": {
                    "england_wales": [
                        (datetime.date(2015, 10, 1), Decimal("37.7")),
                        (datetime.date(2016, 1, 1), Decimal("37.9")),
                        (datetime.date(2016, 4, 1), Decimal("37.9")),
                        (datetime.date(2016, 7, 1), Decimal("38.0")),
                        (datetime.date(2016, 10, 1), Decimal("37.8")),
                    ],
                },
            },
            # Still rising as the cohort shrinks (seed 001): 1.72 -> 1.93.
            "REOFF_FREQUENCY": {
                "target": Decimal("1.50"),
                "tolerance": Decimal("0.20"),
                "values": ISLINGTON_COHORTS["REOFF_FREQUENCY"],
                "comparators": {
                    "england_wales": [
                        (datetime.date(2015, 10, 1), Decimal("1.13")),
                        (datetime.date(2016, 1, 1), Decimal("1.14")),
                        (datetime.date(2016, 4, 1), Decimal("1.16")),
                        (datetime.date(2016, 7, 1), Decimal("1.17")),
                        (datetime.date(2016, 10, 1), Decimal("1.18")),
                    ],
                },
            },
            # Still rising (seed 001): 3.24 -> 3.96.
            "REOFF_PER_REOFFENDER": {
                "target": Decimal("3.20"),
                "tolerance": Decimal("0.30"),
                "values": ISLINGTON_COHORTS["REOFF_PER_REOFFENDER"],
                "comparators": {
                    "england_wales": [
                        (datetime.date(2015, 10, 1), Decimal("2.99")),
                        (datetime.date(2016, 1, 1), Decimal("3.01")),
                        (datetime.date(2016, 4, 1), Decimal("3.06")),
                        (datetime.date(2016, 7, 1), Decimal("3.08")),
                        (datetime.date(2016, 10, 1), Decimal("3.12")),
                    ],
                },
            },
            # Down for the first time in the latest quarter (seed 001): 1.93 ... 2.12 -> 1.86 per 1,000.
            "CUSTODY_RATE": {
                "target": Decimal("1.50"),
                "tolerance": Decimal("0.30"),
                "values": [
                    (datetime.date(2015, 10, 1), (30, 15560)),
                    (datetime.date(2016, 1, 1), (31, 15560)),
                    (datetime.date(2016, 4, 1), (32, 15560)),
                    (datetime.date(2016, 7, 1), (33, 15560)),
                    (datetime.date(2016, 10, 1), (29, 15560)),
                ],
                "comparators": {
                    "england_wales": [
                        (datetime.date(2015, 10, 1), Decimal("0.41")),
                        (datetime.date(2016, 1, 1), Decimal("0.40")),
                        (datetime.date(2016, 4, 1), Decimal("0.39")),
                        (datetime.date(2016, 7, 1), Decimal("0.38")),
                        (datetime.date(2016, 10, 1), Decimal("0.37")),
                    ],
                },
            },
        },
    },
}

# Seed 003, paragraph 3.3.4: Bromley audited 15 court and community cases in October 2015 (start of order
# and three-month review stage) on Asset/ROSH, intervention plans, risk management plans and vulnerability
# management plans. Reported (the seed cuts its percentages to whole numbers, not rounding them: 66.7 is printed
# 66, 45.5 is 45): Asset/ROSH 66% inadequate (here 10 of 15 = 66.7%); intervention plans 80%
# inadequate (12 of 15); risk management plans 60% inadequate (9 of 15); vulnerability management plans
# 45% good and 45% inadequate -- not possible of 15 cases, so the plan was not applicable to four (left out
# of its figures) and of the other 11, 5 are good, 5 inadequate and 1 satisfactory (45.5% each). Which
# case got which grade, the grades that are not inadequate in the first three areas,
# and the case types are ours. "overall" is our judgement from the four areas: inadequate where two or more
# areas are inadequate; good where none is inadequate and at least three are good; otherwise satisfactory
# (11 inadequate, 3 satisfactory, 1 good). One case is a custodial sentence being served in the community
# on licence; the rest are court orders. References are pseudonymous; no child is named.
BROMLEY_AUDITS = {
    "month": datetime.date(2015, 10, 1),
    "grades": ["good", "satisfactory", "inadequate"],  # Bromley's scale reports good and inadequate
    "cases": [
        {
            "reference": "BR-2015-001",
            "case_type": "court_order",
            "assessment": "inadequate",
            "intervention": "inadequate",
            "risk": "inadequate",
            "vulnerability": None,  # not applicable
            "overall": "inadequate",
        },
        {
            "reference": "BR-2015-002",
            "case_type": "court_order",
            "assessment": "inadequate",
            "intervention": "inadequate",
            "risk": "inadequate",
            "vulnerability": None,  # not applicable
            "overall": "inadequate",
        },
        {
            "reference": "BR-2015-003",
            "case_type": "court_order",
            "assessment": "inadequate",
            "intervention": "inadequate",
            "risk": "inadequate",
            "vulnerability": None,  # not applicable
            "overall": "inadequate",
        },
        {
            "reference": "BR-2015-004",
            "case_type": "court_order",
            "assessment": "inadequate",
            "intervention": "inadequate",
            "risk": "inadequate",
            "vulnerability": None,  # not applicable
            "overall": "inadequate",
        },
        {
            "reference": "BR-2015-005",
            "case_type": "court_order",
            "assessment": "inadequate",
            "intervention": "inadequate",
            "risk": "inadequate",
            "vulnerability": "inadequate",
            "overall": "inadequate",
        },
        {
            "reference": "BR-2015-006",
            "case_type": "court_order",
            "assessment": "inadequate",
            "intervention": "inadequate",
            "risk": "inadequate",
            "vulnerability": "good",
            "overall": "inadequate",
        },
        {
            "reference": "BR-2015-007",
            "case_type": "custody",
            "assessment": "inadequate",
            "intervention": "inadequate",
            "risk": "inadequate",
            "vulnerability": "inadequate",
            "overall": "inadequate",
        },
        {
            "reference": "BR-2015-008",
            "case_type": "court_order",
            "assessment": "inadequate",
            "intervention": "inadequate",
            "risk": "inadequate",
            "vulnerability": "satisfactory",
            "overall": "inadequate",
        },
        {
            "reference": "BR-2015-009",
            "case_type": "court_order",
            "assessment": "inadequate",
            "intervention": "inadequate",
            "risk": "satisfactory",
            "vulnerability": "inadequate",
            "overall": "inadequate",
        },
        {
            "reference": "BR-2015-010",
            "case_type": "court_order",
            "assessment": "inadequate",
            "intervention": "inadequate",
            "risk": "satisfactory",
            "vulnerability": "good",
            "overall": "inadequate",
        },
        {
            "reference": "BR-2015-011",
            "case_type": "court_order",
            "assessment": "satisfactory",
            "intervention": "inadequate",
            "risk": "inadequate",
            "vulnerability": "inadequate",
            "overall": "inadequate",
        },
        {
            "reference": "BR-2015-012",
            "case_type": "court_order",
            "assessment": "satisfactory",
            "intervention": "inadequate",
            "risk": "satisfactory",
            "vulnerability": "good",
            "overall": "satisfactory",
        },
        {
            "reference": "BR-2015-013",
            "case_type": "court_order",
            "assessment": "good",
            "intervention": "good",
            "risk": "good",
            "vulnerability": "good",
            "overall": "good",
        },
        {
            "reference": "BR-2015-014",
            "case_type": "court_order",
            "assessment": "satisfactory",
            "intervention": "satisfactory",
            "risk": "good",
            "vulnerability": "good",
            "overall": "satisfactory",
        },
        {
            "reference": "BR-2015-015",
            "case_type": "court_order",
            "assessment": "good",
            "intervention": "satisfactory",
            "risk": "satisfactory",
            "vulnerability": "inadequate",
            "overall": "satisfactory",
        },
    ],
}

# ---------------------------------------------------------------------------------------------------------------
# Southwark's YJB KPI returns, April 2023 to September 2024: ILLUSTRATIVE. No seed gives KPI figures (the KPIs
# began in April 2023, after every seed); these are plausible counts for a service of Southwark's size, made up
# so that a demo service tracks KPIs 1-10. Each quarter's counts go through the KPI return
# (performance/kpi_return.py), which makes every measure from them.
# ---------------------------------------------------------------------------------------------------------------
SOUTHWARK_KPI_COUNTS = [  # count key, then one value per quarter from April 2023
    ("orders_ended", [41, 38, 44, 40, 37, 42]),
    ("accommodation_end", [36, 34, 40, 37, 34, 39]),
    ("ete_end", [24, 23, 27, 26, 25, 29]),
    ("mh_need", [19, 17, 21, 18, 16, 20]),
    ("sm_need", [12, 11, 14, 12, 10, 13]),
    ("wider_services", [22, 20, 23, 21, 19, 22]),
    ("released", [3, 2, 4, 3, 2, 3]),
    ("accommodation_release", [2, 2, 3, 3, 2, 3]),
    ("ete_release", [1, 1, 2, 2, 1, 2]),
    ("send_identified", [14, 13, 15, 14, 12, 15]),
    ("send_plan", [9, 9, 11, 11, 10, 12]),
    ("send_ete_plan", [7, 7, 9, 9, 8, 10]),
    ("mh_offered", [15, 14, 18, 16, 14, 18]),
    ("mh_attending", [10, 10, 13, 12, 11, 14]),
    ("sm_offered", [9, 9, 11, 10, 9, 11]),
    ("sm_attending", [5, 6, 7, 7, 6, 8]),
    ("oocd_ended", [28, 31, 26, 30, 33, 29]),
    ("oocd_completed", [23, 26, 22, 26, 29, 26]),
    ("caseload", [163, 158, 166, 160, 155, 161]),
    ("sv_convicted", [9, 8, 10, 8, 7, 7]),
    ("victims", [58, 54, 61, 57, 52, 59]),
    ("victims_consented", [31, 30, 35, 33, 31, 36]),
    ("victims_rj", [11, 12, 14, 14, 13, 16]),
    ("victims_views", [27, 27, 31, 30, 28, 33]),
    ("victims_informed", [22, 22, 26, 26, 25, 29]),
    ("victims_support", [18, 18, 21, 21, 20, 23]),
]
SOUTHWARK_KPI_QUARTERS = [
    datetime.date(2023, 4, 1),
    datetime.date(2023, 7, 1),
    datetime.date(2023, 10, 1),
    datetime.date(2024, 1, 1),
    datetime.date(2024, 4, 1),
    datetime.date(2024, 7, 1),
]
ILLUSTRATIVE_KPIS = illustrative_note("southwark")
