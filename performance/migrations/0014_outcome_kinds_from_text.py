"""Every service gets the YJB's outcome types as its own, and each recorded outcome (and each of
its history rows) points at the one it named; 0015 then drops the old text column. Apart, because
PostgreSQL will not alter a table in the transaction that has just written to it."""

from django.db import migrations

from performance.choices import DEFAULT_OUTCOME_KIND_SCALE, OUTCOME_KIND_SCALES
from yos_tracker.scales import scale_install


def outcome_kinds_from_text(apps, schema_editor):
    OutcomeKind = apps.get_model("performance", "OutcomeKind")
    for organisation in apps.get_model("yos_tracker", "Organisation").objects.all():
        scale_install(OutcomeKind, organisation=organisation, rows=OUTCOME_KIND_SCALES[DEFAULT_OUTCOME_KIND_SCALE])
    for model in ("QualifyingOutcome", "HistoricalQualifyingOutcome"):
        outcomes = apps.get_model("performance", model).objects.filter(kind__isnull=True)
        for organisation_id, code in outcomes.values_list("case__organisation", "outcome_type").distinct():
            kind, _ = OutcomeKind.objects.get_or_create(
                organisation_id=organisation_id, code=code, defaults={"label": code, "position": 99}
            )
            outcomes.filter(case__organisation=organisation_id, outcome_type=code).update(kind=kind)


class Migration(migrations.Migration):

    dependencies = [
        ('performance', '0013_outcome_kinds'),
    ]

    operations = [
        migrations.RunPython(outcome_kinds_from_text, migrations.RunPython.noop),
    ]
