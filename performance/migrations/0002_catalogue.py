"""The shared indicator catalogue: YJB national measures and KPIs, Lewisham's local indicators."""

from django.db import migrations

from performance.catalogue import catalogue_sync


def load(apps, schema_editor):
    catalogue_sync(apps.get_model("performance", "IndicatorCategory"), apps.get_model("performance", "Indicator"))


class Migration(migrations.Migration):
    dependencies = [("performance", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
