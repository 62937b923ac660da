"""The whole registration journey in Chromium (R5–R10): an official registers one QCDC and one
DVCQ bright spot with a plan file and submits; the QCDC committee returns one with a comment; the
official revises and resubmits; the committee accepts. Screenshots of every step."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from core.tests.upload_samples import PDF
from registry.models import BrightSpot, RegistrationPeriod
from tests.browser.conftest import log_in


@pytest.fixture
def open_year(cast):
    """An administrator moved this year's deadline ten days ahead, so registration is open."""
    today = timezone.localdate()
    RegistrationPeriod.objects.create(
        province=cast.province,
        year=today.year,
        deadline=today + timedelta(days=10),
        report_deadline=today.replace(month=12, day=31),
    )
    return today.year


def register(page, *, field_button, name, address, milestone, with_file=False):
    page.get_by_role("link", name=field_button).click()
    page.get_by_role("textbox", name="Tên điểm sáng").fill(name)
    page.get_by_role("textbox", name="Địa chỉ").fill(address)
    page.get_by_role("combobox", name="Cấp").select_option("province")
    page.get_by_role("textbox", name="Mục tiêu").fill("Phát huy quyền làm chủ của Nhân dân")
    page.get_by_role("textbox", name="Kế hoạch thực hiện").fill(
        "Quý I: khảo sát. Quý II–III: triển khai. Quý IV: sơ kết."
    )
    if with_file:
        page.get_by_label("Văn bản kế hoạch").set_input_files(
            {"name": "ke-hoach.pdf", "mimeType": "application/pdf", "buffer": PDF}
        )
    page.locator("#id_milestones-0-title").fill(milestone)
    page.locator("#id_milestones-0-due").fill("30/06/2026")
    page.locator("#id_staff-0-name").fill("Nguyễn Văn Cường")
    page.locator("#id_staff-0-position").fill("Phó Chủ tịch UBND xã")
    page.get_by_role("button", name="Lưu", exact=True).click()
    expect(page.get_by_role("heading", name=name)).to_be_visible()


def test_register_submit_return_revise_resubmit_accept(cast, open_year, page, screenshot):
    log_in(page, "official_a")
    register(
        page,
        field_button="Điểm sáng QCDC",
        name="Đối thoại trực tiếp với Nhân dân hằng quý",
        address="Nhà văn hóa xóm 3",
        milestone="Đối thoại lần 1",
        with_file=True,
    )
    expect(page.get_by_role("link", name="ke-hoach.pdf")).to_be_visible()
    assert page.evaluate("Object.keys(localStorage).length") == 0  # the saved draft is dropped
    screenshot("qcdc-draft")

    page.get_by_role("link", name=f"Đăng ký năm {open_year} · Xã Nghĩa Dũng").click()
    expect(page.get_by_text("Chưa có điểm sáng DVCQ")).to_be_visible()
    page.goto("/")
    register(
        page,
        field_button="Điểm sáng DVCQ",
        name="Bộ phận một cửa thân thiện",
        address="Trụ sở UBND xã",
        milestone="Sắp xếp lại bộ phận một cửa",
    )
    page.get_by_role("link", name=f"Đăng ký năm {open_year} · Xã Nghĩa Dũng").click()
    expect(page.get_by_text("Đã có đủ hai lĩnh vực.")).to_be_visible()
    screenshot("list-ready")
    page.get_by_role("link", name="Gửi danh sách").click()
    expect(page.get_by_test_id("destination")).to_have_count(2)
    screenshot("list-confirm")
    page.get_by_role("button", name="Xác nhận và gửi").click()
    expect(page.get_by_text("Danh sách đã được gửi: 2 điểm sáng.")).to_be_visible()
    screenshot("list-submitted")

    log_in(page, "qcdc_staff")
    page.get_by_role("link", name="Hồ sơ đến").first.click()
    page.get_by_role("link", name="Đối thoại trực tiếp với Nhân dân hằng quý").click()
    page.get_by_label("Ý kiến (bắt buộc khi trả lại)").fill(
        "Bổ sung kế hoạch chi tiết theo từng quý"
    )
    screenshot("committee-review")
    page.get_by_role("button", name="Trả lại để chỉnh sửa").click()
    expect(page.get_by_text("Đã ghi nhận ý kiến xem xét.")).to_be_visible()

    log_in(page, "official_a")
    page.goto(f"/units/{cast.unit_a.pk}/registration/")
    page.get_by_role("link", name="Đối thoại trực tiếp với Nhân dân hằng quý").click()
    expect(page.get_by_text("Bổ sung kế hoạch chi tiết theo từng quý").first).to_be_visible()
    screenshot("returned-seen-by-unit")
    page.get_by_role("link", name="Chỉnh sửa").click()
    page.get_by_role("textbox", name="Kế hoạch thực hiện").fill(
        "Quý I: khảo sát; Quý II: đối thoại lần 1; Quý III: đối thoại lần 2; Quý IV: sơ kết."
    )
    page.get_by_role("button", name="Lưu", exact=True).click()
    page.get_by_role("button", name="Gửi lại").click()
    expect(page.get_by_text("Đã gửi lại điểm sáng cho Ban Chỉ đạo.")).to_be_visible()

    log_in(page, "qcdc_staff")
    page.goto(f"/bright-spots/{BrightSpot.objects.get(field='qcdc').pk}/")
    page.get_by_role("button", name="Tiếp nhận").click()
    expect(page.get_by_text("Đã tiếp nhận").first).to_be_visible()
    screenshot("accepted-with-history")
    assert BrightSpot.objects.get(field="qcdc").status == "accepted"
    history = page.locator("ol.timeline").inner_text()
    for step in [
        "đã gửi điểm sáng",
        "đã trả lại để chỉnh sửa",
        "đã chỉnh sửa",
        "đã gửi lại",
        "đã tiếp nhận",
    ]:
        assert step in history, step


def test_a_browser_whose_clock_lies_changes_nothing(cast, page, screenshot):
    """The browser says it is 1 March; the server knows this year's deadline has passed."""
    from registry.tests.factories import make_bright_spot

    year, today = timezone.localdate().year, timezone.localdate()
    period = RegistrationPeriod.objects.create(
        province=cast.province,
        year=year,
        deadline=today,
        report_deadline=today.replace(month=12, day=31),
    )
    make_bright_spot(cast.unit_a, year=year, field="qcdc")  # drafted while registration was open
    make_bright_spot(cast.unit_a, year=year, field="dvcq")
    period.deadline = today - timedelta(days=1)
    period.save()

    page.clock.set_fixed_time(f"{year}-03-01T09:00:00+07:00")
    log_in(page, "official_a")
    page.goto(f"/units/{cast.unit_a.pk}/registration/?year={year}")
    assert page.evaluate("new Date().getMonth()") == 2  # the browser believes it is March
    expect(page.get_by_text("Đã hết hạn.")).to_be_visible()
    expect(page.get_by_role("link", name="Gửi danh sách")).to_have_count(0)
    screenshot("clock-lies")

    # The request such a page could still send is refused by the server's clock.
    token = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    response = page.request.post(
        f"/units/{cast.unit_a.pk}/registration/{year}/submit/",
        headers={"X-CSRFToken": token, "Date": f"Sun, 01 Mar {year} 02:00:00 GMT"},
    )
    assert response.ok and "Đã hết hạn đăng ký" in response.text()
    assert not BrightSpot.objects.exclude(status="draft").exists()
