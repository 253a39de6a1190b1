"""Every service already set up gets the default key for rating indicators by judgement (its own
to change under Settings), as a new one does."""

from django.db import migrations

from performance.choices import DEFAULT_RATING_KEY_SCALE, RATING_KEY_SCALES
from yos_tracker.scales import scale_install


def install(apps, schema_editor):
    RatingStep = apps.get_model("performance", "RatingStep")
    for organisation in apps.get_model("yos_tracker", "Organisation").objects.all():
        scale_install(RatingStep, organisation=organisation, rows=RATING_KEY_SCALES[DEFAULT_RATING_KEY_SCALE])


class Migration(migrations.Migration):
    dependencies = [("performance", "0020_indicator_judgements"), ("yos_tracker", "0004_daily_import_clean_schedule")]
    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
