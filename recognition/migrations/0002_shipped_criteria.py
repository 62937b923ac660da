from django.db import migrations


def install(apps, schema_editor):
    from recognition import criteria_data

    criteria_data.install(
        apps.get_model("recognition", "CriteriaSet"),
        apps.get_model("recognition", "Criterion"),
        using=schema_editor.connection.alias,
    )


class Migration(migrations.Migration):
    dependencies = [("recognition", "0001_initial")]
    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
