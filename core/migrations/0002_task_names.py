"""Durable tasks are asked for by a registered name, no longer by their module's path (issue 11):
jobs still waiting take their task's new name, and the job table's content type moves to core."""

from django.db import migrations

RENAMED = {
    "registry.tasks.send_welcome_email": "organisation.send_welcome_email",
    "registry.tasks.send_submission_notice": "registry.send_submission_notice",
    "recognition.tasks.issue_certificates": "recognition.issue_certificates",
    "reporting.tasks.export_produce": "reporting.produce_export",
    "reminders.tasks.run_reminders": "reminders.run",
    "reminders.tasks.deliver_reminder": "reminders.deliver",
}


def rename(apps, using: str, names: dict, content_type: tuple[str, str]) -> None:
    jobs = apps.get_model("core", "Job").objects.using(using)
    for old, new in names.items():
        jobs.filter(task=old).update(task=new)
    content_types = apps.get_model("contenttypes", "ContentType")
    old_label, new_label = content_type
    content_types = content_types.objects.using(using)
    if not content_types.filter(app_label=new_label, model="job").exists():
        content_types.filter(app_label=old_label, model="job").update(app_label=new_label)
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()


def forwards(apps, schema_editor):
    rename(apps, schema_editor.connection.alias, RENAMED, ("brightspots", "core"))


def backwards(apps, schema_editor):
    backwards_names = {new: old for old, new in RENAMED.items()}
    rename(apps, schema_editor.connection.alias, backwards_names, ("core", "brightspots"))


class Migration(migrations.Migration):

    dependencies = [
        ("core", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
