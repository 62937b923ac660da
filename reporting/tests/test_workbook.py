"""The Excel workbook (R23), read back with openpyxl: every figure equals a direct count, the
sheets reconcile with each other, headers are frozen and filtered, the text is Vietnamese."""

import io
import unicodedata
from datetime import date

import openpyxl
import pytest
from django.utils import translation
from django.utils.translation import gettext_lazy

from registry.models import BrightSpot
from reporting import figures
from reporting.areas import Area
from reporting.exports import ExportRequest
from reporting.exports.tables import DATE, TEXT, Column
from reporting.exports.workbook import Workbook, _records
from reporting.tests import reference
from reporting.tests.conftest import YEARS


def produce(areas, years, view="historical"):
    output = io.BytesIO()
    with translation.override("vi"):
        Workbook().render(
            ExportRequest(areas=areas, years=years, view=view), output, lambda f: None
        )
    output.seek(0)
    return openpyxl.load_workbook(output)


def table(sheet):
    """(header, rows as dicts) of a sheet: its header is the frozen row (Chỉ tiêu, or Năm)."""
    rows = list(sheet.iter_rows(values_only=True))
    first = "Chỉ tiêu" if sheet.title == "Tổng hợp" else "Năm"
    start = next(i for i, row in enumerate(rows) if row[0] == first)
    header = rows[start]
    return header, [dict(zip(header, row, strict=True)) for row in rows[start + 1 :]]


@pytest.fixture
def book(generated):
    area = Area(province=generated.province, root=generated.root)
    return produce([area], YEARS)


def test_sheets_are_named_in_vietnamese_with_frozen_filtered_headers(book):
    assert book.sheetnames == [
        "Đọc trước", "Tổng hợp", "Theo địa bàn", "Theo đơn vị", "Điểm sáng", "Đã được công nhận",
        "Đơn vị chưa đăng ký đủ",
    ]  # fmt: skip
    for name in book.sheetnames[1:]:
        sheet = book[name]
        assert sheet.freeze_panes == "A2", name  # the header is the first row
        assert sheet.auto_filter.ref.startswith("A1:"), name
        assert sheet.column_dimensions["B"].width > 10, name
    assert "Đơn vị hiện nay" in table(book["Điểm sáng"])[0]


def test_the_readme_sheet_states_scope_years_and_moment(book, generated):
    rows = [row for row in book["Đọc trước"].iter_rows(values_only=True) if row[0]]
    assert rows[0][0] == "Tổng hợp điểm sáng hằng năm"
    stated = {row[0]: row[1] for row in rows[1:]}
    assert stated["Phạm vi"] == generated.root.name
    assert stated["Năm"] == "2024–2026"
    assert "Thời điểm trích xuất" in stated
    assert "không tính bản nháp" in stated["Số liệu tính"]
    for name in book.sheetnames[1:]:  # nothing above a table's header
        assert book[name]["A1"].value in ("Chỉ tiêu", "Năm"), name


def test_every_sheet_prints_landscape_fitted_to_width_with_scope_and_header(book, generated):
    for name in book.sheetnames:
        sheet = book[name]
        assert sheet.page_setup.orientation == "landscape", name
        assert sheet.page_setup.paperSize == 9, name  # A4
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, name
        # One page wide (1 is the default, left out of the file), as many pages tall as it takes.
        assert sheet.page_setup.fitToWidth in (None, 1) and sheet.page_setup.fitToHeight == 0
        header = sheet.oddHeader.left.text
        assert generated.root.name in header and "2024–2026" in header, name
        assert sheet.oddHeader.right.text == name
        if name != "Đọc trước":
            assert sheet.print_title_rows == "$1:$1", name  # the header row on every page


def test_overview_figures_equal_direct_counts(book, generated):
    header, rows = table(book["Tổng hợp"])
    assert header[1:] == tuple(str(y) for y in YEARS)
    numbers = [r for r in rows if any(r[str(y)] is not None for y in YEARS)]
    expected_figures = figures.numbers(("qcdc", "dvcq"))
    assert len(numbers) == len(expected_figures)
    with translation.override("vi"):
        labels = [str(f.label) for f in expected_figures]
    for year in YEARS:
        expected = reference.figures(generated.province, year)
        for label, figure, row in zip(labels, expected_figures, numbers, strict=True):
            assert row["Chỉ tiêu"] == label
            assert row[str(year)] == expected[figure.key], (year, figure.key)


def test_localities_and_units_add_up_to_the_overview(book, generated):
    _h, localities = table(book["Theo địa bàn"])
    _h, units = table(book["Theo đơn vị"])
    for year in YEARS:
        expected = reference.figures(generated.province, year)
        by_locality = reference.registered_by_locality(
            generated.province, year, generated.root, today=False
        )
        rows = [r for r in localities if r["Năm"] == year]
        shown = {
            r["Địa bàn, cơ quan"]: r["Điểm sáng đăng ký"] for r in rows if r["Điểm sáng đăng ký"]
        }
        names = dict(generated.province.units.values_list("pk", "name"))
        assert shown == {names[pk]: n for pk, n in by_locality.items()}
        for column, key in (("Điểm sáng đăng ký", "registered"), ("Đơn vị thuộc diện đăng ký", "unit_total"),
                            ("đăng ký đủ hai lĩnh vực", "both"), ("Đã rút sau khi gửi", "withdrawn")):  # fmt: skip
            assert sum(r[column] for r in rows) == expected[key], (year, column)
            assert sum(r[column] for r in units if r["Năm"] == year) == expected[key]


def test_bright_spots_sheet_lists_every_submitted_one_and_no_draft(book, generated):
    _h, rows = table(book["Điểm sáng"])
    counted = BrightSpot.objects.filter(province=generated.province).exclude(status="draft")
    assert len(rows) == counted.count()
    assert {r["Tên điểm sáng"] for r in rows} == set(counted.values_list("name", flat=True))
    assert not any(r["Tên điểm sáng"].startswith("Bản nháp") for r in rows)
    names = [r["Tên điểm sáng"] for r in rows]
    assert all(unicodedata.is_normalized("NFC", n) for n in names)
    assert {r["Trạng thái"] for r in rows} <= {
        "Đã gửi",
        "Đã tiếp nhận",
        "Trả lại để chỉnh sửa",
        "Đã rút",
    }
    merged = [r for r in rows if r["Đơn vị"] == generated.merged.name and r["Năm"] == 2024]
    assert merged and all(r["Đơn vị hiện nay"] == generated.new_commune.name for r in merged)
    assert rows[0]["Đã gửi"].year == rows[0]["Năm"]  # a real date, shown dd/mm/yyyy


def test_recognized_sheet_lists_them_with_their_decision(book, generated):
    from recognition.models import Dossier

    _h, rows = table(book["Đã được công nhận"])
    for year in YEARS:
        expected = reference.recognition_figures(generated.province, year)
        shown = [r for r in rows if r["Năm"] == year]
        assert len(shown) == expected["recognized"], year
        assert sum(1 for r in shown if r["Đơn vị khen thưởng"]) == expected["commended"], year
        assert (
            sum(1 for r in shown if r["Kết quả của Hội đồng"] == "Bằng khen") == expected["merit"]
        )
    assert rows, "the dataset recognizes bright spots"
    dossier = Dossier.objects.filter(province=generated.province, status="recognized").first()
    row = next(r for r in rows if r["Tên điểm sáng"] == dossier.bright_spot.name)
    assert row["Quyết định"] == dossier.decision.number_and_symbol
    assert row["Ngày ban hành Quyết định"].date() == dossier.decision.date


def test_non_compliant_sheet_names_the_units(book, generated):
    _h, rows = table(book["Đơn vị chưa đăng ký đủ"])
    for year in YEARS:
        expected = reference.unit_figures(generated.province, year)
        assert len([r for r in rows if r["Năm"] == year]) == expected["one"] + expected["none"]
    assert rows and all(r["Còn thiếu"] in ("QCDC", "DVCQ", "cả hai lĩnh vực") for r in rows)


def test_by_todays_units_the_merged_communes_are_named_with_their_successor(generated):
    area = Area(province=generated.province, root=generated.root)
    book = produce([area], [2024], view="current")
    _h, units = table(book["Theo đơn vị"])
    row = next(r for r in units if r["Đơn vị"] == generated.new_commune.name)
    assert generated.merged.name in row["Tính gộp (đơn vị đã sáp nhập)"]
    _h, historical = table(produce([area], [2024])["Theo đơn vị"])
    assert sum(r["Điểm sáng đăng ký"] for r in units) == sum(
        r["Điểm sáng đăng ký"] for r in historical
    )


def test_a_workbook_of_two_provinces_adds_them_up(generated):
    areas = [Area(province=p, root=p.root_unit) for p in (generated.province, generated.other)]
    _h, rows = table(produce(areas, [2025])["Tổng hợp"])
    registered = next(r for r in rows if r["Chỉ tiêu"] == "Điểm sáng đăng ký")
    assert registered["2025"] == sum(
        reference.spots(p, 2025).count() for p in (generated.province, generated.other)
    )


def test_cells_a_writer_would_not_take_as_they_are_are_made_plain():
    """A date becomes a date cell, an empty text an empty cell, a translated label its text."""
    columns = [Column("Năm"), Column("Tên", kind=TEXT), Column("Ngày", kind=DATE)]
    rows = [[2026, gettext_lazy("Yes"), date(2026, 3, 30)], [2026, "", None], [2025, "A", None]]
    with translation.override("vi"):
        records = list(_records(columns, iter(rows)))
    assert type(records[0]["Tên"]) is str and records[0]["Tên"] == "Có"
    assert records[0]["Ngày"].isoformat() == "2026-03-30T00:00:00"
    assert records[1] == {"Năm": 2026, "Tên": None, "Ngày": None}
    assert records[2] == {"Năm": 2025, "Tên": "A", "Ngày": None}
