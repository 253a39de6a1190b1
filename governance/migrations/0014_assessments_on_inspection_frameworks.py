"""Self-assessments move onto the inspection frameworks (improvement.InspectionFramework), so the
board rates the same standards an inspection does and the two can be set side by side. This step
adds the new columns beside the old; the next moves the data; the one after drops the old."""

import django.db.models.deletion
from django.db import migrations, models

FK = django.db.models.deletion


def historical(to, **options):
    return models.ForeignKey(
        blank=True, db_constraint=False, null=True, on_delete=FK.DO_NOTHING, related_name="+", to=to, **options
    )


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0013_youth_justice_plan_and_logic_models"),
        ("improvement", "0014_judgements_rate_standards"),
    ]

    operations = [
        migrations.AddField(
            model_name="selfassessment",
            name="inspection",
            field=models.ForeignKey(
                blank=True,
                help_text="The inspection to set it beside: one of this service's, on the same framework.",
                null=True,
                on_delete=FK.SET_NULL,
                related_name="self_assessments",
                to="improvement.inspection",
            ),
        ),
        migrations.AddField(
            model_name="historicalselfassessment",
            name="inspection",
            field=historical(
                "improvement.inspection",
                help_text="The inspection to set it beside: one of this service's, on the same framework.",
            ),
        ),
        migrations.AddField(
            model_name="selfassessment",
            name="new_framework",
            field=models.ForeignKey(
                null=True, on_delete=FK.PROTECT, related_name="+", to="improvement.inspectionframework"
            ),
        ),
        migrations.AddField(
            model_name="standardrating",
            name="new_standard",
            field=models.ForeignKey(null=True, on_delete=FK.PROTECT, related_name="+", to="improvement.standard"),
        ),
        migrations.AddField(
            model_name="standardrating",
            name="level",
            field=models.ForeignKey(null=True, on_delete=FK.PROTECT, related_name="+", to="improvement.judgementlevel"),
        ),
        migrations.AddField(
            model_name="historicalstandardrating", name="level", field=historical("improvement.judgementlevel")
        ),
        # The history keeps its ids; the next migration rewrites them to the new tables' ids.
        migrations.AlterField(
            model_name="historicalselfassessment",
            name="framework",
            field=historical("improvement.inspectionframework"),
        ),
        migrations.AlterField(
            model_name="historicalstandardrating", name="standard", field=historical("improvement.standard")
        ),
    ]
