"""Backups, issue 7: one province-year as a self-describing archive, readable without the app."""

import csv
import hashlib
import io
import json
import zipfile
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from core.archive import FORMAT, SCHEMA_VERSION
from core.tests.upload_samples import PDF, PNG
from registry import services
from registry.tests.factories import make_bright_spot


@pytest.fixture
def year_2026(cast):
    with time_machine.travel(datetime(2026, 3, 10, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))):
        qcdc = make_bright_spot(
            cast.unit_a,
            field="qcdc",
            name="Đối thoại định kỳ với Nhân dân",
            plan_file=SimpleUploadedFile("Kế hoạch 2026.pdf", PDF),
        )
        make_bright_spot(cast.unit_a, field="dvcq", name="=Một cửa thân thiện")
        services.registration_submit(unit=cast.unit_a, year=2026, by=cast.official_a)
        qcdc.refresh_from_db()
        services.progress_add(
            bright_spot=qcdc,
            day=date(2026, 3, 9),
            text="Đã khảo sát 5 xóm",
            by=cast.official_a,
            evidence=SimpleUploadedFile("ảnh hội nghị.png", PNG),
        )
        make_bright_spot(
            cast.other_unit, field="qcdc", name="Mô hình của Hà Tĩnh", by=cast.other_province_staff
        )
    with time_machine.travel(datetime(2025, 3, 10, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))):
        make_bright_spot(cast.unit_a, year=2025, field="qcdc", name="Mô hình năm trước")
    return qcdc


def export(tmp_path, **options):
    output = tmp_path / "nghe-an-2026.zip"
    call_command("export_province_year", province="40", year=2026, output=str(output), **options)
    return zipfile.ZipFile(output)


def section(archive, name):
    return json.loads(archive.read(f"data/{name}.json"))


def test_the_manifest_describes_everything_inside(cast, year_2026, tmp_path):
    archive = export(tmp_path)
    manifest = json.loads(archive.read("manifest.json"))
    assert manifest["format"] == FORMAT and manifest["schema_version"] == SCHEMA_VERSION
    assert manifest["province"] == {"id": cast.province.pk, "code": "40", "name": "Nghệ An"}
    assert manifest["year"] == 2026 and manifest["time_zone"] == "Asia/Ho_Chi_Minh"
    described = {s["name"]: s for s in manifest["sections"]}
    assert {"units", "committees", "bright_spots", "milestones", "audit_log", "people"} <= set(
        described
    )
    for name, entry in described.items():
        assert entry["description"]
        assert entry["rows"] == len(section(archive, name)), name
        assert {"json", "csv"} <= set(entry) and entry["columns"]
    columns = {c["name"]: c["type"] for c in described["bright_spots"]["columns"]}
    assert columns["submitted_at"] == "DateTimeField" and columns["unit_id"] == "ForeignKey"
    assert set(archive.namelist()) >= {"manifest.json", "data/bright_spots.csv"}


def test_only_this_province_and_year(cast, year_2026, tmp_path):
    archive = export(tmp_path)
    names = {row["name"] for row in section(archive, "bright_spots")}
    assert names == {"Đối thoại định kỳ với Nhân dân", "=Một cửa thân thiện"}
    assert "Xã Thạch Hà" not in {u["name"] for u in section(archive, "units")}
    people = section(archive, "people")
    assert {p["username"] for p in people} == {"official_a"}
    assert set(people[0]) == {"id", "username", "full_name"}  # no password, no e-mail


def test_the_uploaded_files_come_along_and_match_their_checksums(year_2026, tmp_path):
    archive = export(tmp_path)
    files = json.loads(archive.read("manifest.json"))["files"]
    assert {f["original_name"] for f in files} == {"Kế hoạch 2026.pdf", "ảnh hội nghị.png"}
    for entry in files:
        content = archive.read(entry["path"])
        assert hashlib.sha256(content).hexdigest() == entry["sha256"]
        assert len(content) == entry["bytes"]
    plan = next(f for f in files if f["column"] == "plan_file")
    row = next(r for r in section(archive, "bright_spots") if r["id"] == plan["id"])
    assert plan["path"] == f"files/{row['plan_file']}"


def test_the_csv_opens_in_a_spreadsheet_and_the_json_keeps_exact_values(year_2026, tmp_path):
    archive = export(tmp_path)
    raw = archive.read("data/bright_spots.csv")
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert "'=Một cửa thân thiện" in {r["name"] for r in rows}  # not run as a formula
    submitted = {r["submitted_at"] for r in section(archive, "bright_spots")}
    assert "2026-03-10T09:00:00+07:00" in {s[:19] + s[-6:] for s in submitted}


def test_a_missing_file_is_listed_not_fatal(year_2026, tmp_path):
    year_2026.plan_file.storage.delete(year_2026.plan_file.name)
    manifest = json.loads(export(tmp_path).read("manifest.json"))
    assert [m["column"] for m in manifest["missing_files"]] == ["plan_file"]


def test_unknown_province_and_existing_file_are_refused(cast, tmp_path):
    with pytest.raises(CommandError, match="no province"):
        call_command("export_province_year", province="99", year=2026, output=str(tmp_path / "x"))
    (tmp_path / "taken.zip").write_bytes(b"")
    with pytest.raises(CommandError, match="exists"):
        call_command(
            "export_province_year", province="40", year=2026, output=str(tmp_path / "taken.zip")
        )
