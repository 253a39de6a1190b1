"""The check constraints that keep every integer and date of the governance app inside its range
(yos_tracker.ranges), once 0021_values_repaired_into_range has moved what was stored outside it."""

import datetime
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('governance', '0021_values_repaired_into_range'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='risk',
            name='risk_ratings_within_a_matrix',
        ),
        migrations.RemoveConstraint(
            model_name='risk',
            name='risk_review_frequency_positive',
        ),
        migrations.AlterField(
            model_name='committeereport',
            name='plan_year',
            field=models.PositiveSmallIntegerField(blank=True, help_text="A youth justice plan's year: 2019 is the plan for 2019/20.", null=True),
        ),
        migrations.AlterField(
            model_name='historicalcommitteereport',
            name='plan_year',
            field=models.PositiveSmallIntegerField(blank=True, help_text="A youth justice plan's year: 2019 is the plan for 2019/20.", null=True),
        ),
        migrations.AddConstraint(
            model_name='agendaitem',
            constraint=models.CheckConstraint(condition=models.Q(('order__range', (0, 32767))), name='agendaitem_order_in_range', violation_error_message='Enter a whole number from 0 to 32,767.'),
        ),
        migrations.AddConstraint(
            model_name='board',
            constraint=models.CheckConstraint(condition=models.Q(('terms_of_reference_review__range', (datetime.date(1998, 1, 1), datetime.date(9998, 12, 31)))), name='board_terms_of_reference_review_in_range', violation_error_message='Enter a date from 1 January 1998 to 31 December 9998.'),
        ),
        migrations.AddConstraint(
            model_name='boardaction',
            constraint=models.CheckConstraint(condition=models.Q(('due_date__range', (datetime.date(1998, 1, 1), datetime.date(9998, 12, 31)))), name='boardaction_due_date_in_range', violation_error_message='Enter a date from 1 January 1998 to 31 December 9998.'),
        ),
        migrations.AddConstraint(
            model_name='boardmember',
            constraint=models.CheckConstraint(condition=models.Q(('start_date__range', (datetime.date(1998, 1, 1), datetime.date(9998, 12, 31)))), name='boardmember_start_date_in_range', violation_error_message='Enter a date from 1 January 1998 to 31 December 9998.'),
        ),
        migrations.AddConstraint(
            model_name='boardmember',
            constraint=models.CheckConstraint(condition=models.Q(('end_date__range', (datetime.date(1998, 1, 1), datetime.date(9998, 12, 31)))), name='boardmember_end_date_in_range', violation_error_message='Enter a date from 1 January 1998 to 31 December 9998.'),
        ),
        migrations.AddConstraint(
            model_name='committeereport',
            constraint=models.CheckConstraint(condition=models.Q(('meeting_date__range', (datetime.date(1998, 1, 1), datetime.date(9998, 12, 31)))), name='report_meeting_date_in_range', violation_error_message='Enter a date from 1 January 1998 to 31 December 9998.'),
        ),
        migrations.AddConstraint(
            model_name='committeereport',
            constraint=models.CheckConstraint(condition=models.Q(('period_start__range', (datetime.date(1998, 1, 1), datetime.date(9998, 12, 31)))), name='report_period_start_in_range', violation_error_message='Enter a date from 1 January 1998 to 31 December 9998.'),
        ),
        migrations.AddConstraint(
            model_name='committeereport',
            constraint=models.CheckConstraint(condition=models.Q(('period_end__range', (datetime.date(1998, 1, 1), datetime.date(9998, 12, 31)))), name='report_period_end_in_range', violation_error_message='Enter a date from 1 January 1998 to 31 December 9998.'),
        ),
        migrations.AddConstraint(
            model_name='committeereport',
            constraint=models.CheckConstraint(condition=models.Q(('plan_year__range', (1999, 2100))), name='report_plan_year_in_range', violation_error_message='Enter a whole number from 1,999 to 2,100.'),
        ),
        migrations.AddConstraint(
            model_name='logicoutcome',
            constraint=models.CheckConstraint(condition=models.Q(('order__range', (0, 32767))), name='logicoutcome_order_in_range', violation_error_message='Enter a whole number from 0 to 32,767.'),
        ),
        migrations.AddConstraint(
            model_name='logicoutcomereview',
            constraint=models.CheckConstraint(condition=models.Q(('date__range', (datetime.date(1998, 1, 1), datetime.date(9998, 12, 31)))), name='logicreview_date_in_range', violation_error_message='Enter a date from 1 January 1998 to 31 December 9998.'),
        ),
        migrations.AddConstraint(
            model_name='meeting',
            constraint=models.CheckConstraint(condition=models.Q(('date__range', (datetime.date(1998, 1, 1), datetime.date(9998, 12, 31)))), name='meeting_date_in_range', violation_error_message='Enter a date from 1 January 1998 to 31 December 9998.'),
        ),
        migrations.AddConstraint(
            model_name='plansignoff',
            constraint=models.CheckConstraint(condition=models.Q(('date__range', (datetime.date(1998, 1, 1), datetime.date(9998, 12, 31)))), name='signoff_date_in_range', violation_error_message='Enter a date from 1 January 1998 to 31 December 9998.'),
        ),
        migrations.AddConstraint(
            model_name='risk',
            constraint=models.CheckConstraint(condition=models.Q(('number__range', (0, 999999))), name='risk_number_in_range', violation_error_message='Enter a whole number from 0 to 999,999.'),
        ),
        migrations.AddConstraint(
            model_name='risk',
            constraint=models.CheckConstraint(condition=models.Q(('raised_on__range', (datetime.date(1998, 1, 1), datetime.date(9998, 12, 31)))), name='risk_raised_on_in_range', violation_error_message='Enter a date from 1 January 1998 to 31 December 9998.'),
        ),
        migrations.AddConstraint(
            model_name='risk',
            constraint=models.CheckConstraint(condition=models.Q(('inherent_likelihood__range', (1, 5))), name='risk_inherent_likelihood_in_range', violation_error_message='Enter a whole number from 1 to 5.'),
        ),
        migrations.AddConstraint(
            model_name='risk',
            constraint=models.CheckConstraint(condition=models.Q(('inherent_impact__range', (1, 5))), name='risk_inherent_impact_in_range', violation_error_message='Enter a whole number from 1 to 5.'),
        ),
        migrations.AddConstraint(
            model_name='risk',
            constraint=models.CheckConstraint(condition=models.Q(('residual_likelihood__range', (1, 5))), name='risk_residual_likelihood_in_range', violation_error_message='Enter a whole number from 1 to 5.'),
        ),
        migrations.AddConstraint(
            model_name='risk',
            constraint=models.CheckConstraint(condition=models.Q(('residual_impact__range', (1, 5))), name='risk_residual_impact_in_range', violation_error_message='Enter a whole number from 1 to 5.'),
        ),
        migrations.AddConstraint(
            model_name='risk',
            constraint=models.CheckConstraint(condition=models.Q(('target_score__range', (1, 25))), name='risk_target_score_in_range', violation_error_message='Enter a whole number from 1 to 25.'),
        ),
        migrations.AddConstraint(
            model_name='risk',
            constraint=models.CheckConstraint(condition=models.Q(('inherent_score_recorded__range', (0, 999))), name='risk_inherent_score_recorded_in_range', violation_error_message='Enter a whole number from 0 to 999.'),
        ),
        migrations.AddConstraint(
            model_name='risk',
            constraint=models.CheckConstraint(condition=models.Q(('residual_score_recorded__range', (0, 999))), name='risk_residual_score_recorded_in_range', violation_error_message='Enter a whole number from 0 to 999.'),
        ),
        migrations.AddConstraint(
            model_name='risk',
            constraint=models.CheckConstraint(condition=models.Q(('review_every_days__range', (1, 365))), name='risk_review_every_days_in_range', violation_error_message='Enter a number of days from 1 to 365.'),
        ),
        migrations.AddConstraint(
            model_name='risk',
            constraint=models.CheckConstraint(condition=models.Q(('last_reviewed__range', (datetime.date(1998, 1, 1), datetime.date(9998, 12, 31)))), name='risk_last_reviewed_in_range', violation_error_message='Enter a date from 1 January 1998 to 31 December 9998.'),
        ),
        migrations.AddConstraint(
            model_name='riskband',
            constraint=models.CheckConstraint(condition=models.Q(('lowest__range', (1, 25))), name='riskband_lowest_in_range', violation_error_message='Enter a whole number from 1 to 25.'),
        ),
        migrations.AddConstraint(
            model_name='riskband',
            constraint=models.CheckConstraint(condition=models.Q(('highest__range', (1, 25))), name='riskband_highest_in_range', violation_error_message='Enter a whole number from 1 to 25.'),
        ),
        migrations.AddConstraint(
            model_name='riskreview',
            constraint=models.CheckConstraint(condition=models.Q(('date__range', (datetime.date(1998, 1, 1), datetime.date(9998, 12, 31)))), name='riskreview_date_in_range', violation_error_message='Enter a date from 1 January 1998 to 31 December 9998.'),
        ),
        migrations.AddConstraint(
            model_name='riskreview',
            constraint=models.CheckConstraint(condition=models.Q(('inherent_likelihood__range', (1, 5))), name='riskreview_inherent_likelihood_in_range', violation_error_message='Enter a whole number from 1 to 5.'),
        ),
        migrations.AddConstraint(
            model_name='riskreview',
            constraint=models.CheckConstraint(condition=models.Q(('inherent_impact__range', (1, 5))), name='riskreview_inherent_impact_in_range', violation_error_message='Enter a whole number from 1 to 5.'),
        ),
        migrations.AddConstraint(
            model_name='riskreview',
            constraint=models.CheckConstraint(condition=models.Q(('residual_likelihood__range', (1, 5))), name='riskreview_residual_likelihood_in_range', violation_error_message='Enter a whole number from 1 to 5.'),
        ),
        migrations.AddConstraint(
            model_name='riskreview',
            constraint=models.CheckConstraint(condition=models.Q(('residual_impact__range', (1, 5))), name='riskreview_residual_impact_in_range', violation_error_message='Enter a whole number from 1 to 5.'),
        ),
        migrations.AddConstraint(
            model_name='selfassessment',
            constraint=models.CheckConstraint(condition=models.Q(('date__range', (datetime.date(1998, 1, 1), datetime.date(9998, 12, 31)))), name='selfassessment_date_in_range', violation_error_message='Enter a date from 1 January 1998 to 31 December 9998.'),
        ),
    ]
