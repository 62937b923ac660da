"""PostgreSQL only: trigram indexes so that diacritic-free keyword search (R33) stays fast on a
national dataset. SQLite needs nothing: it scans, and its datasets are small."""

from django.db import migrations

INDEXES = [
    ("registry_brightspot", "search_text", "bright_spot_search_trgm"),
    ("registry_unit", "name_folded", "unit_name_folded_trgm"),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for table, column, name in INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({column} gin_trgm_ops)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for _table, _column, name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("registry", "0002_annualreport_brightspot_annualreportitem_and_more")]
    operations = [migrations.RunPython(create, drop)]
