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


# Audit grade scales as the source documents use them: (code, label, colour, good or better, inadequate).
AUDIT_GRADE_SCALES = {
    "lewisham": [
        ("good", "Good", "#00703c", True, False),
        ("satisfactory", "Satisfactory", "#85994b", False, False),
        ("not_satisfactory", "Not satisfactory", "#f47738", False, True),
        ("poor", "Poor", "#d4351c", False, True),
    ],
    "bromley": [
        ("good", "Good", "#00703c", True, False),
        ("satisfactory", "Satisfactory", "#85994b", False, False),
        ("inadequate", "Inadequate", "#d4351c", False, True),
    ],
}
DEFAULT_AUDIT_GRADE_SCALE = "lewisham"
