import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("performance", "0014_outcome_kinds_from_text"),
    ]

    operations = [
        migrations.RemoveField(
            model_name='historicalqualifyingoutcome',
            name='outcome_type',
        ),
        migrations.RemoveField(
            model_name='qualifyingoutcome',
            name='outcome_type',
        ),
        migrations.AlterField(
            model_name='qualifyingoutcome',
            name='kind',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='performance.outcomekind', verbose_name='outcome type'),
        ),
    ]
