"""Before `migrate`: record organisation's first migration on a database from before issue 11.

Moving the user model to `organisation` makes every migration that depends on the user model —
Django's admin among them — depend on `organisation.0001_initial`. On a database migrated
earlier the admin's migrations are applied and that one is not, so Django would refuse to
migrate at all (InconsistentMigrationHistory). `organisation.0001_initial` only tells Django's
state where the models live now (it runs no SQL) and depends only on migrations applied before,
so recording it as applied is the same as running it.
"""

from django.db import connections
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.operations import SeparateDatabaseAndState
from django.db.migrations.recorder import MigrationRecorder

FIRST = ("organisation", "0001_initial")


def record_first_migration(using: str = "default") -> bool:
    """Record organisation's first migration when an applied one already depends on it."""
    connection = connections[using]
    recorder = MigrationRecorder(connection)
    if not recorder.has_table():
        return False  # a new database: migrate runs everything in order
    applied = recorder.applied_migrations()
    if FIRST in applied:
        return False
    loader = MigrationLoader(connection, ignore_no_migrations=True)
    node = loader.graph.node_map[FIRST]
    if not any(child.key in applied for child in node.children):
        return False  # nothing applied needs it yet: it runs in its turn
    migration = loader.graph.nodes[FIRST]
    if not all(
        isinstance(operation, SeparateDatabaseAndState) and not operation.database_operations
        for operation in migration.operations
    ):
        raise RuntimeError("organisation.0001_initial runs SQL: it cannot be recorded unrun")
    missing = [parent.key for parent in node.parents if parent.key not in applied]
    if missing:
        raise RuntimeError(f"organisation.0001_initial needs {missing} applied first")
    recorder.record_applied(*FIRST)
    return True
