"""Organisation and Membership leave governance's state (they live in yos_tracker now); the
tables stay, owned by the core."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('performance', '0004_organisation_in_core'),
        ('improvement', '0007_organisation_in_core'),
        ('governance', '0007_report_sections_optional'),
        ('yos_tracker', '0001_organisations_in_core'),
    ]

    operations = [
        # The tables stay where they are: only Django's picture of which app owns them changes.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='historicalorganisation',
                    name='history_user',
                ),
                migrations.RemoveField(
                    model_name='membership',
                    name='organisation',
                ),
                migrations.RemoveField(
                    model_name='membership',
                    name='user',
                ),
                migrations.AlterField(
                    model_name='board',
                    name='organisation',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='boards', to='yos_tracker.organisation'),
                ),
                migrations.AlterField(
                    model_name='historicalrisk',
                    name='organisation',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='yos_tracker.organisation'),
                ),
                migrations.AlterField(
                    model_name='risk',
                    name='organisation',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='risks', to='yos_tracker.organisation'),
                ),
                migrations.AlterField(
                    model_name='selfassessment',
                    name='organisation',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='self_assessments', to='yos_tracker.organisation'),
                ),
                migrations.AlterField(
                    model_name='partnercontribution',
                    name='organisation',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='contributions', to='yos_tracker.organisation'),
                ),
                migrations.AlterField(
                    model_name='historicalcommitteereport',
                    name='organisation',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='yos_tracker.organisation'),
                ),
                migrations.AlterField(
                    model_name='historicalpartnercontribution',
                    name='organisation',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='yos_tracker.organisation'),
                ),
                migrations.AlterField(
                    model_name='riskmatrix',
                    name='organisation',
                    field=models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='risk_matrix', to='yos_tracker.organisation'),
                ),
                migrations.AlterField(
                    model_name='historicalselfassessment',
                    name='organisation',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='yos_tracker.organisation'),
                ),
                migrations.AlterField(
                    model_name='committeereport',
                    name='organisation',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reports', to='yos_tracker.organisation'),
                ),
                migrations.AlterField(
                    model_name='historicalboard',
                    name='organisation',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='yos_tracker.organisation'),
                ),
                migrations.DeleteModel(
                    name='HistoricalMembership',
                ),
                migrations.DeleteModel(
                    name='HistoricalOrganisation',
                ),
                migrations.DeleteModel(
                    name='Membership',
                ),
                migrations.DeleteModel(
                    name='Organisation',
                ),
            ],
            database_operations=[],
        ),
    ]
