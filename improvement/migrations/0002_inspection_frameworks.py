"""The judgement scales of HMI Probation's youth inspection frameworks; a new framework is new data."""

from django.db import migrations

FRAMEWORKS = [
    (
        "hmip-2012",
        "HMI Probation youth offending work, 2012–2018 (Full Joint Inspection, Short Quality Screening)",
        [("Good", "#00703c"), ("Satisfactory", "#85994b"), ("Unsatisfactory", "#f47738"), ("Poor", "#d4351c")],
    ),
    (
        "hmip-2018",
        "HMI Probation inspection of youth offending services, from 2018",
        [("Outstanding", "#005a30"), ("Good", "#00703c"), ("Requires improvement", "#f47738"), ("Inadequate", "#d4351c")],
    ),
]


def load(apps, schema_editor):
    Framework = apps.get_model("improvement", "InspectionFramework")
    Level = apps.get_model("improvement", "JudgementLevel")
    for code, name, levels in FRAMEWORKS:
        framework, _ = Framework.objects.get_or_create(code=code, defaults={"name": name})
        for rank, (label, colour) in enumerate(levels, start=1):
            Level.objects.get_or_create(framework=framework, label=label, defaults={"rank": rank, "colour": colour})


class Migration(migrations.Migration):
    dependencies = [("improvement", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
