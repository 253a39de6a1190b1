import django.db.models.deletion
from django.db import migrations, models

FK = django.db.models.deletion


class Migration(migrations.Migration):
    dependencies = [("governance", "0015_move_assessments_onto_frameworks")]

    operations = [
        migrations.RemoveConstraint(model_name="standardrating", name="rating_one_per_standard_per_assessment"),
        migrations.RemoveField(model_name="selfassessment", name="framework"),
        migrations.RenameField(model_name="selfassessment", old_name="new_framework", new_name="framework"),
        migrations.AlterField(
            model_name="selfassessment",
            name="framework",
            field=models.ForeignKey(
                on_delete=FK.PROTECT, related_name="assessments", to="improvement.inspectionframework"
            ),
        ),
        migrations.RemoveField(model_name="standardrating", name="standard"),
        migrations.RenameField(model_name="standardrating", old_name="new_standard", new_name="standard"),
        migrations.AlterField(
            model_name="standardrating",
            name="standard",
            field=models.ForeignKey(on_delete=FK.PROTECT, related_name="+", to="improvement.standard"),
        ),
        migrations.AlterField(
            model_name="standardrating",
            name="level",
            field=models.ForeignKey(on_delete=FK.PROTECT, related_name="+", to="improvement.judgementlevel"),
        ),
        migrations.RemoveField(model_name="standardrating", name="rating"),
        migrations.RemoveField(model_name="historicalstandardrating", name="rating"),
        migrations.AddConstraint(
            model_name="standardrating",
            constraint=models.UniqueConstraint(
                fields=("assessment", "standard"), name="rating_one_per_standard_per_assessment"
            ),
        ),
        migrations.AlterModelOptions(
            name="standardrating", options={"ordering": ["assessment", "standard__order", "standard__code"]}
        ),
        migrations.DeleteModel(name="Standard"),
        migrations.DeleteModel(name="StandardsFramework"),
    ]
