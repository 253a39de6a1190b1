"""Adds the YJB's 2015 National Standards audit of pre-court work (improvement/framework_data.py)
to the frameworks a self-assessment can be made against. Updates in place: nothing rated is touched."""

from django.db import migrations

from improvement.frameworks import frameworks_sync


def sync(apps, schema_editor):
    frameworks_sync(
        apps.get_model("improvement", "InspectionFramework"),
        apps.get_model("improvement", "JudgementLevel"),
        apps.get_model("improvement", "Standard"),
    )


class Migration(migrations.Migration):
    dependencies = [("improvement", "0014_judgements_rate_standards")]
    operations = [migrations.RunPython(sync, migrations.RunPython.noop)]
