"""A download states its area, no longer its "scope" (issue 11: one name per idea)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('reporting', '0003_organisation_models'),
    ]

    operations = [
        migrations.RenameField(
            model_name='export',
            old_name='scope_label',
            new_name='area_label',
        ),
    ]
