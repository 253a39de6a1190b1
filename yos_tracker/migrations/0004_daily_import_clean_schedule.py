"""Daily, remove the uploads nobody confirmed (see yos_tracker.tasks.imports_clean)."""

from django.db import migrations

TASK_NAME = "Remove import uploads nobody confirmed"


def schedule(apps, schema_editor):
    Crontab = apps.get_model("django_celery_beat", "CrontabSchedule")
    Periodic = apps.get_model("django_celery_beat", "PeriodicTask")
    nightly, _ = Crontab.objects.get_or_create(
        minute="15", hour="3", day_of_week="*", day_of_month="*", month_of_year="*", timezone="Europe/London"
    )
    Periodic.objects.get_or_create(
        name=TASK_NAME, defaults={"task": "yos_tracker.tasks.imports_clean", "crontab": nightly}
    )


def unschedule(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=TASK_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("yos_tracker", "0003_imports_remembered_and_in_the_background"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]
    operations = [migrations.RunPython(schedule, unschedule)]
