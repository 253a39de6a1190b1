"""Organisations made before onboarding existed get what a new one is given: a RAG scale, case-audit
grades, a risk matrix, the starter indicators (when they track none) and the weekly digest.
What they have already is left as it is."""

from django.db import migrations

from onboarding.services import organisation_install


def complete(apps, schema_editor):
    for organisation in apps.get_model("yos_tracker", "Organisation").objects.all():
        organisation_install(organisation=organisation, apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("yos_tracker", "0001_organisations_in_core"),
        ("governance", "0008_organisation_moved_to_core"),
        ("improvement", "0009_reminders_per_organisation"),
        ("performance", "0006_local_indicators"),
    ]
    operations = [migrations.RunPython(complete, migrations.RunPython.noop)]
