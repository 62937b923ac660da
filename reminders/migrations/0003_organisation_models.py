"""Reminders now point at the organisation's models (issue 11): state only, no SQL."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    # Before the registry forgets the moved models (its 0004): this app's state still names them.
    run_before = [('registry', '0004_organisation_models')]

    dependencies = [
        ('organisation', '0001_initial'),
        ('reminders', '0002_dossier_kinds'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name='reminder',
                    name='committee',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organisation.committee', verbose_name='committee'),
                ),
                migrations.AlterField(
                    model_name='reminder',
                    name='province',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organisation.province', verbose_name='province'),
                ),
                migrations.AlterField(
                    model_name='reminder',
                    name='recipient',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reminders', to=settings.AUTH_USER_MODEL, verbose_name='recipient'),
                ),
                migrations.AlterField(
                    model_name='reminder',
                    name='unit',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organisation.unit', verbose_name='unit'),
                ),
                migrations.AlterField(
                    model_name='remindersetting',
                    name='province',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organisation.province', verbose_name='province'),
                ),
                migrations.AlterField(
                    model_name='remindersetting',
                    name='updated_by',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='changed by'),
                ),
            ],
        ),
    ]
