"""The check constraints that keep every integer and date of the improvement app inside its range
(yos_tracker.ranges), once 0016_values_repaired_into_range has moved what was stored outside it."""

import datetime
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('improvement', '0016_values_repaired_into_range'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='improvementplan',
            name='plan_stale_after_at_least_one_day',
        ),
        migrations.RemoveConstraint(
            model_name='remindersettings',
            name='remindersettings_due_soon_within_90_days',
        ),
        migrations.AddConstraint(
            model_name='action',
            constraint=models.CheckConstraint(condition=models.Q(('start_date__range', (datetime.date(1998, 1, 1), datetime.date(9998, 12, 31)))), name='action_start_date_in_range', violation_error_message='Enter a date from 1 January 1998 to 31 December 9998.'),
        ),
        migrations.AddConstraint(
            model_name='action',
            constraint=models.CheckConstraint(condition=models.Q(('due_date__range', (datetime.date(1998, 1, 1), datetime.date(9998, 12, 31)))), name='action_due_date_in_range', violation_error_message='Enter a date from 1 January 1998 to 31 December 9998.'),
        ),
        migrations.AddConstraint(
            model_name='action',
            constraint=models.CheckConstraint(condition=models.Q(('order__range', (0, 32767))), name='action_order_in_range', violation_error_message='Enter a whole number from 0 to 32,767.'),
        ),
        migrations.AddConstraint(
            model_name='improvementplan',
            constraint=models.CheckConstraint(condition=models.Q(('period_start__range', (datetime.date(1998, 1, 1), datetime.date(9998, 12, 31)))), name='plan_period_start_in_range', violation_error_message='Enter a date from 1 January 1998 to 31 December 9998.'),
        ),
        migrations.AddConstraint(
            model_name='improvementplan',
            constraint=models.CheckConstraint(condition=models.Q(('period_end__range', (datetime.date(1998, 1, 1), datetime.date(9998, 12, 31)))), name='plan_period_end_in_range', violation_error_message='Enter a date from 1 January 1998 to 31 December 9998.'),
        ),
        migrations.AddConstraint(
            model_name='improvementplan',
            constraint=models.CheckConstraint(condition=models.Q(('approved_on__range', (datetime.date(1998, 1, 1), datetime.date(9998, 12, 31)))), name='plan_approved_on_in_range', violation_error_message='Enter a date from 1 January 1998 to 31 December 9998.'),
        ),
        migrations.AddConstraint(
            model_name='improvementplan',
            constraint=models.CheckConstraint(condition=models.Q(('stale_after_days__range', (1, 3650))), name='plan_stale_after_days_in_range', violation_error_message='Enter a number of days from 1 to 3,650.'),
        ),
        migrations.AddConstraint(
            model_name='inspection',
            constraint=models.CheckConstraint(condition=models.Q(('fieldwork_start__range', (datetime.date(1998, 1, 1), datetime.date(9998, 12, 31)))), name='inspection_fieldwork_start_in_range', violation_error_message='Enter a date from 1 January 1998 to 31 December 9998.'),
        ),
        migrations.AddConstraint(
            model_name='inspection',
            constraint=models.CheckConstraint(condition=models.Q(('fieldwork_end__range', (datetime.date(1998, 1, 1), datetime.date(9998, 12, 31)))), name='inspection_fieldwork_end_in_range', violation_error_message='Enter a date from 1 January 1998 to 31 December 9998.'),
        ),
        migrations.AddConstraint(
            model_name='inspection',
            constraint=models.CheckConstraint(condition=models.Q(('published_on__range', (datetime.date(1998, 1, 1), datetime.date(9998, 12, 31)))), name='inspection_published_on_in_range', violation_error_message='Enter a date from 1 January 1998 to 31 December 9998.'),
        ),
        migrations.AddConstraint(
            model_name='inspectionframework',
            constraint=models.CheckConstraint(condition=models.Q(('order__range', (0, 32767))), name='framework_order_in_range', violation_error_message='Enter a whole number from 0 to 32,767.'),
        ),
        migrations.AddConstraint(
            model_name='judgementlevel',
            constraint=models.CheckConstraint(condition=models.Q(('rank__range', (1, 32767))), name='judgementlevel_rank_in_range', violation_error_message='Enter a whole number from 1 to 32,767.'),
        ),
        migrations.AddConstraint(
            model_name='judgementlevel',
            constraint=models.CheckConstraint(condition=models.Q(('score__range', (0, 100))), name='judgementlevel_score_in_range', violation_error_message='Enter a whole number from 0 to 100.'),
        ),
        migrations.AddConstraint(
            model_name='nextstep',
            constraint=models.CheckConstraint(condition=models.Q(('planned_by__range', (datetime.date(1998, 1, 1), datetime.date(9998, 12, 31)))), name='nextstep_planned_by_in_range', violation_error_message='Enter a date from 1 January 1998 to 31 December 9998.'),
        ),
        migrations.AddConstraint(
            model_name='nextstep',
            constraint=models.CheckConstraint(condition=models.Q(('order__range', (0, 32767))), name='nextstep_order_in_range', violation_error_message='Enter a whole number from 0 to 32,767.'),
        ),
        migrations.AddConstraint(
            model_name='planapproval',
            constraint=models.CheckConstraint(condition=models.Q(('approved_on__range', (datetime.date(1998, 1, 1), datetime.date(9998, 12, 31)))), name='approval_approved_on_in_range', violation_error_message='Enter a date from 1 January 1998 to 31 December 9998.'),
        ),
        migrations.AddConstraint(
            model_name='progressupdate',
            constraint=models.CheckConstraint(condition=models.Q(('date__range', (datetime.date(1998, 1, 1), datetime.date(9998, 12, 31)))), name='update_date_in_range', violation_error_message='Enter a date from 1 January 1998 to 31 December 9998.'),
        ),
        migrations.AddConstraint(
            model_name='ragstatus',
            constraint=models.CheckConstraint(condition=models.Q(('order__range', (0, 32767))), name='ragstatus_order_in_range', violation_error_message='Enter a whole number from 0 to 32,767.'),
        ),
        migrations.AddConstraint(
            model_name='recommendation',
            constraint=models.CheckConstraint(condition=models.Q(('order__range', (0, 32767))), name='recommendation_order_in_range', violation_error_message='Enter a whole number from 0 to 32,767.'),
        ),
        migrations.AddConstraint(
            model_name='remindersettings',
            constraint=models.CheckConstraint(condition=models.Q(('due_soon_days__range', (1, 90))), name='remindersettings_due_soon_days_in_range', violation_error_message='Enter a number of days from 1 to 90.'),
        ),
        migrations.AddConstraint(
            model_name='standard',
            constraint=models.CheckConstraint(condition=models.Q(('order__range', (0, 32767))), name='standard_order_in_range', violation_error_message='Enter a whole number from 0 to 32,767.'),
        ),
    ]
