from django.db import migrations, models


def forget_versions(apps, schema_editor):
    """The installation's version is made again, at random, after the migrations: page parts kept
    under the old one are simply never read again."""
    apps.get_model("yos_tracker", "DataVersion").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("yos_tracker", "0010_several_roles_per_member")]

    operations = [
        migrations.RunPython(forget_versions, migrations.RunPython.noop, elidable=True),
        migrations.AddField(
            model_name="dataversion",
            name="scope",
            field=models.PositiveBigIntegerField(default=0, unique=True),
            preserve_default=False,
        ),
    ]
