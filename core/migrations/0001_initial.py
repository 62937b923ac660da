"""Durable jobs move from the project package to `core` (issue 11).

The table of a database migrated before this release (`brightspots_job`) is renamed, with every
row; a new database gets a new table.
"""

import django.utils.timezone
from django.db import migrations, models

OLD_TABLE = "brightspots_job"


def adopt_or_create(apps, schema_editor):
    job = apps.get_model("core", "Job")
    if OLD_TABLE in schema_editor.connection.introspection.table_names():
        schema_editor.alter_db_table(job, OLD_TABLE, job._meta.db_table)
    else:
        schema_editor.create_model(job)


def give_back(apps, schema_editor):
    job = apps.get_model("core", "Job")
    schema_editor.alter_db_table(job, job._meta.db_table, OLD_TABLE)


class Migration(migrations.Migration):

    initial = True

    dependencies = []

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='Job',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('task', models.CharField(max_length=150, verbose_name='task')),
                        ('kwargs', models.JSONField(default=dict, verbose_name='arguments')),
                        ('key', models.CharField(blank=True, help_text='A second job with the same key is not created.', max_length=200, null=True, unique=True, verbose_name='idempotency key')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='created')),
                        ('run_after', models.DateTimeField(default=django.utils.timezone.now, verbose_name='run after')),
                        ('attempts', models.PositiveIntegerField(default=0, verbose_name='attempts')),
                        ('done_at', models.DateTimeField(blank=True, null=True, verbose_name='done')),
                        ('last_error', models.TextField(blank=True, verbose_name='last error')),
                    ],
                    options={
                        'verbose_name': 'job',
                        'verbose_name_plural': 'jobs',
                        'indexes': [models.Index(condition=models.Q(('done_at', None)), fields=['run_after'], name='job_pending_idx')],
                    },
                ),
            ],
        ),
        migrations.RunPython(adopt_or_create, give_back),
    ]
