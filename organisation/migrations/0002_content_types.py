"""The moved models' content types follow them (issue 11): an audit entry, a permission or an
admin log entry that named `registry.unit` now names `organisation.unit`, by the same row."""

from django.db import migrations

MOVED = ["auditentry", "committee", "province", "roleassignment", "routingrule", "unit", "user"]


def relabel(apps, schema_editor, old_label: str, new_label: str) -> None:
    content_types = apps.get_model("contenttypes", "ContentType")
    content_types = content_types.objects.using(schema_editor.connection.alias)
    for model in MOVED:
        old = content_types.filter(app_label=old_label, model=model).first()
        if old is None:
            continue  # a new database: the content types are created after migrating
        # A content type made for the new label meanwhile (a partial migrate) is new and empty
        # but for its permissions: it goes, and the old row, with every reference, is renamed.
        content_types.filter(app_label=new_label, model=model).delete()
        content_types.filter(pk=old.pk).update(app_label=new_label)
    # The process's own cache may still map the old label to these rows.
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()


def forwards(apps, schema_editor):
    relabel(apps, schema_editor, "registry", "organisation")


def backwards(apps, schema_editor):
    relabel(apps, schema_editor, "organisation", "registry")


class Migration(migrations.Migration):

    dependencies = [
        ("organisation", "0001_initial"),
        ("registry", "0004_organisation_models"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
