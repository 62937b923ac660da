"""A province-year as a self-describing archive: a ZIP with a manifest, the data as JSON and CSV,
and the uploaded files — readable in ten years without this application.

    manifest.json          what the archive holds: format, schema version, province, year, when,
                           each section (rows, columns and their types, what it means) and each
                           file (path, size, SHA-256, original name, the row it belongs to)
    data/<section>.json    the rows exactly, one JSON object per row
    data/<section>.csv     the same rows for a spreadsheet (UTF-8 with BOM, header on the first
                           line, moments as yyyy-mm-dd hh:mm:ss local time; a cell starting with
                           = + - @ is prefixed with ' so that it is not run as a formula)
    files/<stored path>    the uploaded documents, under the generated names the rows refer to

Each app adds its sections in `<app>/export.py`, a function registered with
`@archive.register` that answers `list[Section]` for a context holding `province` and `year`;
the app's `AppConfig.ready()` imports that module. Sections come in the order the apps load
(organisation, registry, recognition, …).
"""

import csv
import hashlib
import io
import json
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

from django.conf import settings
from django.core.files.storage import default_storage
from django.utils import timezone

from core.csv import BOM, safe_cell

FORMAT = "brightspots-province-year"
# Raise when a section's columns change meaning or disappear; adding a section or a column
# keeps the version (readers ignore what they do not know).
SCHEMA_VERSION = 1
# The functions that contribute sections, in the order the apps registered them.
CONTRIBUTORS = []


@dataclass
class Section:
    """One table of the archive. `columns` maps each column to its type (as the database knows
    it); `files` lists (column, stored name, original name) of uploads referred to by rows."""

    name: str
    description: str
    columns: dict[str, str]
    rows: list[dict]
    files: list[tuple[str, str, str, str]] = field(default_factory=list)  # row id, column, …


def model_section(
    name: str, description: str, queryset, *, exclude=(), only=None, files=()
) -> Section:
    """A section made of a queryset's rows, with the model's own field types. `files` lists
    (column holding a stored file, column holding its original name)."""
    model = queryset.model
    columns = {}
    for model_field in model._meta.concrete_fields:
        if model_field.name in exclude or (only and model_field.name not in only):
            continue
        columns[model_field.attname] = model_field.get_internal_type()
    rows = list(queryset.order_by("pk").values(*columns))
    attached = []
    for column, display_column in files:
        for row in rows:
            if row[column]:
                attached.append((row["id"], column, row[column], row.get(display_column, "")))
    return Section(name, description, columns, rows, attached)


def _plain(value):
    if isinstance(value, datetime):
        return (
            timezone.localtime(value).isoformat() if timezone.is_aware(value) else value.isoformat()
        )
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _for_spreadsheet(value):
    """A moment as yyyy-mm-dd hh:mm:ss in the manifest's time zone: ISO 8601 that spreadsheets
    read as a date and time in every locale (an offset such as +07:00 leaves it as text)."""
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.strftime("%Y-%m-%d %H:%M:%S")
    return _plain(value)


def _csv(section: Section) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(section.columns)
    for row in section.rows:
        writer.writerow([safe_cell(_for_spreadsheet(row[column])) for column in section.columns])
    return (BOM + buffer.getvalue()).encode("utf-8")


def register(fn):
    """`@archive.register` on an app's `sections(context) -> list[Section]`."""
    CONTRIBUTORS.append(fn)
    return fn


def collect_sections(province, year: int) -> list[Section]:
    context = SimpleNamespace(province=province, year=year)
    return [section for fn in CONTRIBUTORS for section in fn(context)]


def write_archive(destination: Path, province, year: int) -> dict:
    """Write the archive of `province` for `year` to `destination`; answer its manifest."""
    sections = collect_sections(province, year)
    manifest = {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "generated_at": timezone.localtime().isoformat(),
        "generator": f"{settings.PRODUCT_NAME} (Django app)",
        "time_zone": settings.TIME_ZONE,
        "province": {"id": province.pk, "code": province.code, "name": province.name},
        "year": year,
        "notes": [
            "Dates and times are ISO 8601, in the time zone above.",
            "Text is Unicode NFC. *_id columns refer to the id column of another section.",
            "CSV files repeat the JSON for spreadsheets; a cell beginning with = + - @ gets a "
            "leading ' there. The JSON holds the exact values.",
        ],
        "sections": [],
        "files": [],
        "missing_files": [],
    }
    with zipfile.ZipFile(destination, "w", zipfile.ZIP_DEFLATED) as archive:
        for section in sections:
            data = [{key: _plain(value) for key, value in row.items()} for row in section.rows]
            archive.writestr(
                f"data/{section.name}.json", json.dumps(data, ensure_ascii=False, indent=1)
            )
            archive.writestr(f"data/{section.name}.csv", _csv(section))
            manifest["sections"].append(
                {
                    "name": section.name,
                    "description": section.description,
                    "rows": len(data),
                    "json": f"data/{section.name}.json",
                    "csv": f"data/{section.name}.csv",
                    "columns": [{"name": n, "type": t} for n, t in section.columns.items()],
                }
            )
            for row_id, column, stored, original in section.files:
                belongs = {"section": section.name, "id": row_id, "column": column}
                if not default_storage.exists(stored):
                    manifest["missing_files"].append({"stored_name": stored, **belongs})
                    continue
                digest, size = hashlib.sha256(), 0
                path = f"files/{stored}"
                with default_storage.open(stored, "rb") as source, archive.open(path, "w") as out:
                    while chunk := source.read(1024 * 1024):
                        digest.update(chunk)
                        size += len(chunk)
                        out.write(chunk)
                manifest["files"].append(
                    {
                        "path": path,
                        "bytes": size,
                        "sha256": digest.hexdigest(),
                        "original_name": original,
                        **belongs,
                    }
                )
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
    return manifest
