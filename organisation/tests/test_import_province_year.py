"""Restoring a province from its archive (R39), issue 15: the demo cast's province exported,
the database emptied, the archive loaded: the same rows in every section, the same files."""

import hashlib
import json
import zipfile

import pytest
from django.core.management import CommandError, call_command

from core.archive import SCHEMA_VERSION
from organisation.models import Province, Unit, UnitSuccession
from organisation.tests.test_export_province_year import year_2026  # noqa: F401 - fixture


def export(tmp_path, name):
    output = tmp_path / name
    call_command("export_province_year", province="40", year=2026, output=str(output))
    return output


def contents(path):
    with zipfile.ZipFile(path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        files = sorted(
            (f["original_name"], hashlib.sha256(archive.read(f["path"])).hexdigest())
            for f in manifest["files"]
        )
    return {s["name"]: s["rows"] for s in manifest["sections"]}, files


@pytest.mark.django_db(transaction=True)
def test_round_trip_into_an_empty_database(cast, year_2026, tmp_path):  # noqa: F811
    split = Unit.objects.create(
        province=cast.province, parent=cast.root, kind="commune", name="Xã Nghĩa Hưng",
        code="17022", successor=cast.unit_b,
    )  # fmt: skip
    UnitSuccession.objects.create(predecessor=split, successor=cast.unit_b, share_percent=60)
    UnitSuccession.objects.create(predecessor=split, successor=cast.unit_a, share_percent=40)
    first = export(tmp_path, "first.zip")
    rows_before, files_before = contents(first)
    assert rows_before["bright_spots"] == 2 and len(files_before) == 2
    assert rows_before["unit_successions"] == 2
    call_command("flush", interactive=False)
    assert not Province.objects.exists()

    call_command("import_province_year", str(first))
    province = Province.objects.get(code="40")
    root = Unit.objects.get(province=province, parent=None)
    assert root.name == "Tỉnh Nghệ An"
    commune = Unit.objects.get(code="17011")
    assert commune.path == f"{root.pk}.{commune.pk}." and commune.name_folded
    assert sorted(
        UnitSuccession.objects.filter(predecessor__code="17022").values_list(
            "successor__code", "share_percent"
        )
    ) == [("17011", 40), ("17014", 60)]
    rows_after, files_after = contents(export(tmp_path, "second.zip"))
    assert rows_after == rows_before
    assert files_after == files_before


def test_a_province_already_here_is_refused(cast, year_2026, tmp_path):  # noqa: F811
    archive = export(tmp_path, "a.zip")
    units = Unit.objects.count()
    with pytest.raises(CommandError, match="already in this installation"):
        call_command("import_province_year", str(archive))
    assert Unit.objects.count() == units


def test_a_newer_schema_or_a_damaged_file_is_refused(cast, year_2026, tmp_path):  # noqa: F811
    source = export(tmp_path, "a.zip")
    with zipfile.ZipFile(source) as archive:
        entries = {name: archive.read(name) for name in archive.namelist()}
    manifest = json.loads(entries["manifest.json"])

    def rewrite(name, manifest, damage=None):
        path = tmp_path / name
        with zipfile.ZipFile(path, "w") as archive:
            for entry, content in entries.items():
                if entry == "manifest.json":
                    content = json.dumps(manifest).encode()
                elif entry == damage:
                    content = content + b"x"
                archive.writestr(entry, content)
        return path

    newer = rewrite("newer.zip", {**manifest, "schema_version": SCHEMA_VERSION + 1})
    with pytest.raises(CommandError, match="newer"):
        call_command("import_province_year", str(newer))
    Province.objects.filter(code="40").update(code="41")  # as if another installation
    damaged = rewrite("damaged.zip", manifest, damage=manifest["files"][0]["path"])
    with pytest.raises(CommandError, match="SHA-256"):
        call_command("import_province_year", str(damaged))
    assert not Province.objects.filter(code="40").exists()
