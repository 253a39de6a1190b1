"""Foreign keys to Organisation now name the core app (yos_tracker); the columns are unchanged."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('performance', '0003_monthly_rollup_schedule'),
        ('yos_tracker', '0001_organisations_in_core'),
    ]

    operations = [
        # The tables stay where they are: only Django's picture of which app owns them changes.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='auditgrade',
                    name='organisation',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='audit_grades', to='yos_tracker.organisation'),
                ),
                migrations.AlterField(
                    model_name='caseaudit',
                    name='organisation',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='case_audits', to='yos_tracker.organisation'),
                ),
                migrations.AlterField(
                    model_name='comparator',
                    name='organisation',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='comparators', to='yos_tracker.organisation'),
                ),
                migrations.AlterField(
                    model_name='historicalcaseaudit',
                    name='organisation',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='yos_tracker.organisation'),
                ),
                migrations.AlterField(
                    model_name='historicalmeasurement',
                    name='organisation',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='yos_tracker.organisation'),
                ),
                migrations.AlterField(
                    model_name='historicaltarget',
                    name='organisation',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='yos_tracker.organisation'),
                ),
                migrations.AlterField(
                    model_name='measurement',
                    name='organisation',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='measurements', to='yos_tracker.organisation'),
                ),
                migrations.AlterField(
                    model_name='rolluprun',
                    name='organisation',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='rollup_runs', to='yos_tracker.organisation'),
                ),
                migrations.AlterField(
                    model_name='target',
                    name='organisation',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='targets', to='yos_tracker.organisation'),
                ),
                migrations.AlterField(
                    model_name='trackedindicator',
                    name='organisation',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='tracked', to='yos_tracker.organisation'),
                ),
            ],
            database_operations=[],
        ),
    ]
