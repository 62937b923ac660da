"""The organisation's tables take its name (registry_unit → organisation_unit, …): a rename, every
row and key kept; the user's group and permission tables are renamed with it."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('organisation', '0002_content_types'),
    ]

    operations = [
        migrations.AlterModelTable(
            name='auditentry',
            table=None,
        ),
        migrations.AlterModelTable(
            name='committee',
            table=None,
        ),
        migrations.AlterModelTable(
            name='province',
            table=None,
        ),
        migrations.AlterModelTable(
            name='roleassignment',
            table=None,
        ),
        migrations.AlterModelTable(
            name='routingrule',
            table=None,
        ),
        migrations.AlterModelTable(
            name='unit',
            table=None,
        ),
        migrations.AlterModelTable(
            name='user',
            table=None,
        ),
    ]
