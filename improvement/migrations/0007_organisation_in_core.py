"""Foreign keys to Organisation now name the core app (yos_tracker); the columns are unchanged."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('improvement', '0006_evidence_link_length'),
        ('yos_tracker', '0001_organisations_in_core'),
    ]

    operations = [
        # The tables stay where they are: only Django's picture of which app owns them changes.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='historicalimprovementplan',
                    name='organisation',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='yos_tracker.organisation'),
                ),
                migrations.AlterField(
                    model_name='historicalinspection',
                    name='organisation',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='yos_tracker.organisation'),
                ),
                migrations.AlterField(
                    model_name='historicalragstatus',
                    name='organisation',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='yos_tracker.organisation'),
                ),
                migrations.AlterField(
                    model_name='improvementplan',
                    name='organisation',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='plans', to='yos_tracker.organisation'),
                ),
                migrations.AlterField(
                    model_name='inspection',
                    name='organisation',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='inspections', to='yos_tracker.organisation'),
                ),
                migrations.AlterField(
                    model_name='ragstatus',
                    name='organisation',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='rag_statuses', to='yos_tracker.organisation'),
                ),
            ],
            database_operations=[],
        ),
    ]
