"""Loads the frameworks' standards and scoring (improvement/framework_data.py), and turns each
judgement's free-text area into the framework's standard of that title. A judgement whose area
matches no standard is kept in the inspection's overall narrative, in words, so nothing is lost."""

from django.db import migrations

from improvement.frameworks import frameworks_sync


def _standard_for(standards, area: str):
    wanted = " ".join(area.lower().split())
    return next((s for s in standards if s.title.lower() == wanted), None)


def load(apps, schema_editor):
    frameworks_sync(
        apps.get_model("improvement", "InspectionFramework"),
        apps.get_model("improvement", "JudgementLevel"),
        apps.get_model("improvement", "Standard"),
    )


def forwards(apps, schema_editor):
    load(apps, schema_editor)
    Standard = apps.get_model("improvement", "Standard")
    Judgement = apps.get_model("improvement", "InspectionJudgement")
    HistoricalJudgement = apps.get_model("improvement", "HistoricalInspectionJudgement")
    standards = {}
    for standard in Standard.objects.order_by("order", "code"):
        standards.setdefault(standard.framework_id, []).append(standard)
    for judgement in Judgement.objects.select_related("inspection", "level").order_by("pk"):
        inspection = judgement.inspection
        standard = _standard_for(standards.get(inspection.framework_id, []), judgement.area)
        taken = standard and Judgement.objects.filter(inspection=inspection, standard=standard).exists()
        if standard and not taken:
            judgement.standard = standard
            judgement.save(update_fields=["standard"])
            continue
        kept = f"{judgement.area}: {judgement.level.label}" + (f" — {judgement.narrative}" if judgement.narrative else "")
        inspection.overall_narrative = f"{inspection.overall_narrative}\n\n{kept}".strip()
        inspection.save(update_fields=["overall_narrative"])
        judgement.delete()
    framework_of = dict(apps.get_model("improvement", "Inspection").objects.values_list("pk", "framework_id"))
    for row in HistoricalJudgement.objects.filter(standard__isnull=True):
        standard = _standard_for(standards.get(framework_of.get(row.inspection_id), []), row.area)
        if standard:
            row.standard = standard
            row.save(update_fields=["standard"])


class Migration(migrations.Migration):
    dependencies = [("improvement", "0012_frameworks_standards_and_scores")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
