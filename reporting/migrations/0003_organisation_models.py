"""Reporting now points at the organisation's models (issue 11): state only, no SQL."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    # Before the registry forgets the moved models (its 0004): this app's state still names them.
    run_before = [('registry', '0004_organisation_models')]

    dependencies = [
        ('organisation', '0001_initial'),
        ('reporting', '0002_export_removed'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name='export',
                    name='province',
                    field=models.ForeignKey(blank=True, help_text='Empty for a download covering several provinces.', null=True, on_delete=django.db.models.deletion.PROTECT, to='organisation.province', verbose_name='province'),
                ),
                migrations.AlterField(
                    model_name='export',
                    name='requested_by',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='requested by'),
                ),
                migrations.AlterField(
                    model_name='letterhead',
                    name='province',
                    field=models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='letterhead', to='organisation.province', verbose_name='province'),
                ),
            ],
        ),
    ]
