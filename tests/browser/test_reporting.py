"""Provincial staff read the year's summary, follow a figure to its list, switch to today's
units, and download the workbook through the progress page (R23, R2)."""

import re

from playwright.sync_api import expect

from reporting.tests.conftest import generated  # noqa: F401 - the generated dataset
from tests.browser.conftest import log_in


def test_provincial_staff_read_and_download_the_summary(generated, page, screenshot):  # noqa: F811
    log_in(page, "gen.provincial")
    page.get_by_role("link", name="Tổng hợp năm").first.click()
    # The summary opens on the open year (R37); the generated data is read for 2026.
    expect(page.get_by_role("heading", name=re.compile(r"Điểm sáng năm \d{4}"))).to_be_visible()
    page.get_by_label("Năm", exact=True).select_option("2026")
    page.get_by_role("button", name="Xem").click()
    expect(page.get_by_role("heading", name=re.compile("Điểm sáng năm 2026"))).to_be_visible()
    screenshot("dashboard")

    registered = page.locator('[data-testid="overview"] [data-figure="registered"] a')
    count = registered.inner_text()
    registered.click()
    expect(page.get_by_test_id("count")).to_contain_text(count)
    screenshot("list")

    page.go_back()
    page.get_by_label("Nhóm theo", exact=True).select_option("current")
    page.get_by_label("Năm", exact=True).select_option("2024")
    page.get_by_role("button", name="Xem").click()
    localities = page.get_by_test_id("localities")
    expect(localities.get_by_role("rowheader", name=generated.new_commune.name)).to_be_visible()
    screenshot("by-todays-units")

    page.get_by_role("button", name="Bảng tính Excel, 2024", exact=True).click()
    expect(page.get_by_role("link", name="Tải tệp về")).to_be_visible()
    screenshot("download-ready")
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải tệp về").click()
    assert download.value.suggested_filename.endswith(".xlsx")


def test_an_official_reads_the_history_of_the_merged_commune(generated, page, screenshot):  # noqa: F811
    log_in(page, generated.official_of_new.username, password="bench-password")
    page.get_by_role("link", name="Điểm sáng qua các năm").click()
    expect(page.get_by_role("heading", name=re.compile(generated.new_commune.name))).to_be_visible()
    expect(page.get_by_text(generated.merged.name).first).to_be_visible()
    screenshot("unit-history")


def test_committee_staff_read_their_field_on_a_phone(generated, page, screenshot):  # noqa: F811
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, generated.qcdc_staff.username, password="bench-password")
    page.goto("/reports/")
    expect(page.get_by_test_id("scope")).to_contain_text(generated.qcdc.name)
    expect(page.get_by_test_id("fields")).not_to_contain_text("DVCQ")
    screenshot("committee-phone")


def test_the_progress_page_shows_the_link_when_the_file_is_ready(generated, page, screenshot):  # noqa: F811
    from reporting import services
    from reporting.models import Export

    export = Export.objects.create(
        requested_by=generated.provincial, province=generated.province, exporter="workbook",
        options={"province": generated.province.pk, "years": [2026], "view": "historical"},
        area_label=generated.root.name,
    )  # fmt: skip
    log_in(page, "gen.provincial")
    page.goto(f"/reports/exports/{export.pk}/")
    expect(page.get_by_text("Đang chờ")).to_be_visible()
    expect(page.get_by_role("link", name="Tải tệp về")).to_be_hidden()
    screenshot("waiting")
    services.export_produce(export_id=export.pk)  # what the worker does meanwhile
    expect(page.get_by_role("link", name="Tải tệp về")).to_be_visible()
    expect(page.locator("[data-export-percent]")).to_have_text("100%")
