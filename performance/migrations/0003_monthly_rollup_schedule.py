"""Schedule the monthly case-audit roll-up: the 1st of each month, 02:00 Europe/London."""

from django.db import migrations

TASK_NAME = "Monthly case-audit roll-up"


def schedule(apps, schema_editor):
    Crontab = apps.get_model("django_celery_beat", "CrontabSchedule")
    Periodic = apps.get_model("django_celery_beat", "PeriodicTask")
    crontab, _ = Crontab.objects.get_or_create(
        minute="0", hour="2", day_of_week="*", day_of_month="1", month_of_year="*", timezone="Europe/London"
    )
    Periodic.objects.get_or_create(
        name=TASK_NAME, defaults={"task": "performance.tasks.rollup_previous_month", "crontab": crontab}
    )


def unschedule(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=TASK_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("performance", "0002_catalogue"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]
    operations = [migrations.RunPython(schedule, unschedule)]
