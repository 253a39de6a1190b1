"""Organisations and memberships move from governance to the core (yos_tracker).

State only: the tables (governance_organisation, governance_membership and their history tables)
keep their names and rows. Content types are relabelled so that admin history and permissions
stay attached to the same records."""

import django.db.models.deletion
import simple_history.models
import yos_tracker.models
from django.conf import settings
from django.db import migrations, models


MOVED = ["organisation", "historicalorganisation", "membership", "historicalmembership"]


def relabel_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="governance", model__in=MOVED).update(app_label="yos_tracker")


def unrelabel_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="yos_tracker", model__in=MOVED).update(app_label="governance")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('governance', '0007_report_sections_optional'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # The tables stay where they are: only Django's picture of which app owns them changes.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Organisation',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=200, unique=True)),
                        ('slug', models.SlugField(help_text='Used in addresses: /<slug>/…', unique=True, validators=[yos_tracker.models.validate_slug_not_reserved])),
                        ('local_authority', models.CharField(max_length=200)),
                        ('region', models.CharField(blank=True, max_length=100)),
                    ],
                    options={
                        'db_table': 'governance_organisation',
                        'ordering': ['name'],
                    },
                ),
                migrations.CreateModel(
                    name='HistoricalOrganisation',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('name', models.CharField(db_index=True, max_length=200)),
                        ('slug', models.SlugField(help_text='Used in addresses: /<slug>/…', validators=[yos_tracker.models.validate_slug_not_reserved])),
                        ('local_authority', models.CharField(max_length=200)),
                        ('region', models.CharField(blank=True, max_length=100)),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'historical organisation',
                        'verbose_name_plural': 'historical organisations',
                        'db_table': 'governance_historicalorganisation',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='HistoricalMembership',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('role', models.CharField(choices=[('manager', 'Manager'), ('board', 'Board member'), ('officer', 'Officer'), ('admin', 'Administrator'), ('regional', 'Regional')], max_length=20)),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('user', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('organisation', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='yos_tracker.organisation')),
                    ],
                    options={
                        'verbose_name': 'historical membership',
                        'verbose_name_plural': 'historical memberships',
                        'db_table': 'governance_historicalmembership',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='Membership',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('role', models.CharField(choices=[('manager', 'Manager'), ('board', 'Board member'), ('officer', 'Officer'), ('admin', 'Administrator'), ('regional', 'Regional')], max_length=20)),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='memberships', to=settings.AUTH_USER_MODEL)),
                        ('organisation', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='memberships', to='yos_tracker.organisation')),
                    ],
                    options={
                        'db_table': 'governance_membership',
                        'ordering': ['organisation__name', 'user__last_name', 'user__first_name'],
                        'constraints': [models.UniqueConstraint(fields=('user', 'organisation'), name='membership_one_role_per_user_and_organisation', violation_error_message='This person already has a role in this organisation.'), models.UniqueConstraint(condition=models.Q(('organisation__isnull', True)), fields=('user',), name='membership_one_regional_role_per_user', violation_error_message='This person already has the regional role.'), models.CheckConstraint(condition=models.Q(models.Q(('role', 'regional'), ('organisation__isnull', True)), models.Q(models.Q(('role', 'regional'), _negated=True), ('organisation__isnull', False)), _connector='OR'), name='membership_regional_iff_no_organisation', violation_error_message='The regional role spans organisations; every other role needs one.')],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(relabel_content_types, unrelabel_content_types),
    ]
