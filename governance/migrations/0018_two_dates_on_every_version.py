"""Two dates on every report version: what it covers (its report's period) and whose knowledge it
reads (recorded_at: the records as they had been recorded then). Reviews of risks, which are
added and never changed, say when each was recorded.

Existing versions read the records as of when they were requested. A review entered before this
migration is taken as recorded at the end of the day it is dated (never later than now). And a
row saved without history (loaded in bulk) gets a first version dated before any document: it
was known to every version presented so far, and re-rendering them must keep it."""

import datetime

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models
from django.utils import timezone

from yos_tracker.history import history_for_unversioned


def backfill(apps, schema_editor):
    ReportRender = apps.get_model("governance", "ReportRender")
    ReportRender.objects.update(recorded_at=models.F("requested_at"))
    RiskReview = apps.get_model("governance", "RiskReview")
    now = timezone.now()
    for review in RiskReview.objects.all():
        end = timezone.make_aware(datetime.datetime.combine(review.date, datetime.time.max))
        review.recorded_at = min(end, now)
        review.save(update_fields=["recorded_at"])
    history_for_unversioned(apps, schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0017_kpi7_partners_and_disproportionality_data"),
        ("improvement", "0015_national_standards_audit_framework"),
        ("performance", "0021_every_service_has_a_rating_key"),
        ("yos_tracker", "0006_data_version"),
    ]

    operations = [
        migrations.AddField(
            model_name="reportrender",
            name="recorded_at",
            field=models.DateTimeField(
                default=django.utils.timezone.now,
                help_text="The records are read as they had been recorded at this moment.",
                verbose_name="as recorded on",
            ),
        ),
        migrations.AddField(
            model_name="reportrender",
            name="late_entries_until",
            field=models.DateTimeField(
                blank=True,
                help_text="A version of a past day (a sign-off recorded after its date): records first entered after "
                "recorded_at but by this moment count, as first entered.",
                null=True,
            ),
        ),
        migrations.AddField(
            model_name="reportrender",
            name="restates",
            field=models.ForeignKey(
                blank=True,
                help_text="The version this one renders again: as it was (the same moment) or with later corrections.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="restated_by",
                to="governance.reportrender",
            ),
        ),
        migrations.AddField(
            model_name="riskreview",
            name="recorded_at",
            field=models.DateTimeField(default=django.utils.timezone.now),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
