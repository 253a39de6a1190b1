"""A background import records its task and a heartbeat; every minute, imports that waited out a broker outage are sent
again and those whose worker was lost are offered for retry."""

from django.db import migrations, models

TASK_NAME = "Look after background imports"


def schedule(apps, schema_editor):
    Interval = apps.get_model("django_celery_beat", "IntervalSchedule")
    Periodic = apps.get_model("django_celery_beat", "PeriodicTask")
    every, _ = Interval.objects.get_or_create(every=1, period="minutes")
    Periodic.objects.get_or_create(
        name=TASK_NAME, defaults={"task": "yos_tracker.tasks.imports_look_after", "interval": every}
    )


def unschedule(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name=TASK_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("django_celery_beat", "0019_alter_periodictasks_options"),
        ("yos_tracker", "0007_label_aliases"),
    ]

    operations = [
        migrations.AddField(
            model_name="importjob",
            name="attempts",
            field=models.PositiveSmallIntegerField(default=0),
        ),
        migrations.AddField(
            model_name="importjob",
            name="heartbeat_at",
            field=models.DateTimeField(
                blank=True,
                help_text="Written by the worker while it runs: a job whose heartbeat stops was lost.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="importjob",
            name="started_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="importjob",
            name="task_id",
            field=models.CharField(blank=True, help_text="The Celery task running it.", max_length=50),
        ),
        migrations.RunPython(schedule, unschedule),
    ]
