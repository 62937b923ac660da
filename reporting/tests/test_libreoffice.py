"""Every CSV and the workbook opened by a real spreadsheet (LibreOffice Calc, headless) in a
Vietnamese and in an English locale (issue 12): numbers are numbers, dates and times are dates
with the right day and month, text stays the same text, and the header is the first row.

LibreOffice reads each file as a person's double click would (comma-separated UTF-8, the
locale's own rules for numbers and dates) and saves it as .xlsx, which openpyxl reads back with
each cell's type. One LibreOffice process per locale converts all the files at once."""

import csv
import io
import re
import shutil
import subprocess
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from conftest import skip_unless_required
from reporting.areas import Area
from reporting.exports import ExportRequest, csv_exporters
from reporting.exports.workbook import Workbook

LOCALES = ["vi-VN", "en-US"]
INTEGER = re.compile(r"\d{1,9}")
DATE = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
DATETIME = re.compile(r"(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d)(?::(\d\d))?")
PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse">
<value>{locale}</value></prop></item>
</oor:items>
"""


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        skip_unless_required("LibreOffice (soffice) is not installed")
    return found


def open_in_calc(files: list[Path], locale: str, workdir: Path) -> dict[str, openpyxl.Workbook]:
    """Each file as LibreOffice in `locale` reads it, saved as .xlsx: {file name: workbook}."""
    profile = workdir / f"profile-{locale}"
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(PROFILE.format(locale=locale))
    out = workdir / f"out-{locale}"
    subprocess.run(  # noqa: S603
        [
            soffice(),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            # CSV: comma, double quote, UTF-8, from line 1, standard column types (the defaults).
            *(["--infilter=CSV:44,34,76,1"] if files[0].suffix == ".csv" else []),
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            *map(str, files),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    return {f.name: openpyxl.load_workbook(out / f"{f.stem}.xlsx") for f in files}


def expected_cell(text: str):
    """What a spreadsheet must make of a CSV cell: an int, a datetime, or the text itself."""
    if INTEGER.fullmatch(text) and not text.startswith("0") or text == "0":
        return int(text)
    if match := DATETIME.fullmatch(text):
        return datetime(*(int(part or 0) for part in match.groups()))
    if match := DATE.fullmatch(text):
        return datetime(*map(int, match.groups()))
    if text.startswith("'"):  # a neutralised formula: Calc shows it as text, quote dropped
        return {text, text[1:]}
    if text.isdigit():
        # A code with a leading zero (province "01"): CSV cannot say "text", so a spreadsheet
        # reads the number (a phone number too); the workbook and the JSON of the archive keep the code as text.
        return {text, int(text)}
    if text in ("True", "False"):  # the archive's booleans: a logical value in English
        return {text, text == "True"}
    if re.fullmatch(r"\d+\.\d*", text):  # a tree path "1." read as 1 where "." is decimal
        return {text, float(text)}
    return text


def check_round_trip(name: str, body: str, book: openpyxl.Workbook) -> dict[str, int]:
    """Every cell of the CSV is what it must be once opened; answers counts by kind."""
    lines = list(csv.reader(io.StringIO(body.removeprefix("\ufeff"))))
    opened = [list(row) for row in book.active.iter_rows(values_only=True)]
    assert len(opened) == len(lines), name
    seen = {"int": 0, "date": 0, "text": 0}
    header = [str(c) if c is not None else "" for c in opened[0][: len(lines[0])]]
    assert header == lines[0], f"{name}: header first"
    for number, (line, row) in enumerate(zip(lines[1:], opened[1:], strict=True), start=2):
        for column, (text, value) in enumerate(zip(line, row, strict=False)):
            if text == "":
                assert value in (None, ""), (name, number, column)
                continue
            wanted = expected_cell(text)
            where = (name, number, lines[0][column], text, value)
            if isinstance(wanted, int):
                assert type(value) in (int, float) and value == wanted, where
                seen["int"] += 1
            elif isinstance(wanted, datetime):
                assert isinstance(value, datetime) and value == wanted, where
                seen["date"] += 1
            elif isinstance(wanted, set):
                assert value in wanted, where
            else:
                assert isinstance(value, str), where
                assert value.strip() == text.strip(), where
                seen["text"] += 1
    return seen


@pytest.fixture
def every_csv(generated, client_of, tmp_path):
    """{file name: text} of every CSV a user can download, and of the archive's."""
    files = {}

    def keep(response, name=None):
        assert response.status_code == 200
        name = name or response["Content-Disposition"].split('filename="')[1].rstrip('"')
        files[name] = b"".join(response.streaming_content).decode("utf-8")

    provincial = client_of(generated.provincial)
    for exporter in csv_exporters():
        keep(
            provincial.get(
                reverse("reporting:csv", args=[exporter.identifier]),
                {"province": generated.province.pk, "year": 2026, "first_year": 2024},
            )
        )
    staff = client_of(generated.qcdc_staff)
    inbox = reverse("registry:committee-inbox-csv", args=[generated.qcdc.pk])
    keep(staff.get(inbox, {"year": 2025}))
    keep(client_of(None).get(reverse("recognition:open-data-csv")))
    archive = tmp_path / "archive.zip"
    call_command(
        "export_province_year", province=generated.province.code, year=2025, output=str(archive)
    )
    with zipfile.ZipFile(archive) as opened:
        for member in opened.namelist():
            if member.endswith(".csv"):
                name = "archive-" + Path(member).name
                files[name] = opened.read(member).decode("utf-8")
    return files


@pytest.mark.parametrize("locale", LOCALES)
def test_every_csv_opens_with_numbers_and_dates_in_calc(every_csv, locale, tmp_path):
    paths = []
    for name, body in every_csv.items():
        path = tmp_path / "csv" / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(body, encoding="utf-8")
        paths.append(path)
    books = open_in_calc(paths, locale, tmp_path)
    seen = {name: check_round_trip(name, every_csv[name], books[name]) for name in every_csv}
    # The files hold what the test is about: counts, and dates and times where there are some.
    bright_spots = next(n for n in seen if n.startswith("diem-sang-csv-bright-spots-"))
    assert seen[bright_spots]["int"] and seen[bright_spots]["date"]
    recognized = next(n for n in seen if n.startswith("diem-sang-csv-recognized-"))
    assert seen[recognized]["date"]
    overview = next(n for n in seen if n.startswith("diem-sang-csv-overview-"))
    assert seen[overview]["int"] > 50
    inbox = next(n for n in seen if n.startswith("inbox-"))
    assert seen[inbox]["date"]
    library = next(n for n in seen if n.startswith("diem-sang-thu-vien-"))
    assert seen[library]["date"]
    assert seen["archive-bright_spots.csv"]["date"]


def _cells(book):
    return {
        (sheet.title, cell.coordinate): cell.value
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value not in (None, "")
    }


@pytest.mark.parametrize("locale", LOCALES)
def test_the_workbook_keeps_its_numbers_and_dates_in_calc(generated, locale, tmp_path):
    area = Area(province=generated.province, root=generated.root)
    path = tmp_path / "workbook.xlsx"
    with translation.override("vi"), path.open("wb") as output:
        Workbook().render(ExportRequest(areas=[area], years=[2025, 2026], view="historical"),
                          output, lambda f: None)  # fmt: skip
    source = tmp_path / "source.xlsx"
    shutil.copy(path, source)
    opened = open_in_calc([path], locale, tmp_path)["workbook.xlsx"]
    original, after = _cells(openpyxl.load_workbook(source)), _cells(opened)
    assert original.keys() == after.keys()
    kinds = {"int": 0, "date": 0}
    for key, value in original.items():
        if isinstance(value, datetime):
            assert isinstance(after[key], datetime) and after[key] == value, key
            kinds["date"] += 1
        elif isinstance(value, int | float):
            assert type(after[key]) in (int, float) and after[key] == value, key
            kinds["int"] += 1
        else:
            assert after[key] == value, key
    assert kinds["int"] > 1000 and kinds["date"] > 100
    # The print setup survives too: landscape, one page wide, the header row on every page.
    for sheet in opened.worksheets:
        assert sheet.page_setup.orientation == "landscape", sheet.title
