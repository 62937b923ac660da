"""Load a province-year archive (core.archive) back into an installation (R39).

The archive names each section's model, the model each id column refers to, and for rows that
may already exist here (people, content types) the columns that find them. Every row gets a new
id; each reference is translated through the ids given so far. Sections load in the order their
references need (people before the bright spots they created), rows within a section parents
first. Files are checked against the manifest's SHA-256 before anything is written; the rows go
in one transaction and the files written are removed again if it fails.
"""

import hashlib
import json
import zipfile
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models, transaction

from core.archive import FORMAT, SCHEMA_VERSION


class ArchiveRefused(Exception):
    """The archive cannot be loaded; the message says why."""


@dataclass
class Restored:
    manifest: dict
    rows: dict[str, int] = field(default_factory=dict)  # section → rows loaded
    matched: dict[str, int] = field(default_factory=dict)  # section → rows found here already
    # section → rows left out because they need a row of another year's archive (a commendation
    # proposal's entry for a bright spot recognized the year before)
    left_out: dict[str, int] = field(default_factory=dict)
    files: int = 0


def read_manifest(archive: zipfile.ZipFile) -> dict:
    try:
        manifest = json.loads(archive.read("manifest.json"))
    except (KeyError, ValueError):
        raise ArchiveRefused("the archive has no readable manifest.json") from None
    if manifest.get("format") != FORMAT:
        raise ArchiveRefused(f"not a {FORMAT} archive")
    version = manifest.get("schema_version")
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        raise ArchiveRefused(
            f"the archive's schema version {version} is newer than this installation's "
            f"({SCHEMA_VERSION}); upgrade the application first"
        )
    for section in manifest["sections"]:
        if not section.get("model"):
            raise ArchiveRefused(f"section {section['name']} does not name its model")
        try:
            apps.get_model(section["model"])
        except LookupError:
            raise ArchiveRefused(f"this installation has no model {section['model']}") from None
    return manifest


def _references(section) -> dict[str, str]:
    return {c["name"]: c["references"] for c in section["columns"] if c.get("references")}


def _section_order(sections: list[dict]) -> list[dict]:
    """Sections whose rows others refer to come first (people before bright spots)."""
    by_model = {}
    for section in sections:
        by_model.setdefault(section["model"], []).append(section["name"])
    placed, ordered, visiting = set(), [], set()
    by_name = {section["name"]: section for section in sections}

    def place(section):
        if section["name"] in placed or section["name"] in visiting:
            return
        visiting.add(section["name"])
        for target in _references(section).values():
            for name in by_model.get(target, []):
                if name != section["name"]:
                    place(by_name[name])
        visiting.discard(section["name"])
        placed.add(section["name"])
        ordered.append(section)

    for section in sections:
        place(section)
    return ordered


def _rows_parents_first(rows: list[dict], self_columns: list[str]) -> list[dict]:
    by_id = {row.get("id"): row for row in rows}
    placed, ordered = set(), []

    def place(row, depth=0):
        if row["id"] in placed or depth > 1000:
            return
        placed.add(row["id"])
        for column in self_columns:
            target = by_id.get(row.get(column))
            if target is not None:
                place(target, depth + 1)
        ordered.append(row)

    for row in rows:
        place(row)
    return ordered


def _check_files(archive, manifest) -> dict[str, bytes]:
    """Every file listed, with the size and SHA-256 the manifest gives; refused otherwise."""
    files = {}
    for entry in manifest.get("files", []):
        try:
            content = archive.read(entry["path"])
        except KeyError:
            raise ArchiveRefused(f"{entry['path']} is listed but not in the archive") from None
        if hashlib.sha256(content).hexdigest() != entry["sha256"] or len(content) != entry["bytes"]:
            raise ArchiveRefused(f"{entry['path']} does not match its SHA-256 in the manifest")
        files[entry["path"].removeprefix("files/")] = content
    return files


def restore_archive(path, *, check=None) -> Restored:
    """Load the archive at `path`. `check(manifest)` may refuse it (a province that exists)."""
    with zipfile.ZipFile(path) as archive:
        manifest = read_manifest(archive)
        if check is not None:
            check(manifest)
        files = _check_files(archive, manifest)
        data = {s["name"]: json.loads(archive.read(s["json"])) for s in manifest["sections"]}
    written = []
    try:
        stored_as = {}
        for name, content in files.items():
            stored_as[name] = default_storage.save(name, ContentFile(content))
            written.append(stored_as[name])
        with transaction.atomic():
            restored = _load(manifest, data, stored_as)
    except BaseException:
        for name in written:
            default_storage.delete(name)
        raise
    restored.files = len(files)
    return restored


def _existing(model, columns, row, references, ids):
    """The row already here that the match columns find, references translated first (a
    criteria set shipped with the app has no province; a province's own set matches nothing)."""
    lookup = {}
    for column in columns:
        value, target = row.get(column), references.get(column)
        if target is not None and value is not None:
            value = ids.get(target, {}).get(value)
            if value is None:
                return None
        lookup[column] = value
    return model._default_manager.filter(**lookup).first()


def _load(manifest, data, stored_as) -> Restored:
    restored = Restored(manifest)
    ids: dict[str, dict] = {}  # model label → {archived id: id here}
    late: list[tuple] = []  # (model, id here, column, target model, archived target id)
    content_types: dict[int, ContentType] = {}  # archived id → content type here
    for section in _section_order(manifest["sections"]):
        model = apps.get_model(section["model"])
        label = model._meta.label
        references = _references(section)
        fields = {f.attname: f for f in model._meta.concrete_fields}
        columns = [
            c["name"] for c in section["columns"] if c["name"] in fields and c["name"] != "id"
        ]
        automatic = [
            name for name, model_field in fields.items()
            if getattr(model_field, "auto_now", False) or getattr(model_field, "auto_now_add", False)
        ]  # fmt: skip
        mapped = ids.setdefault(label, {})
        rows = data[section["name"]]
        self_columns = [column for column, target in references.items() if target == label]
        if self_columns:
            rows = _rows_parents_first(rows, self_columns)
        loaded = matched = left_out = 0
        for row in rows:
            if section.get("match"):
                existing = _existing(model, section["match"], row, references, ids)
                if existing is not None:
                    mapped[row["id"]] = existing.pk
                    matched += 1
                    continue
            values, pending, missing = {}, [], None
            for column in columns:
                value, target, model_field = row.get(column), references.get(column), fields[column]
                if target is not None and value is not None:
                    if target.startswith("@"):  # an id whose model a content type column names
                        content_type = content_types.get(row.get(target[1:]))
                        target = content_type.model_class()._meta.label if content_type else ""
                    translated = ids.get(target, {}).get(value)
                    if translated is None:
                        if not (
                            model_field.null or isinstance(model_field, models.BigIntegerField)
                        ):
                            missing = (column, target, value)
                            break
                        pending.append((column, target, value))
                        # A plain id that stays unknown is kept as it was (it names nothing here).
                        translated = None if model_field.null else value
                    value = translated
                elif value is not None and model_field.get_internal_type() == "FileField":
                    value = stored_as.get(value, value)
                elif value is not None:
                    value = model_field.to_python(value)
                values[column] = value
            if missing is not None:
                left_out += 1
                continue
            instance = model(**values)
            if label == settings.AUTH_USER_MODEL:
                instance.set_unusable_password()  # people choose their password again
            instance.save()
            kept = {name: values[name] for name in automatic if values.get(name) is not None}
            if kept:  # the archived times, not the time of the restore
                model._default_manager.filter(pk=instance.pk).update(**kept)
            mapped[row["id"]] = instance.pk
            late += [(model, instance.pk, *item) for item in pending]
            loaded += 1
        if label == "contenttypes.ContentType":
            here = ContentType.objects.in_bulk(list(mapped.values()))
            content_types = {old: here[new] for old, new in mapped.items()}
        restored.rows[section["name"]] = loaded
        restored.matched[section["name"]] = matched
        if left_out:
            restored.left_out[section["name"]] = left_out
    for model, pk, column, target, value in late:
        translated = ids.get(target, {}).get(value)
        if translated is not None:
            model._default_manager.filter(pk=pk).update(**{column: translated})
    return restored
