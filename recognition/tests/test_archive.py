"""Recognition in the province-year archive (issue 7): a year's dossiers with their documents,
the Decisions, what they recognized and the certificates, readable without the app."""

import io
import json
import zipfile

import pytest
from django.core.management import call_command

from recognition.tests.factories import recognition_history

pytestmark = pytest.mark.usefixtures("_site")


def test_the_archive_of_a_year_holds_its_recognition(cast, tmp_path):
    history = recognition_history(cast)
    output = tmp_path / "nghe-an-2025.zip"
    call_command("export_province_year", province="40", year=2025, output=str(output))
    archive = zipfile.ZipFile(output)
    manifest = json.loads(archive.read("manifest.json"))
    rows = {s["name"]: json.loads(archive.read(s["json"])) for s in manifest["sections"]}

    dossiers = {row["id"]: row for row in rows["dossiers"]}
    expected = [history[k].pk for k in ("dossier_review", "dossier_draft", "dossier_recognized",
                                        "dossier_awaiting")]  # fmt: skip
    assert sorted(dossiers) == sorted(expected)  # 2025 only: the 2024 dossier is not here
    assert [row["number"] for row in rows["decisions"]] == [history["decision"].number]
    assert [row["dossier_id"] for row in rows["recognitions"]] == [history["dossier_recognized"].pk]
    assert [row["serial"] for row in rows["certificates"]] == [history["certificate"].serial]
    assert rows["reviews"] and rows["scores"] and rows["criteria"] and rows["assessments"]

    files = {(f["section"], f["column"]): f for f in manifest["files"]}
    certificate = files[("certificates", "file")]
    assert archive.read(certificate["path"]).startswith(b"%PDF-")
    report = files[("dossiers", "evaluation_file")]
    assert report["id"] in dossiers and report["original_name"] == "danh-gia.pdf"
    assert not manifest["missing_files"]


def contents(path):
    with zipfile.ZipFile(path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        files = sorted((f["original_name"], f["sha256"]) for f in manifest["files"])
    return {s["name"]: s["rows"] for s in manifest["sections"]}, files


@pytest.mark.django_db(transaction=True)
def test_a_year_with_its_recognition_comes_back_from_its_archive(cast, tmp_path):
    """Issue 15: exported, the database emptied, loaded: the same rows and the same files."""
    recognition_history(cast)
    output = tmp_path / "2025.zip"
    call_command("export_province_year", province="40", year=2025, output=str(output))
    before = contents(output)
    assert before[0]["decisions"] == 1 and before[0]["certificates"] == 1 and before[1]
    call_command("flush", interactive=False)
    call_command("import_province_year", str(output), stdout=(report := io.StringIO()))
    again = tmp_path / "again.zip"
    call_command("export_province_year", province="40", year=2025, output=str(again))
    rows, files = contents(again)
    assert files == before[1]
    # The 2024 commendation entry needs the 2024 recognition: it comes with 2024's archive.
    left_out = {
        "commendation_entries": before[0]["commendation_entries"] - rows["commendation_entries"]
    }
    assert (
        f"commendation_entries: {left_out['commendation_entries']} rows left out"
        in report.getvalue()
    )
    assert rows == {
        **before[0],
        "commendation_entries": before[0]["commendation_entries"]
        - left_out["commendation_entries"],
    }
