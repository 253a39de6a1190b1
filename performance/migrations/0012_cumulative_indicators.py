from django.db import migrations, models

from performance.catalogue import catalogue_sync


def mark_cumulative(apps, schema_editor):
    """The live tracker's indicators become cumulative; measurements are untouched."""
    catalogue_sync(apps.get_model("performance", "IndicatorCategory"), apps.get_model("performance", "Indicator"))


class Migration(migrations.Migration):

    dependencies = [
        ('performance', '0011_live_tracker_cases_and_cohorts'),
    ]

    operations = [
        migrations.AddField(
            model_name='historicalindicator',
            name='cumulative',
            field=models.BooleanField(default=False, help_text="A running total over a cohort's follow-up (the live tracker): each month is compared with the same month of the previous cohort, a year before, never with the month before."),
        ),
        migrations.AddField(
            model_name='indicator',
            name='cumulative',
            field=models.BooleanField(default=False, help_text="A running total over a cohort's follow-up (the live tracker): each month is compared with the same month of the previous cohort, a year before, never with the month before."),
        ),
        migrations.RunPython(mark_cumulative, migrations.RunPython.noop),
    ]
