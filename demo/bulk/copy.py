"""Bulk inserts by PostgreSQL's COPY (issue 12: the national dataset in minutes).

`insert(Model, objects)` does what `Model.objects.bulk_create(objects)` does for the generators —
primary keys set on the objects, foreign keys taken from the related objects they hold,
`auto_now_add` filled in — but streams the rows through one `COPY … FROM STDIN` per table
instead of parsing INSERT statements: the keys are drawn from the table's own sequence first, so
later rows can refer to them. Foreign keys are checked by PostgreSQL at the transaction's commit
(Django's are DEFERRABLE INITIALLY DEFERRED), and unique and check constraints row by row, so
nothing is inserted that an INSERT would have refused. On another database it is bulk_create.
"""

import io
import json
import re

from django.db import connections, models, router

BATCH = 20_000


_SPECIAL = re.compile(r"[\\\t\n\r]")
_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
# Fields whose stored value is the attribute itself, as str() writes it in COPY's text format
# (dates and times in ISO 8601, which PostgreSQL reads back exactly): no pre_save, no
# get_db_prep_save per cell, which was a third of a one-province build (issue 12).
_PLAIN = (
    models.AutoField, models.BigAutoField, models.IntegerField, models.BigIntegerField,
    models.SmallIntegerField, models.PositiveIntegerField, models.PositiveSmallIntegerField,
    models.PositiveBigIntegerField, models.CharField, models.TextField, models.BooleanField,
    models.ForeignKey, models.DateField, models.UUIDField,
)  # fmt: skip
# Not here: DateTimeField (a naive value is made aware in the current time zone on the way),
# DecimalField, JSONField and any custom field: they take the long way below.


def _text(value) -> str:
    """A value in COPY's text format."""
    if value is None:
        return r"\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    text = value if value.__class__ is str else str(value)
    if _SPECIAL.search(text):
        text = text.translate(_ESCAPES)
    return text


def _plain(field) -> bool:
    if isinstance(field, models.ForeignKey):
        return _plain(field.target_field)
    if (
        not isinstance(field, _PLAIN)
        or type(field).get_db_prep_save is not models.Field.get_db_prep_save
    ):
        return False
    if isinstance(field, models.DateField) and (field.auto_now or field.auto_now_add):
        return False  # pre_save fills them in
    # a subclass that converts its value (a custom field) goes the long way
    return type(field).get_prep_value in {c.get_prep_value for c in _PLAIN}


def allocate(model, objects) -> None:
    """Primary keys from the table's sequence for the objects that have none (PostgreSQL; on
    another database they stay None until inserted)."""
    connection = connections[router.db_for_write(model)]
    if connection.vendor == "postgresql":
        _allocate(connection, model, list(objects))


def _allocate(connection, model, objects) -> None:
    missing = [o for o in objects if o.pk is None]
    if not missing:
        return
    meta = model._meta
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [meta.db_table, meta.pk.column, len(missing)],
        )
        for obj, (pk,) in zip(missing, cursor.fetchall(), strict=True):
            obj.pk = pk


def insert(model, objects, batch_size: int = BATCH) -> list:
    """Insert `objects` (instances of `model`); answer them with their primary keys set."""
    objects = list(objects)
    if not objects:
        return objects
    connection = connections[router.db_for_write(model)]
    if connection.vendor != "postgresql":
        return model.objects.bulk_create(objects, batch_size=2000)
    meta = model._meta
    fields = list(meta.concrete_fields)
    json_fields = {f.attname for f in fields if isinstance(f, models.JSONField)}
    plain = [f.attname if _plain(f) else None for f in fields]
    for obj in objects:
        obj._prepare_related_fields_for_save(operation_name="bulk_create")
    _allocate(connection, model, objects)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    sql = f"COPY {connection.ops.quote_name(meta.db_table)} ({columns}) FROM STDIN"
    with connection.cursor() as cursor:
        for start in range(0, len(objects), batch_size):
            buffer = io.StringIO()
            for obj in objects[start : start + batch_size]:
                cells = []
                for f, attname in zip(fields, plain, strict=True):
                    if attname is not None:
                        cells.append(_text(getattr(obj, attname)))
                        continue
                    value = f.pre_save(obj, True)
                    if f.attname in json_fields:
                        cells.append(_text(None if value is None else json.dumps(value)))
                        continue
                    cells.append(_text(f.get_db_prep_save(value, connection)))
                buffer.write("\t".join(cells))
                buffer.write("\n")
            buffer.seek(0)
            cursor.cursor.copy_expert(sql, buffer)
    for obj in objects:
        obj._state.adding, obj._state.db = False, connection.alias
    return objects
