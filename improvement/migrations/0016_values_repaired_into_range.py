"""Every stored integer and date of the improvement app moved inside its range, before the
constraints that keep it there arrive (0017_every_value_in_range): such values once stored broke the
pages that show them (issue #29). yos_tracker.ranges.repair_stored says how each is moved, and prints
each move as it makes it. The ranges are written out as they are today, so that this migration does
the same whatever later changes them."""

from datetime import date

from django.db import migrations

from yos_tracker.ranges import repair_stored

RANGES = {
    "improvement.PlanApproval": {
        "approved_on": (date(1998, 1, 1), date(9998, 12, 31)),
    },
    "improvement.InspectionFramework": {
        "order": (0, 32_767),
    },
    "improvement.JudgementLevel": {
        "rank": (1, 32_767),
        "score": (0, 100),
    },
    "improvement.Standard": {
        "order": (0, 32_767),
    },
    "improvement.Inspection": {
        "fieldwork_start": (date(1998, 1, 1), date(9998, 12, 31)),
        "fieldwork_end": (date(1998, 1, 1), date(9998, 12, 31)),
        "published_on": (date(1998, 1, 1), date(9998, 12, 31)),
    },
    "improvement.ProgressUpdate": {
        "date": (date(1998, 1, 1), date(9998, 12, 31)),
    },
    "improvement.ImprovementPlan": {
        "period_start": (date(1998, 1, 1), date(9998, 12, 31)),
        "period_end": (date(1998, 1, 1), date(9998, 12, 31)),
        "approved_on": (date(1998, 1, 1), date(9998, 12, 31)),
        "stale_after_days": (1, 3650),
    },
    "improvement.Recommendation": {
        "order": (0, 32_767),
    },
    "improvement.Action": {
        "start_date": (date(1998, 1, 1), date(9998, 12, 31)),
        "due_date": (date(1998, 1, 1), date(9998, 12, 31)),
        "order": (0, 32_767),
    },
    "improvement.NextStep": {
        "planned_by": (date(1998, 1, 1), date(9998, 12, 31)),
        "order": (0, 32_767),
    },
    "improvement.RagStatus": {
        "order": (0, 32_767),
    },
    "improvement.ReminderSettings": {
        "due_soon_days": (1, 90),
    },
}


def repair(apps, schema_editor):
    for model, ranges in RANGES.items():
        repair_stored(apps, model, ranges)


class Migration(migrations.Migration):
    dependencies = [("improvement", "0015_national_standards_audit_framework")]
    operations = [migrations.RunPython(repair, migrations.RunPython.noop)]
