"""The registry hands the organisation its models (issue 11): units, committees, routing, people,
roles and the audit log now belong to `organisation`, on the same tables. Apart from the audit
log's foreign key to bright spots, nothing here touches the database."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('organisation', '0001_initial'),
        ('registry', '0003_search_trigram_index'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # The audit log keeps the bright spot as a plain id (organisation knows no feature): its
        # foreign key constraint goes. PostgreSQL drops the constraint; SQLite, which cannot,
        # copies the table with every row. Done while the registry's state still has the key.
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterField(
                    model_name='auditentry',
                    name='bright_spot',
                    field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='audit_entries', to='registry.brightspot'),
                ),
            ],
            state_operations=[],
        ),
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.RemoveField(
                    model_name='committee',
                    name='level_unit',
                ),
                migrations.RemoveField(
                    model_name='committee',
                    name='province',
                ),
                migrations.AlterField(
                    model_name='brightspot',
                    name='recipient',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='inbox', to='organisation.committee', verbose_name='steering committee'),
                ),
                migrations.RemoveField(
                    model_name='roleassignment',
                    name='committee',
                ),
                migrations.RemoveField(
                    model_name='routingrule',
                    name='copy_to',
                ),
                migrations.AlterField(
                    model_name='brightspot',
                    name='copy_to',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='inbox_copy', to='organisation.committee', verbose_name='copy to'),
                ),
                migrations.RemoveField(
                    model_name='routingrule',
                    name='recipient',
                ),
                migrations.AlterField(
                    model_name='brightspot',
                    name='via',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='inbox_via', to='organisation.committee', verbose_name='through'),
                ),
                migrations.RemoveField(
                    model_name='routingrule',
                    name='via',
                ),
                migrations.AlterField(
                    model_name='brightspot',
                    name='province',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, to='organisation.province', verbose_name='province'),
                ),
                migrations.AlterField(
                    model_name='annualreport',
                    name='province',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, to='organisation.province', verbose_name='province'),
                ),
                migrations.AlterField(
                    model_name='registrationperiod',
                    name='province',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, to='organisation.province', verbose_name='province'),
                ),
                migrations.AlterField(
                    model_name='registration',
                    name='province',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, to='organisation.province', verbose_name='province'),
                ),
                migrations.RemoveField(
                    model_name='routingrule',
                    name='province',
                ),
                migrations.RemoveField(
                    model_name='unit',
                    name='province',
                ),
                migrations.AlterField(
                    model_name='extension',
                    name='province',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, to='organisation.province', verbose_name='province'),
                ),
                migrations.RemoveField(
                    model_name='roleassignment',
                    name='province',
                ),
                migrations.RemoveField(
                    model_name='roleassignment',
                    name='unit',
                ),
                migrations.RemoveField(
                    model_name='roleassignment',
                    name='user',
                ),
                migrations.RemoveField(
                    model_name='routingrule',
                    name='level_unit',
                ),
                migrations.RemoveField(
                    model_name='unit',
                    name='parent',
                ),
                migrations.RemoveField(
                    model_name='unit',
                    name='successor',
                ),
                migrations.AlterField(
                    model_name='annualreport',
                    name='unit',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='annual_reports', to='organisation.unit', verbose_name='unit'),
                ),
                migrations.AlterField(
                    model_name='registration',
                    name='unit',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='registrations', to='organisation.unit', verbose_name='unit'),
                ),
                migrations.AlterField(
                    model_name='extension',
                    name='unit',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='extensions', to='organisation.unit', verbose_name='unit'),
                ),
                migrations.AlterField(
                    model_name='brightspot',
                    name='unit',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='bright_spots', to='organisation.unit', verbose_name='unit'),
                ),
                migrations.RemoveField(
                    model_name='user',
                    name='groups',
                ),
                migrations.RemoveField(
                    model_name='user',
                    name='user_permissions',
                ),
                migrations.AlterField(
                    model_name='registration',
                    name='submitted_by',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL),
                ),
                migrations.AlterField(
                    model_name='brightspot',
                    name='created_by',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL),
                ),
                migrations.AlterField(
                    model_name='progressentry',
                    name='created_by',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL),
                ),
                migrations.AlterField(
                    model_name='brightspot',
                    name='reviewed_by',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='reviewed by'),
                ),
                migrations.AlterField(
                    model_name='annualreport',
                    name='submitted_by',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL),
                ),
                migrations.AlterField(
                    model_name='extension',
                    name='granted_by',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='granted by'),
                ),
                migrations.RemoveField(
                    model_name='brightspot',
                    name='criteria',
                ),
                migrations.DeleteModel(
                    name='AuditEntry',
                ),
                migrations.DeleteModel(
                    name='Committee',
                ),
                migrations.DeleteModel(
                    name='Province',
                ),
                migrations.DeleteModel(
                    name='RoleAssignment',
                ),
                migrations.DeleteModel(
                    name='RoutingRule',
                ),
                migrations.DeleteModel(
                    name='Unit',
                ),
                migrations.DeleteModel(
                    name='User',
                ),
            ],
        ),
    ]
