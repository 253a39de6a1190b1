"""A render records a heartbeat while it runs; every minute (it was five), renders that waited out a broker outage are
sent again and those whose worker was lost are offered for retry."""

from django.db import migrations, models

TASK_NAME = "Look after report renders"
REPLACED = ("Requeue report renders that waited for the broker", "governance.tasks.requeue_waiting_renders")


def schedule(apps, schema_editor):
    Interval = apps.get_model("django_celery_beat", "IntervalSchedule")
    Periodic = apps.get_model("django_celery_beat", "PeriodicTask")
    every, _ = Interval.objects.get_or_create(every=1, period="minutes")
    Periodic.objects.filter(name=REPLACED[0]).delete()
    Periodic.objects.get_or_create(
        name=TASK_NAME, defaults={"task": "governance.tasks.renders_look_after", "interval": every}
    )


def unschedule(apps, schema_editor):
    Interval = apps.get_model("django_celery_beat", "IntervalSchedule")
    Periodic = apps.get_model("django_celery_beat", "PeriodicTask")
    Periodic.objects.filter(name=TASK_NAME).delete()
    every, _ = Interval.objects.get_or_create(every=5, period="minutes")
    Periodic.objects.get_or_create(name=REPLACED[0], defaults={"task": REPLACED[1], "interval": every})


class Migration(migrations.Migration):
    dependencies = [
        ("django_celery_beat", "0019_alter_periodictasks_options"),
        ("governance", "0019_leave_out_indicators_without_values"),
    ]

    operations = [
        migrations.AddField(
            model_name="reportrender",
            name="heartbeat_at",
            field=models.DateTimeField(
                blank=True,
                help_text="Written by the worker while it runs: a render whose heartbeat stops was lost.",
                null=True,
            ),
        ),
        migrations.RunPython(schedule, unschedule),
    ]
