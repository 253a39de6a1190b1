"""The YJB KPIs with their sub-measures and each indicator's source (performance/catalogue_data.py).
Updates by code, so every measurement stays with its indicator."""

from django.db import migrations

from performance.catalogue import catalogue_sync


def sync(apps, schema_editor):
    catalogue_sync(apps.get_model("performance", "IndicatorCategory"), apps.get_model("performance", "Indicator"))


class Migration(migrations.Migration):
    dependencies = [("performance", "0018_indicator_source")]
    operations = [migrations.RunPython(sync, migrations.RunPython.noop)]
