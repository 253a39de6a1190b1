"""Every stored integer and date of the performance app moved inside its range, before the
constraints that keep it there arrive (0025_every_value_in_range): such values once stored broke the
pages that show them (issue #29). yos_tracker.ranges.repair_stored says how each is moved, and prints
each move as it makes it. The ranges are written out as they are today, so that this migration does
the same whatever later changes them."""

from datetime import date

from django.db import migrations

from yos_tracker.ranges import repair_stored

RANGES = {
    "performance.AuditGrade": {
        "rank": (1, 32_767),
    },
    "performance.CaseAudit": {
        "month": (date(1998, 1, 1), date(9998, 12, 1)),
    },
    "performance.IndicatorCategory": {
        "order": (0, 32_767),
    },
    "performance.OutcomeKind": {
        "position": (1, 32_767),
    },
    "performance.QualifyingOutcome": {
        "date": (date(1998, 1, 1), date(9998, 12, 31)),
        "gravity": (1, 8),
    },
    "performance.Reoffence": {
        "offence_date": (date(1998, 1, 1), date(9998, 12, 31)),
        "proven_date": (date(1998, 1, 1), date(9998, 12, 31)),
        "gravity": (1, 8),
    },
    "performance.Cohort": {
        "period_start": (date(1998, 1, 1), date(9994, 12, 31)),
        "period_end": (date(1998, 1, 1), date(9994, 12, 31)),
        "follow_up_months": (1, 36),
        "wait_months": (0, 12),
    },
    "performance.RatingStep": {
        "rank": (1, 32_767),
    },
    "performance.IndicatorJudgement": {
        "period": (date(1997, 4, 1), date(9998, 12, 1)),
    },
    "performance.TrackedIndicator": {
        "order": (0, 32_767),
    },
    "performance.Target": {
        "applies_from": (date(1997, 4, 1), date(9998, 12, 1)),
    },
    "performance.Comparator": {
        "period": (date(1997, 4, 1), date(9998, 12, 1)),
    },
    "performance.Measurement": {
        "period": (date(1997, 4, 1), date(9998, 12, 1)),
    },
    "performance.RollupRun": {
        "month": (date(1998, 1, 1), date(9998, 12, 1)),
    },
}


def repair(apps, schema_editor):
    for model, ranges in RANGES.items():
        repair_stored(apps, model, ranges)


class Migration(migrations.Migration):
    dependencies = [("performance", "0023_case_audit_auditor_name")]
    operations = [migrations.RunPython(repair, migrations.RunPython.noop)]
