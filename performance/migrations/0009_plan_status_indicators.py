"""The catalogue gains the plan-status proportions for White, Purple and "no update yet", so that a
month's proportions cover every status of both source scales and add up to 100%."""

from django.db import migrations

from performance.catalogue import catalogue_sync


def load(apps, schema_editor):
    catalogue_sync(apps.get_model("performance", "IndicatorCategory"), apps.get_model("performance", "Indicator"))


class Migration(migrations.Migration):
    dependencies = [("performance", "0008_audit_grade_code_message")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
