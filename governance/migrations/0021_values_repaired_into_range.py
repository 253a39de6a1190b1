"""Every stored integer and date of the governance app moved inside its range, before the
constraints that keep it there arrive (0022_every_value_in_range): such values once stored broke the
pages that show them (issue #29). yos_tracker.ranges.repair_stored says how each is moved, and prints
each move as it makes it. The ranges are written out as they are today, so that this migration does
the same whatever later changes them."""

from datetime import date

from django.db import migrations

from yos_tracker.ranges import repair_stored

RANGES = {
    "governance.SelfAssessment": {
        "date": (date(1998, 1, 1), date(9998, 12, 31)),
    },
    "governance.Board": {
        "terms_of_reference_review": (date(1998, 1, 1), date(9998, 12, 31)),
    },
    "governance.BoardMember": {
        "start_date": (date(1998, 1, 1), date(9998, 12, 31)),
        "end_date": (date(1998, 1, 1), date(9998, 12, 31)),
    },
    "governance.Meeting": {
        "date": (date(1998, 1, 1), date(9998, 12, 31)),
    },
    "governance.AgendaItem": {
        "order": (0, 32_767),
    },
    "governance.BoardAction": {
        "due_date": (date(1998, 1, 1), date(9998, 12, 31)),
    },
    "governance.LogicOutcome": {
        "order": (0, 32_767),
    },
    "governance.LogicOutcomeReview": {
        "date": (date(1998, 1, 1), date(9998, 12, 31)),
    },
    "governance.CommitteeReport": {
        "meeting_date": (date(1998, 1, 1), date(9998, 12, 31)),
        "period_start": (date(1998, 1, 1), date(9998, 12, 31)),
        "period_end": (date(1998, 1, 1), date(9998, 12, 31)),
        "plan_year": (1999, 2100),
    },
    "governance.PlanSignOff": {
        "date": (date(1998, 1, 1), date(9998, 12, 31)),
    },
    "governance.RiskBand": {
        "lowest": (1, 25),
        "highest": (1, 25),
    },
    "governance.Risk": {
        "number": (0, 999_999),
        "raised_on": (date(1998, 1, 1), date(9998, 12, 31)),
        "inherent_likelihood": (1, 5),
        "inherent_impact": (1, 5),
        "residual_likelihood": (1, 5),
        "residual_impact": (1, 5),
        "target_score": (1, 25),
        "inherent_score_recorded": (0, 999),
        "residual_score_recorded": (0, 999),
        "review_every_days": (1, 365),
        "last_reviewed": (date(1998, 1, 1), date(9998, 12, 31)),
    },
    "governance.RiskReview": {
        "date": (date(1998, 1, 1), date(9998, 12, 31)),
        "inherent_likelihood": (1, 5),
        "inherent_impact": (1, 5),
        "residual_likelihood": (1, 5),
        "residual_impact": (1, 5),
    },
}


def repair(apps, schema_editor):
    for model, ranges in RANGES.items():
        repair_stored(apps, model, ranges)


class Migration(migrations.Migration):
    dependencies = [("governance", "0020_job_heartbeats")]
    operations = [migrations.RunPython(repair, migrations.RunPython.noop)]
