"""Schedule the weekly reminder digest (Mondays 07:00 Europe/London); editable in Django admin."""

from django.db import migrations

TASK_NAME = "Weekly improvement-plan reminders"


def schedule(apps, schema_editor):
    Crontab = apps.get_model("django_celery_beat", "CrontabSchedule")
    Periodic = apps.get_model("django_celery_beat", "PeriodicTask")
    crontab, _ = Crontab.objects.get_or_create(
        minute="0", hour="7", day_of_week="1", day_of_month="*", month_of_year="*", timezone="Europe/London"
    )
    Periodic.objects.get_or_create(
        name=TASK_NAME, defaults={"task": "improvement.tasks.send_action_reminders", "crontab": crontab}
    )


def unschedule(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=TASK_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("improvement", "0003_reminder_sent"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]
    operations = [migrations.RunPython(schedule, unschedule)]
