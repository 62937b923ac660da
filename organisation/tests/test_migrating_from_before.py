"""A database from before the organisation had its own app (issue 11) migrates forward keeping
every row: one row in every table of the apps, made at the old migration state, then `migrate`
as an administrator runs it after upgrading — on the database the suite runs on."""

import uuid
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.db import connections, models
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder

from organisation.models import AuditEntry, Unit, User
from registry.models import BrightSpot

# Where main stood before this release (each app's last migration then).
BEFORE = [
    ("registry", "0003_search_trigram_index"),
    ("recognition", "0003_recognition"),
    ("reporting", "0002_export_removed"),
    ("reminders", "0002_dossier_kinds"),
    ("admin", "0003_logentry_add_action_flag_choices"),
    ("sessions", "0001_initial"),
]
APPS = ("registry", "recognition", "reporting", "reminders")
MOVED = {"user", "unit", "province", "committee", "routingrule", "roleassignment", "auditentry"}
NOW = datetime(2026, 3, 20, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
# Values the old constraints require of the one row each model gets.
OVERRIDES = {
    "registry.committee": {"handles_qcdc": True},
    "registry.roleassignment": {"role": "unit_official", "committee": None},
    "registry.brightspot": {"status": "submitted", "submitted_at": NOW, "timeliness": "on_time"},
    "registry.unit": {"parent": None, "successor": None, "path": "1."},
    "recognition.commendationproposal": {"period_start": 2021, "period_end": 2025},
    "recognition.criteriaset": {"valid_from_year": 2099, "previous": None},
    "recognition.dossier": {"status": "recognized", "submitted_at": NOW, "first_submitted_at": NOW},
}


@pytest.fixture
def old_database(django_db_blocker, tmp_path):
    """A database of its own, on the suite's server, at the state of BEFORE."""
    alias, default = "before_issue_11", connections["default"]
    name = f"before_{uuid.uuid4().hex[:10]}"
    with django_db_blocker.unblock():
        if default.vendor == "postgresql":
            with default._nodb_cursor() as cursor:
                cursor.execute(f'CREATE DATABASE "{name}"')
        else:
            name = str(tmp_path / f"{name}.sqlite3")
        connections.settings[alias] = {**default.settings_dict, "NAME": name, "TEST": {}}
        connection = connections[alias]
        MigrationExecutor(connection).migrate(BEFORE)
        # A database of the old release never ran organisation's first migration.
        MigrationRecorder(connection).migration_qs.filter(app="organisation").delete()
        yield alias
        connection.close()
        del connections[alias]
        connections.settings.pop(alias)
        if default.vendor == "postgresql":
            with default._nodb_cursor() as cursor:
                cursor.execute(f'DROP DATABASE "{name}"')


def value_for(field, made):
    if isinstance(field, models.ForeignKey):
        return None if field.related_model is field.model else made.get(field.related_model)
    if field.choices:
        return field.choices[0][0]
    if isinstance(field, models.DateTimeField):
        return NOW
    if isinstance(field, models.DateField):
        return date(2026, 3, 1)
    if isinstance(field, models.BooleanField):
        return False
    if isinstance(field, models.IntegerField):
        return 2026 if field.name.endswith("year") else 1
    if isinstance(field, models.JSONField):
        return {}
    if isinstance(field, models.EmailField):
        return "canbo@example.vn"
    if isinstance(field, models.CharField | models.TextField | models.FileField):
        return "40"[: field.max_length or 2] if field.unique else "Mẫu"
    raise AssertionError(f"no value for {field}")


def one_row_each(apps, alias, made: dict) -> dict:
    """One row in every model of our apps, every key filled (`made`: rows already there)."""
    ours = [m for m in apps.get_models() if m._meta.app_label in APPS]
    waiting = list(ours)
    while waiting:
        for model in waiting:
            needed = [
                f.related_model
                for f in model._meta.concrete_fields
                if f.is_relation and f.related_model is not model and f.related_model in ours
            ]
            if all(m in made for m in needed):
                break
        else:
            raise AssertionError(f"no order for {waiting}")
        waiting.remove(model)
        values = {
            f.name: value_for(f, made)
            for f in model._meta.concrete_fields
            if not f.primary_key and (f.is_relation or not (f.has_default() or f.null))
        }
        values.update(OVERRIDES.get(model._meta.label_lower, {}))
        made[model] = model.objects.using(alias).create(**values)
    return made


def old_job_table(alias) -> None:
    """The job table as the old project package had it, with a job still waiting."""
    connection = connections[alias]
    json, moment = (
        ("jsonb", "timestamptz") if connection.vendor == "postgresql" else ("text", "datetime")
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE brightspots_job (id bigint PRIMARY KEY, task varchar(150) NOT NULL, "
            f"kwargs {json} NOT NULL, key varchar(200) NULL UNIQUE, created_at {moment} NOT NULL, "
            f"run_after {moment} NOT NULL, attempts integer NOT NULL, done_at {moment} NULL, "
            "last_error text NOT NULL)"
        )
        cursor.execute(
            "INSERT INTO brightspots_job VALUES (7, 'registry.tasks.send_welcome_email', "
            "'{\"user_id\": 1}', 'welcome:1', '2026-03-20 02:00', '2026-03-20 02:00', 0, NULL, '')"
        )


def row_counts(alias) -> dict[str, int]:
    connection = connections[alias]
    with connection.cursor() as cursor:
        counts = {}
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608 - our own table names
            counts[table] = cursor.fetchone()[0]
    return counts


def renamed(table: str) -> str:
    app, _, rest = table.partition("_")
    if app == "registry" and rest.split("_")[0] in MOVED:
        return f"organisation_{rest}"
    return "core_job" if table == "brightspots_job" else table


def test_a_populated_database_migrates_forward_keeping_every_row(old_database):
    alias = old_database
    apps = MigrationExecutor(connections[alias]).loader.project_state(BEFORE).apps
    content_type = apps.get_model("contenttypes", "ContentType")
    unit_type = content_type.objects.using(alias).create(app_label="registry", model="unit")
    made = one_row_each(apps, alias, {content_type: unit_type})
    permission = (
        apps.get_model("auth", "Permission")
        .objects.using(alias)
        .create(content_type=unit_type, codename="change_unit", name="Can change unit")
    )
    group = apps.get_model("auth", "Group").objects.using(alias).create(name="Quản trị")
    old_user = made[apps.get_model("registry", "User")]
    old_user.groups.add(group)
    old_user.user_permissions.add(permission)
    old_unit, old_spot = (
        made[apps.get_model("registry", "Unit")],
        made[apps.get_model("registry", "BrightSpot")],
    )
    apps.get_model("registry", "AuditEntry").objects.using(alias).create(
        action="unit.created", target_type=unit_type, target_id=old_unit.pk,
        target_label="Xã Mẫu", bright_spot=old_spot, at=NOW,
    )  # fmt: skip
    criterion = apps.get_model("recognition", "Criterion").objects.using(alias).first()
    old_spot.criteria.add(criterion)
    old_job_table(alias)
    before = row_counts(alias)
    assert all(before[t] for t in before if t.split("_")[0] in (*APPS, "brightspots"))

    call_command("migrate", database=alias, verbosity=0)

    after = row_counts(alias)
    # Django adds the content types and permissions of today's models after migrating.
    for table, rows in before.items():
        if table not in {"django_migrations", "django_content_type", "auth_permission"}:
            assert after[renamed(table)] == rows, table
    assert not {t for t in after if t.startswith("registry_") and t.split("_")[1] in MOVED}
    # The rows read back through today's models, with what pointed at them.
    spot = BrightSpot.objects.using(alias).get(pk=old_spot.pk)
    assert spot.unit == Unit.objects.using(alias).get(pk=old_unit.pk)
    assert list(spot.criteria.values_list("pk", flat=True)) == [criterion.pk]
    entry = AuditEntry.objects.using(alias).get(action="unit.created")
    assert entry.bright_spot_id == old_spot.pk
    assert (entry.target_type.app_label, entry.target_type.model) == ("organisation", "unit")
    user = User.objects.using(alias).get()
    assert list(user.groups.values_list("name", flat=True)) == ["Quản trị"]
    assert user.user_permissions.get().content_type.app_label == "organisation"
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT task FROM core_job WHERE id = 7")
        assert cursor.fetchone() == ("organisation.send_welcome_email",)
    # Every migration of the organisation is applied, however many later issues add.
    shipped = len(
        list((Path(__file__).parents[1] / "migrations").glob("[0-9][0-9][0-9][0-9]_*.py"))
    )
    assert (
        MigrationRecorder(connections[alias]).migration_qs.filter(app="organisation").count()
        == shipped
    )


def test_a_new_database_needs_no_bootstrap(old_database):
    """Only an old database gets organisation's first migration recorded before migrating; on a
    database where nothing depends on it yet, migrate runs it in its turn."""
    from organisation.bootstrap import record_first_migration

    recorder = MigrationRecorder(connections[old_database])
    assert record_first_migration(old_database) is True  # admin was applied before it
    assert record_first_migration(old_database) is False  # recorded once
    assert recorder.migration_qs.filter(app="organisation", name="0001_initial").count() == 1
