"""A dataset built once per test process and inserted again, row for row, in each test.

Building the reporting tests' generated dataset takes seconds (the generator's Python, the
recognition round, the look-ups); inserting the same rows again takes a fraction of that. A
`Snapshot` runs its builder the first time a test asks for it, inside that test's transaction,
keeps every row the builder added (and any it changed or removed) in memory, and in later tests
writes those rows back with their own keys, then moves the key sequences past them.

The rows only fit the database they were taken from: the snapshot remembers what the database
held before the build (the migrations' rows, the shipped criteria, content types …) and builds
afresh whenever a test starts from anything else — after a transactional test emptied the
database, or when a test's other fixtures added rows first. So a test sees exactly what the
builder would have made, whatever ran before it, also under pytest-xdist (each worker process
keeps its own snapshots of its own database).
"""

import copy
import hashlib
import pickle

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models.sql import InsertQuery


def _models():
    """Every table Django writes, parents before children (the order does not matter for the
    foreign keys, which are checked at commit, but it keeps the inserts readable)."""
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    ]


def _rows(model) -> dict:
    """pk → the row's stored values (own columns only: a child table of multi-table
    inheritance holds its own fields, its parent's are read with the parent)."""
    fields = model._meta.local_concrete_fields
    names = [f.attname for f in fields]
    return {
        values[names.index(model._meta.pk.attname)]: values
        for values in model._base_manager.order_by().values_list(*names)
    }


def _state() -> dict:
    return {model: _rows(model) for model in _models()}


def _fingerprint(state: dict) -> str:
    digest = hashlib.sha256()
    for model in sorted(state, key=lambda m: m._meta.db_table):
        digest.update(model._meta.db_table.encode())
        digest.update(pickle.dumps(sorted(state[model].items(), key=lambda kv: repr(kv[0]))))
    return digest.hexdigest()


def _sql(model, objs) -> list:
    """The INSERT statements of these rows, compiled once: the stored values as they are (raw:
    no auto_now, no defaults drawn again), in batches the database accepts."""
    fields = model._meta.local_concrete_fields
    size = max(1, connection.ops.bulk_batch_size(fields, objs) or len(objs))
    statements = []
    for start in range(0, len(objs), size):
        query = InsertQuery(model)
        query.insert_values(fields, objs[start : start + size], raw=True)
        statements += query.get_compiler(connection=connection).as_sql()
    return statements


class _Changes:
    """What a build did to each table: rows added, rows changed, keys removed."""

    def __init__(self, before: dict, after: dict):
        self.added, self.changed, self.removed = {}, {}, {}
        for model, rows in after.items():
            old = before.get(model, {})
            names = [f.attname for f in model._meta.local_concrete_fields]
            added = [
                model(**dict(zip(names, values, strict=True)))
                for pk, values in rows.items()
                if pk not in old
            ]
            changed = {pk: values for pk, values in rows.items() if pk in old and old[pk] != values}
            removed = [pk for pk in old if pk not in rows]
            if added:
                self.added[model] = added
            if changed:
                self.changed[model] = changed
            if removed:
                self.removed[model] = removed
        self.inserts = [sql for model, objs in self.added.items() for sql in _sql(model, objs)]

    def apply(self) -> None:
        for model, pks in self.removed.items():
            model._base_manager.filter(pk__in=pks)._raw_delete(connection.alias)
        for model, rows in self.changed.items():
            names = [f.attname for f in model._meta.local_concrete_fields]
            for pk, values in rows.items():
                model._base_manager.filter(pk=pk).update(**dict(zip(names, values, strict=True)))
        with connection.cursor() as cursor:
            for sql, params in self.inserts:
                cursor.execute(sql, params)
        # The next row a test creates takes a key after the snapshot's (PostgreSQL sequences do
        # not move for keys given explicitly; SQLite's do).
        statements = connection.ops.sequence_reset_sql(no_style(), list(self.added))
        if statements:
            with connection.cursor() as cursor:
                for statement in statements:
                    cursor.execute(statement)


class Snapshot:
    """`Snapshot(build).load()` in a test (inside its transaction) gives what `build()` returned,
    with the rows `build()` made in the database — built the first time, inserted again after."""

    def __init__(self, build):
        self.build = build
        self._taken: dict[str, tuple[_Changes, object]] = {}

    def load(self):
        before = _state()
        key = _fingerprint(before)
        if key in self._taken:
            changes, result = self._taken[key]
            # One transaction, so the foreign keys are checked once all rows are in (a
            # transactional test runs in autocommit; in others this is a savepoint).
            with transaction.atomic():
                changes.apply()
            return copy.deepcopy(result)
        result = self.build()
        self._taken[key] = (_Changes(before, _state()), copy.deepcopy(result))
        return result
