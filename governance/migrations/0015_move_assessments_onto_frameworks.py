"""Moves each self-assessment onto the inspection framework of the same standards: HMIP's Domain 1
standards (the only framework loaded before) are 1.1–1.4 of the 2018 framework. A framework an
installation loaded itself is copied over as it stands, with HMIP's four-point scale."""

from django.db import migrations

SAME_AS = {"hmip-domain-1": "hmip-2018"}
# The ratings' stored values before, and the 2018 scale's labels they become.
LABELS = {
    "outstanding": "Outstanding",
    "good": "Good",
    "requires_improvement": "Requires improvement",
    "inadequate": "Inadequate",
}
COLOURS = {"Outstanding": "#005a30", "Good": "#00703c", "Requires improvement": "#f47738", "Inadequate": "#d4351c"}


def forwards(apps, schema_editor):
    OldFramework = apps.get_model("governance", "StandardsFramework")
    OldStandard = apps.get_model("governance", "Standard")
    Framework = apps.get_model("improvement", "InspectionFramework")
    Level = apps.get_model("improvement", "JudgementLevel")
    Standard = apps.get_model("improvement", "Standard")
    framework_for, standard_for, level_for = {}, {}, {}
    for old in OldFramework.objects.all():
        framework, created = Framework.objects.get_or_create(
            code=SAME_AS.get(old.code, old.code), defaults={"name": old.name}
        )
        if created:
            for rank, label in enumerate(LABELS.values(), start=1):
                Level.objects.create(framework=framework, label=label, rank=rank, colour=COLOURS[label])
        framework_for[old.pk] = framework
        levels = {level.label: level for level in Level.objects.filter(framework=framework)}
        for value, label in LABELS.items():
            level_for[(old.pk, value)] = levels[label]
        for standard in OldStandard.objects.filter(framework=old):
            standard_for[standard.pk], _ = Standard.objects.get_or_create(
                framework=framework, code=standard.code, defaults={"title": standard.title, "prompts": standard.prompts}
            )
    old_framework_of = dict(OldStandard.objects.values_list("pk", "framework_id"))

    for assessment in apps.get_model("governance", "SelfAssessment").objects.all():
        assessment.new_framework = framework_for[assessment.framework_id]
        assessment.save(update_fields=["new_framework"])
    for rating in apps.get_model("governance", "StandardRating").objects.all():
        rating.new_standard = standard_for[rating.standard_id]
        rating.level = level_for[(old_framework_of[rating.standard_id], rating.rating)]
        rating.save(update_fields=["new_standard", "level"])

    for row in apps.get_model("governance", "HistoricalSelfAssessment").objects.all():
        framework = framework_for.get(row.framework_id)
        row.framework_id = framework.pk if framework else None
        row.save(update_fields=["framework"])
    for row in apps.get_model("governance", "HistoricalStandardRating").objects.all():
        old_framework = old_framework_of.get(row.standard_id)
        standard, level = standard_for.get(row.standard_id), level_for.get((old_framework, row.rating))
        row.standard_id, row.level_id = (standard.pk if standard else None), (level.pk if level else None)
        row.save(update_fields=["standard", "level"])


class Migration(migrations.Migration):
    dependencies = [("governance", "0014_assessments_on_inspection_frameworks")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
