"""The slug's help text gives an example address rather than a "/<slug>/" placeholder, which Django
admin's form shows as HTML and so swallowed ("Used in addresses: //…")."""

import django.core.validators
import yos_tracker.models
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('yos_tracker', '0011_data_version_per_organisation'),
    ]

    operations = [
        migrations.AlterField(
            model_name='historicalorganisation',
            name='slug',
            field=models.SlugField(help_text="Used in the service's addresses: the service with the slug lewisham is at /lewisham/…", validators=[django.core.validators.RegexValidator('\\A[a-z0-9]+(?:-[a-z0-9]+)*\\Z', 'Use lower-case letters and digits, with single hyphens between words.'), yos_tracker.models.validate_slug_not_reserved]),
        ),
        migrations.AlterField(
            model_name='organisation',
            name='slug',
            field=models.SlugField(help_text="Used in the service's addresses: the service with the slug lewisham is at /lewisham/…", unique=True, validators=[django.core.validators.RegexValidator('\\A[a-z0-9]+(?:-[a-z0-9]+)*\\Z', 'Use lower-case letters and digits, with single hyphens between words.'), yos_tracker.models.validate_slug_not_reserved]),
        ),
    ]
