"""HMI Probation's standards for organisational delivery (Domain 1 of the youth inspection
framework from 2018), with their prompts, as the first self-assessment framework. Frameworks
are data: another can be loaded the same way."""

from django.db import migrations

CODE = "hmip-domain-1"
NAME = "HMI Probation: organisational delivery (Domain 1)"
STANDARDS = [
    ("1.1", "Governance and leadership", [
        "Is there a clear local vision and strategy for the delivery of a high-quality, personalised and "
        "responsive service for all children?",
        "Do the partnership arrangements actively support effective service delivery?",
        "Does the leadership of the youth offending team support effective service delivery?",
    ]),
    ("1.2", "Staff", [
        "Do staffing and workload levels support the delivery of a high-quality, personalised and responsive service?",
        "Do the skills of staff support the delivery of such a service for all children?",
        "Does the oversight work of managers support high-quality delivery and professional development?",
        "Are arrangements for learning and development comprehensive and responsive?",
        "Do managers pay sufficient attention to staff engagement?",
    ]),
    ("1.3", "Partnerships and services", [
        "Is there a sufficiently comprehensive and up-to-date analysis of the profile of children, to ensure that "
        "the right services are in place?",
        "Does the partnership provide the volume, range and quality of services needed to meet the needs of all children?",
        "Are arrangements with statutory partners, providers and other agencies established, maintained and used "
        "effectively to deliver high-quality services?",
    ]),
    ("1.4", "Information and facilities", [
        "Are the necessary policies and guidance in place to enable staff to deliver a quality service?",
        "Does the delivery environment meet the needs of all children and enable staff to deliver a quality service?",
        "Do the information and communication technology systems enable staff to deliver a quality service?",
        "Are analysis, evidence and learning used effectively to drive improvement?",
    ]),
]


def load(apps, schema_editor):
    Framework = apps.get_model("governance", "StandardsFramework")
    Standard = apps.get_model("governance", "Standard")
    framework, _ = Framework.objects.get_or_create(code=CODE, defaults={"name": NAME})
    for code, title, prompts in STANDARDS:
        Standard.objects.update_or_create(framework=framework, code=code, defaults={"title": title, "prompts": prompts})


class Migration(migrations.Migration):
    dependencies = [("governance", "0002_board_risks_self_assessment")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
