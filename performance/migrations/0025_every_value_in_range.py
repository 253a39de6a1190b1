"""The check constraints that keep every integer and date of the performance app inside its range
(yos_tracker.ranges), once 0024_values_repaired_into_range has moved what was stored outside it."""

import datetime
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('performance', '0024_values_repaired_into_range'),
    ]

    operations = [
        migrations.AlterField(
            model_name='cohort',
            name='follow_up_months',
            field=models.PositiveSmallIntegerField(default=12),
        ),
        migrations.AlterField(
            model_name='cohort',
            name='wait_months',
            field=models.PositiveSmallIntegerField(default=6, help_text='YJB convention only: time allowed to prove an offence.'),
        ),
        migrations.AlterField(
            model_name='historicalcohort',
            name='follow_up_months',
            field=models.PositiveSmallIntegerField(default=12),
        ),
        migrations.AlterField(
            model_name='historicalcohort',
            name='wait_months',
            field=models.PositiveSmallIntegerField(default=6, help_text='YJB convention only: time allowed to prove an offence.'),
        ),
        migrations.AlterField(
            model_name='historicalqualifyingoutcome',
            name='gravity',
            field=models.PositiveSmallIntegerField(blank=True, null=True),
        ),
        migrations.AlterField(
            model_name='historicalreoffence',
            name='gravity',
            field=models.PositiveSmallIntegerField(blank=True, null=True),
        ),
        migrations.AlterField(
            model_name='qualifyingoutcome',
            name='gravity',
            field=models.PositiveSmallIntegerField(blank=True, null=True),
        ),
        migrations.AlterField(
            model_name='reoffence',
            name='gravity',
            field=models.PositiveSmallIntegerField(blank=True, null=True),
        ),
        migrations.AddConstraint(
            model_name='auditgrade',
            constraint=models.CheckConstraint(condition=models.Q(('rank__range', (1, 32767))), name='auditgrade_rank_in_range', violation_error_message='Enter a whole number from 1 to 32,767.'),
        ),
        migrations.AddConstraint(
            model_name='caseaudit',
            constraint=models.CheckConstraint(condition=models.Q(('month__range', (datetime.date(1998, 1, 1), datetime.date(9998, 12, 1)))), name='caseaudit_month_in_range', violation_error_message='Enter a date from 1 January 1998 to 1 December 9998.'),
        ),
        migrations.AddConstraint(
            model_name='cohort',
            constraint=models.CheckConstraint(condition=models.Q(('period_start__range', (datetime.date(1998, 1, 1), datetime.date(9994, 12, 31)))), name='cohort_period_start_in_range', violation_error_message='Enter a date from 1 January 1998 to 31 December 9994.'),
        ),
        migrations.AddConstraint(
            model_name='cohort',
            constraint=models.CheckConstraint(condition=models.Q(('period_end__range', (datetime.date(1998, 1, 1), datetime.date(9994, 12, 31)))), name='cohort_period_end_in_range', violation_error_message='Enter a date from 1 January 1998 to 31 December 9994.'),
        ),
        migrations.AddConstraint(
            model_name='cohort',
            constraint=models.CheckConstraint(condition=models.Q(('follow_up_months__range', (1, 36))), name='cohort_follow_up_months_in_range', violation_error_message='Enter a number of months from 1 to 36.'),
        ),
        migrations.AddConstraint(
            model_name='cohort',
            constraint=models.CheckConstraint(condition=models.Q(('wait_months__range', (0, 12))), name='cohort_wait_months_in_range', violation_error_message='Enter a number of months from 0 to 12.'),
        ),
        migrations.AddConstraint(
            model_name='comparator',
            constraint=models.CheckConstraint(condition=models.Q(('period__range', (datetime.date(1997, 4, 1), datetime.date(9998, 12, 1)))), name='comparator_period_in_range', violation_error_message='Enter a date from 1 April 1997 to 1 December 9998.'),
        ),
        migrations.AddConstraint(
            model_name='indicatorcategory',
            constraint=models.CheckConstraint(condition=models.Q(('order__range', (0, 32767))), name='indicatorcategory_order_in_range', violation_error_message='Enter a whole number from 0 to 32,767.'),
        ),
        migrations.AddConstraint(
            model_name='indicatorjudgement',
            constraint=models.CheckConstraint(condition=models.Q(('period__range', (datetime.date(1997, 4, 1), datetime.date(9998, 12, 1)))), name='judgement_period_in_range', violation_error_message='Enter a date from 1 April 1997 to 1 December 9998.'),
        ),
        migrations.AddConstraint(
            model_name='measurement',
            constraint=models.CheckConstraint(condition=models.Q(('period__range', (datetime.date(1997, 4, 1), datetime.date(9998, 12, 1)))), name='measurement_period_in_range', violation_error_message='Enter a date from 1 April 1997 to 1 December 9998.'),
        ),
        migrations.AddConstraint(
            model_name='outcomekind',
            constraint=models.CheckConstraint(condition=models.Q(('position__range', (1, 32767))), name='outcomekind_position_in_range', violation_error_message='Enter a whole number from 1 to 32,767.'),
        ),
        migrations.AddConstraint(
            model_name='qualifyingoutcome',
            constraint=models.CheckConstraint(condition=models.Q(('date__range', (datetime.date(1998, 1, 1), datetime.date(9998, 12, 31)))), name='outcome_date_in_range', violation_error_message='Enter a date from 1 January 1998 to 31 December 9998.'),
        ),
        migrations.AddConstraint(
            model_name='qualifyingoutcome',
            constraint=models.CheckConstraint(condition=models.Q(('gravity__range', (1, 8))), name='outcome_gravity_in_range', violation_error_message='Enter a whole number from 1 to 8.'),
        ),
        migrations.AddConstraint(
            model_name='ratingstep',
            constraint=models.CheckConstraint(condition=models.Q(('rank__range', (1, 32767))), name='ratingstep_rank_in_range', violation_error_message='Enter a whole number from 1 to 32,767.'),
        ),
        migrations.AddConstraint(
            model_name='reoffence',
            constraint=models.CheckConstraint(condition=models.Q(('offence_date__range', (datetime.date(1998, 1, 1), datetime.date(9998, 12, 31)))), name='reoffence_offence_date_in_range', violation_error_message='Enter a date from 1 January 1998 to 31 December 9998.'),
        ),
        migrations.AddConstraint(
            model_name='reoffence',
            constraint=models.CheckConstraint(condition=models.Q(('proven_date__range', (datetime.date(1998, 1, 1), datetime.date(9998, 12, 31)))), name='reoffence_proven_date_in_range', violation_error_message='Enter a date from 1 January 1998 to 31 December 9998.'),
        ),
        migrations.AddConstraint(
            model_name='reoffence',
            constraint=models.CheckConstraint(condition=models.Q(('gravity__range', (1, 8))), name='reoffence_gravity_in_range', violation_error_message='Enter a whole number from 1 to 8.'),
        ),
        migrations.AddConstraint(
            model_name='rolluprun',
            constraint=models.CheckConstraint(condition=models.Q(('month__range', (datetime.date(1998, 1, 1), datetime.date(9998, 12, 1)))), name='rolluprun_month_in_range', violation_error_message='Enter a date from 1 January 1998 to 1 December 9998.'),
        ),
        migrations.AddConstraint(
            model_name='target',
            constraint=models.CheckConstraint(condition=models.Q(('applies_from__range', (datetime.date(1997, 4, 1), datetime.date(9998, 12, 1)))), name='target_applies_from_in_range', violation_error_message='Enter a date from 1 April 1997 to 1 December 9998.'),
        ),
        migrations.AddConstraint(
            model_name='trackedindicator',
            constraint=models.CheckConstraint(condition=models.Q(('order__range', (0, 32767))), name='tracked_order_in_range', violation_error_message='Enter a whole number from 0 to 32,767.'),
        ),
    ]
