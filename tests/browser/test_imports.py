"""An administrator onboards units from Excel (R39, issue 15): downloads the template, uploads
it filled, reads the refused row, fixes it, uploads again and confirms."""

import io
from pathlib import Path

from openpyxl import load_workbook
from playwright.sync_api import expect

from organisation.models import Unit
from tests.browser.conftest import log_in


def fill(template: bytes, rows, path):
    workbook = load_workbook(io.BytesIO(template))
    sheet = workbook["Dữ liệu"]
    for number, row in enumerate(rows, start=2):
        for position, value in enumerate(row, start=1):
            sheet.cell(row=number, column=position, value=value)
    workbook.save(path)
    return path


def test_an_administrator_imports_units_after_fixing_a_refused_row(
    cast, page, screenshot, tmp_path
):
    log_in(page, "administrator")
    page.get_by_role("link", name="Nhập dữ liệu").first.click()
    expect(page.get_by_role("heading", name="Nhập dữ liệu từ Excel hoặc CSV")).to_be_visible()
    screenshot("import-page")
    # The template is produced in the background (issue 13): its progress page offers the file.
    page.get_by_test_id("import-templates").get_by_role("link", name="Đơn vị").click()
    with page.expect_download() as download:
        page.get_by_test_id("rendition-file").click()
    template = Path(download.value.path()).read_bytes()
    page.get_by_role("link", name="Nhập dữ liệu").first.click()

    good = ["17060", "Xã Hưng Nguyên", "Xã", "40", "01/07/2025", None, None]
    bad = ["17061", "Xã Không Cha", "Xã", "99999", "01/07/2025", None, None]
    page.locator("#id_file").set_input_files(str(fill(template, [good, bad], tmp_path / "a.xlsx")))
    page.get_by_role("button", name="Tải lên và xem trước").click()
    refusals = page.get_by_test_id("import-refusals")
    expect(refusals).to_contain_text("Đơn vị cấp trên")
    expect(refusals.get_by_role("cell", name="3", exact=True)).to_be_visible()
    expect(page.get_by_test_id("import-confirm")).to_have_count(0)
    screenshot("refused-row")

    page.get_by_role("link", name="Nhập dữ liệu").first.click()
    fixed = [good, [*bad[:3], "40", *bad[4:]]]
    page.locator("#id_file").set_input_files(str(fill(template, fixed, tmp_path / "b.xlsx")))
    page.get_by_role("button", name="Tải lên và xem trước").click()
    expect(page.get_by_test_id("import-counts")).to_contain_text("2 mục sẽ tạo mới")
    assert not Unit.objects.filter(code="17060").exists()
    screenshot("preview")
    page.get_by_test_id("import-confirm").click()
    expect(page.get_by_text("Đã nhập dữ liệu từ tệp.")).to_be_visible()
    screenshot("imported")
    assert Unit.objects.get(code="17061").parent == cast.root
