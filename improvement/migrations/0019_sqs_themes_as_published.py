"""The frameworks as HMIP published them (improvement/framework_data.py, issue #30): a Short Quality
Screening's four themes are seed 002's and take no rating, and the 2025 programme's organisational
delivery is not rated on its own. A rating stored against one of these before is not lost: it is
written, with the theme's title as it was then, at the head of that judgement's note, where the
inspection's page shows it, and the judgement keeps its theme. The standards are listed here as
they are today, so that this migration does the same whatever later changes the data."""

from django.db import migrations

from improvement.frameworks import frameworks_sync

NO_LONGER_RATED = {"hmip-2012": ["SQS 1", "SQS 2", "SQS 3", "SQS 4"], "hmip-2025": ["1"]}


def kept_in_words(level: str, code: str, title: str) -> str:
    return (
        f"Recorded before this was corrected to HMIP's published framework, which gives it no rating: "
        f"“{level}”, under “{code} {title}”."
    )


def forwards(apps, schema_editor):
    Judgement = apps.get_model("improvement", "InspectionJudgement")
    for framework, codes in NO_LONGER_RATED.items():
        rated = Judgement.objects.filter(
            standard__framework__code=framework, standard__code__in=codes, level__isnull=False
        ).select_related("standard", "level")
        for judgement in rated:
            kept = kept_in_words(judgement.level.label, judgement.standard.code, judgement.standard.title)
            judgement.narrative = f"{kept}\n\n{judgement.narrative}".strip()
            judgement.level = None
            judgement.save(update_fields=["narrative", "level"])
    frameworks_sync(
        apps.get_model("improvement", "InspectionFramework"),
        apps.get_model("improvement", "JudgementLevel"),
        apps.get_model("improvement", "Standard"),
    )


class Migration(migrations.Migration):
    dependencies = [("improvement", "0018_judgements_unrated_themes_and_sources")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
