"""Each indicator's place in the catalogue, so lists read KPI 1 to KPI 10 rather than by name (KPI 10
before KPI 1); what the YJB's guidance leaves open and whether a measure's wording could be checked,
both shown on its page; sources long enough to cite in full. The catalogue is synced again to fill
them (performance/catalogue_data.py)."""

from django.db import migrations, models
from django.db.models.functions import Length

from performance.catalogue import catalogue_sync


def sync(apps, schema_editor):
    catalogue_sync(apps.get_model("performance", "IndicatorCategory"), apps.get_model("performance", "Indicator"))


def fit_sources_to_the_old_column(apps, schema_editor):
    """Unapplying narrows `source` to 500 characters again, which PostgreSQL refuses while a longer
    citation is stored; applying again syncs the catalogue and writes each citation whole."""
    for name in ("Indicator", "HistoricalIndicator"):
        model = apps.get_model("performance", name)
        for pk, source in model.objects.annotate(n=Length("source")).filter(n__gt=500).values_list("pk", "source"):
            model.objects.filter(pk=pk).update(source=source[:500])


class Migration(migrations.Migration):

    dependencies = [
        ('performance', '0025_every_value_in_range'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='indicator',
            options={'ordering': ['category__order', models.OrderBy(models.F('position'), nulls_last=True), 'name']},
        ),
        migrations.AddField(
            model_name='historicalindicator',
            name='guidance_open',
            field=models.TextField(blank=True, help_text="What the published guidance leaves to the service, and the choice this catalogue made: shown on the indicator's page."),
        ),
        migrations.AddField(
            model_name='historicalindicator',
            name='position',
            field=models.PositiveSmallIntegerField(blank=True, editable=False, help_text="Its place in the shared catalogue; empty for a service's own, listed after it by name.", null=True),
        ),
        migrations.AddField(
            model_name='historicalindicator',
            name='unverified',
            field=models.BooleanField(default=False, help_text="The published wording of the measure could not be read when the catalogue was last checked: the indicator's page says so."),
        ),
        migrations.AddField(
            model_name='indicator',
            name='guidance_open',
            field=models.TextField(blank=True, help_text="What the published guidance leaves to the service, and the choice this catalogue made: shown on the indicator's page."),
        ),
        migrations.AddField(
            model_name='indicator',
            name='position',
            field=models.PositiveSmallIntegerField(blank=True, editable=False, help_text="Its place in the shared catalogue; empty for a service's own, listed after it by name.", null=True),
        ),
        migrations.AddField(
            model_name='indicator',
            name='unverified',
            field=models.BooleanField(default=False, help_text="The published wording of the measure could not be read when the catalogue was last checked: the indicator's page says so."),
        ),
        migrations.AlterField(
            model_name='historicalindicator',
            name='source',
            field=models.CharField(blank=True, help_text='Where the definition is published, cited in full. Shown to administrators only.', max_length=1000),
        ),
        migrations.AlterField(
            model_name='indicator',
            name='source',
            field=models.CharField(blank=True, help_text='Where the definition is published, cited in full. Shown to administrators only.', max_length=1000),
        ),
        migrations.AddConstraint(
            model_name='indicator',
            constraint=models.CheckConstraint(condition=models.Q(('position__range', (0, 32767))), name='indicator_position_in_range', violation_error_message='Enter a whole number from 0 to 32,767.'),
        ),
        migrations.RunPython(sync, fit_sources_to_the_old_column),
    ]
