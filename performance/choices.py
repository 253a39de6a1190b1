from django.db import models


class Scope(models.TextChoices):
    NATIONAL = "national", "National"
    LOCAL = "local", "Local"


class Unit(models.TextChoices):
    COUNT = "count", "Count"
    PERCENT = "percent", "%"
    RATE_100K = "rate_100k", "Rate per 100,000"
    RATE_1000 = "rate_1000", "Rate per 1,000"
    NIGHTS = "nights", "Nights"
    DAYS = "days", "Days"
    RATIO = "ratio", "Ratio"


class Polarity(models.TextChoices):
    LOWER_BETTER = "lower_better", "Lower is better"
    HIGHER_BETTER = "higher_better", "Higher is better"


class Frequency(models.TextChoices):
    MONTHLY = "monthly", "Monthly"
    QUARTERLY = "quarterly", "Quarterly"
    ANNUAL = "annual", "Annual"


class Computation(models.TextChoices):
    DIRECT = "direct", "Entered directly"
    RATIO = "ratio", "Numerator ÷ denominator × multiplier"


class ComparatorKind(models.TextChoices):
    LONDON = "london", "London"
    YOT_FAMILY = "yot_family", "YOT family"
    ENGLAND_WALES = "england_wales", "England and Wales"


class CaseType(models.TextChoices):
    OUT_OF_COURT = "out_of_court", "Pre-court / out-of-court"
    COURT_ORDER = "court_order", "Court order"
    CUSTODY = "custody", "Custody"


class RunStatus(models.TextChoices):
    QUEUED = "queued", "Queued"
    RUNNING = "running", "Running"
    SUCCEEDED = "succeeded", "Succeeded"
    FAILED = "failed", "Failed"


class RunTrigger(models.TextChoices):
    SCHEDULE = "schedule", "Monthly schedule"
    MANUAL = "manual", "Recalculated by hand"
    DEMO = "demo", "Demo data"


# Audit grade scales as the source documents use them: Lewisham's four grades and Bromley's three
# (seed 003 reports % good and % inadequate). Rank 1 is the best grade.
def _grades(*steps) -> list[dict]:
    return [
        {"code": code, "label": label, "colour": colour, "is_good": good, "is_inadequate": inadequate, "rank": rank}
        for rank, (code, label, colour, good, inadequate) in enumerate(steps, start=1)
    ]


AUDIT_GRADE_SCALES = {
    "lewisham": _grades(
        ("good", "Good", "#00703c", True, False),
        ("satisfactory", "Satisfactory", "#85994b", False, False),
        ("not_satisfactory", "Not satisfactory", "#f47738", False, True),
        ("poor", "Poor", "#d4351c", False, True),
    ),
    "bromley": _grades(
        ("good", "Good", "#00703c", True, False),
        ("satisfactory", "Satisfactory", "#85994b", False, False),
        ("inadequate", "Inadequate", "#d4351c", False, True),
    ),
}
AUDIT_GRADE_SCALE_CHOICES = [
    ("lewisham", "Lewisham's: Good, Satisfactory, Not satisfactory, Poor"),
    ("bromley", "Bromley's: Good, Satisfactory, Inadequate"),
]
DEFAULT_AUDIT_GRADE_SCALE = "lewisham"


# The live tracker and the proven-reoffending measure. Sources: Ministry of Justice, "Guide to
# Proven Reoffending Statistics" (April 2019), 2.1 (the cohort: children cautioned, convicted or
# released from custody in the period; a proven reoffence is one committed in the 12-month
# follow-up and proven by caution or conviction then or in a further 6 months); seed 004 and
# seed 000 Appendix A (Lewisham's live tracker: all children with a substantive outcome from
# January to December, followed month by month).
# A service may add its own outcome types (e.g. a diversion scheme it counts locally) or retire
# these: they are a scale like the audit grades, and these are where every service starts.
OUTCOME_KIND_SCALES = {
    "yjb": [
        {"code": "caution", "label": "Youth caution or youth conditional caution", "colour": "#505a5f", "position": 1},
        {"code": "conviction", "label": "Conviction at court (non-custodial)", "colour": "#505a5f", "position": 2},
        {"code": "custody_release", "label": "Release from custody", "colour": "#505a5f", "position": 3},
    ]
}
DEFAULT_OUTCOME_KIND_SCALE = "yjb"


class OffenceType(models.TextChoices):
    """The offence groups of the MoJ's proven-reoffending statistics; the first two are violent
    in the live tracker's sense (seed 000: "violence against the person and robbery")."""

    VIOLENCE = "violence", "Violence against the person"
    ROBBERY = "robbery", "Robbery"
    SEXUAL = "sexual", "Sexual offences"
    BURGLARY = "burglary", "Burglary"
    THEFT = "theft", "Theft and handling stolen goods"
    CRIMINAL_DAMAGE = "criminal_damage", "Criminal damage and arson"
    DRUGS = "drugs", "Drug offences"
    WEAPONS = "weapons", "Possession of weapons"
    PUBLIC_ORDER = "public_order", "Public order offences"
    FRAUD = "fraud", "Fraud"
    MOTORING = "motoring", "Motoring offences"
    BREACH = "breach", "Breach of a statutory order"
    OTHER = "other", "Other offences"


VIOLENT_OFFENCES = {OffenceType.VIOLENCE, OffenceType.ROBBERY}


class CohortConvention(models.TextChoices):
    """How a cohort is followed. The YJB's (MoJ) measure: each child for 12 months from their
    qualifying outcome, offences proven within a further 6 months. The live tracker: every child
    from their outcome to the end of each calendar month since the cohort began, offences counted
    once they are proven, whenever that is."""

    YJB = "yjb", "YJB proven reoffending: 12 months from each child's outcome, 6 more to prove"
    LIVE = "live", "Live tracker: month by month since the cohort began, counted once proven"


# The keys a service rates an indicator on by judgement, where no target computes its RAG. Seed 000,
# Appendix A: "Key: Green = Target met, Amber = Toward met target, Red = Target not met, Purple =
# Target not started or problematic". Every service starts with the first three; Lewisham's key
# adds Purple. A service edits its own key like its other scales.
def _key(*steps) -> list[dict]:
    return [
        {"code": code, "label": label, "colour": colour, "meaning": meaning, "rank": rank}
        for rank, (code, label, colour, meaning) in enumerate(steps, start=1)
    ]


RATING_KEY_SCALES = {
    "rag": _key(
        ("green", "Green", "#00703c", "Target met"),
        ("amber", "Amber", "#ffbf47", "Toward met target"),
        ("red", "Red", "#d4351c", "Target not met"),
    ),
    "lewisham": _key(
        ("green", "Green", "#00703c", "Target met"),
        ("amber", "Amber", "#ffbf47", "Toward met target"),
        ("red", "Red", "#d4351c", "Target not met"),
        ("purple", "Purple", "#4c2c92", "Target not started or problematic"),
    ),
}
RATING_KEY_SCALE_CHOICES = [
    ("rag", "Green, Amber, Red: target met, toward it, not met"),
    ("lewisham", "Lewisham's: Green, Amber, Red and Purple for not started or problematic"),
]
DEFAULT_RATING_KEY_SCALE = "rag"
