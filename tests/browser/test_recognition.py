"""The recognition journey of SPEC §1 in Chromium: the unit completes its dossier and submits it;
two reviewers score it; staff record the Decision and issue the certificates; the unit downloads
its certificate, whose QR code opens the verification page, which says valid."""

import shutil
import subprocess
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from conftest import skip_unless_required
from core.tests.pdf_helpers import page_png
from core.tests.upload_samples import PDF
from organisation.models import RoleAssignment
from organisation.tests.factories import UserFactory, assign
from recognition.models import Certificate, Dossier, RecognitionPeriod
from recognition.tests.factories import authority_for, cast_pair
from tests.browser.conftest import SCREENSHOTS, log_in


@pytest.fixture(autouse=True)
def shipped_criteria(transactional_db):
    """Browser tests run in transactional mode: an earlier one emptied the database, the shipped
    criteria included (the install is idempotent)."""
    from recognition import criteria_data
    from recognition.models import CriteriaSet, Criterion

    criteria_data.install(CriteriaSet, Criterion)


@pytest.fixture
def journey(cast, settings, tmp_path, live_server):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SITE_URL = live_server.url  # the QR code leads back to this server
    today = timezone.localdate()
    # The window is open today whatever the date the suite runs on.
    RecognitionPeriod.objects.create(
        province=cast.province,
        year=today.year,
        opens=today - timedelta(days=20),
        closes=today + timedelta(days=6),
    )
    authority_for(cast.root)
    second = UserFactory(username="qcdc_staff_2", full_name="Võ Thị Lan")
    assign(second, RoleAssignment.Role.COMMITTEE_STAFF, committee=cast.qcdc)
    spots = cast_pair(
        cast, year=today.year, names=("Dân chủ - Đồng thuận - Phát triển ở xóm Đồng Sơn", "")
    )
    return spots["qcdc"]


def other_page(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh",
        viewport={"width": 1280, "height": 860}, accept_downloads=True,
    )  # fmt: skip
    context.set_default_timeout(15_000)
    return context.new_page()


def score_all(page, verdicts):
    """Tick a verdict for each criterion, in order (the radio labels are Đạt / Đạt một phần / Chưa đạt)."""
    for index, fieldset in enumerate(page.locator("form fieldset.card").all()):
        fieldset.get_by_label(verdicts[index % len(verdicts)], exact=True).check()


def test_the_whole_recognition_journey(
    cast, journey, page, browser, live_server, screenshot, tmp_path
):
    sample = tmp_path / "to-trinh.pdf"
    sample.write_bytes(PDF)
    today = timezone.localdate()

    # 1. The unit prepares the dossier, part by part, and submits it.
    log_in(page, "official_a")
    page.get_by_role("link", name="Công nhận", exact=True).first.click()
    expect(
        page.get_by_role(
            "heading", name=f"Hồ sơ đề nghị công nhận của Xã Nghĩa Dũng năm {today.year}"
        )
    ).to_be_visible()
    screenshot("unit-dossiers")
    page.get_by_role("row", name=journey.name).get_by_role("button", name="Lập hồ sơ").click()
    expect(page.get_by_test_id("checklist")).to_contain_text("Còn thiếu")
    screenshot("checklist-empty")

    page.get_by_test_id("checklist").get_by_role("link", name="Sửa").nth(0).click()
    for fieldset in page.locator("fieldset").all():
        fieldset.get_by_label("Mức độ đạt").select_option("achieved")
        fieldset.get_by_label("Cách thực hiện").fill(
            "Đơn vị đã thực hiện đầy đủ, có kết quả cụ thể."
        )
    page.get_by_label("Cách làm").fill(
        "Tổ chức đối thoại hằng quý giữa người đứng đầu và Nhân dân."
    )
    page.get_by_label("Bài học kinh nghiệm").fill("Người đứng đầu gương mẫu, lắng nghe Nhân dân.")
    page.get_by_label("Hiệu quả").fill("100% kiến nghị được trả lời đúng hạn.")
    page.get_by_label("Sức lan tỏa").fill("Nhân rộng ra 12 xóm.")
    screenshot("report-form")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_text("Đã lưu.")).to_be_visible()

    page.get_by_test_id("checklist").get_by_role("link", name="Sửa").nth(1).click()
    page.get_by_label("Cơ quan đánh giá").fill("Ban Dân vận Đảng ủy xã")
    page.get_by_label("Tóm tắt ý kiến đánh giá").fill(
        "Mô hình thiết thực, được Nhân dân đồng tình."
    )
    page.get_by_label("Văn bản đánh giá").set_input_files(str(sample))
    page.get_by_role("button", name="Lưu").click()

    page.get_by_test_id("checklist").get_by_role("link", name="Sửa").nth(2).click()
    page.get_by_label("Số, ký hiệu").fill("45/TTr-UBND")
    page.get_by_label("Ngày tờ trình").fill(today.strftime("%d/%m/%Y"))
    page.get_by_label("Người ký").fill("Nguyễn Văn Cường")
    page.get_by_label("Tờ trình đã ký").set_input_files(str(sample))
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_test_id("checklist")).not_to_contain_text("Còn thiếu")
    screenshot("checklist-complete")
    page.get_by_role("button", name="Gửi hồ sơ").click()
    expect(page.get_by_text("Đã gửi hồ sơ đến Ban Chỉ đạo QCDC tỉnh")).to_be_visible()
    expect(page.get_by_test_id("dossier-status").first).to_have_text("Đã gửi, đang thẩm định")
    dossier = Dossier.objects.get(bright_spot=journey)

    # 2. Committee staff assign two reviewers at once; both score, side by side.
    staff = other_page(browser, live_server)
    log_in(staff, "qcdc_staff")
    staff.get_by_role("link", name="Hồ sơ công nhận", exact=True).first.click()
    staff.get_by_role("checkbox", name=journey.name).check()
    staff.get_by_label("Phan Văn Hải").check()
    staff.get_by_label("Võ Thị Lan").check()
    staff.get_by_role("button", name="Phân công").click()
    expect(staff.get_by_text("Đã phân công 2 lượt thẩm định.")).to_be_visible()
    screenshot_page(staff, "committee-dossiers")
    staff.get_by_role("link", name=journey.name).click()
    staff.get_by_role("link", name="Chấm các tiêu chí").click()
    score_all(staff, ["Đạt"])
    staff.get_by_role("button", name="Lưu kết quả chấm").click()
    expect(staff.get_by_text("Đã lưu kết quả chấm của bạn.")).to_be_visible()

    second = other_page(browser, live_server)
    log_in(second, "qcdc_staff_2")
    second.goto(f"/recognition/dossiers/{dossier.pk}/score/")
    score_all(second, ["Đạt", "Đạt một phần"])
    second.locator("textarea[name^=comment_]").first.fill("Cần bổ sung số liệu minh chứng.")
    second.get_by_role("button", name="Lưu kết quả chấm").click()
    expect(second.get_by_test_id("scores")).to_contain_text("Đạt một phần")
    screenshot_page(second, "scores-side-by-side")

    # 3. The committee proposes; staff record the Decision and issue the certificates.
    staff.reload()
    staff.get_by_label("Công nhận", exact=True).check()
    staff.get_by_role("button", name="Ghi nhận đề nghị").click()
    expect(staff.get_by_text("Đã ghi nhận đề nghị của Ban Chỉ đạo.")).to_be_visible()
    staff.get_by_role("link", name="Hồ sơ công nhận", exact=True).first.click()
    staff.get_by_role("link", name="Quyết định", exact=True).first.click()
    staff.get_by_role("link", name="Ghi nhận Quyết định").click()
    staff.locator("#id_number").fill("125")  # required fields: crispy adds "*" to their labels
    staff.locator("#id_date").fill(today.strftime("%d/%m/%Y"))
    staff.get_by_label(f"{journey.name} — Xã Nghĩa Dũng").check()
    screenshot_page(staff, "decision-form")
    staff.get_by_role("button", name="Ghi nhận Quyết định").click()
    expect(staff.get_by_role("heading", name="Quyết định số 125/QĐ-UBND")).to_be_visible()
    staff.get_by_role("button", name="Cấp Giấy chứng nhận").click()
    expect(staff.get_by_text("Đã cấp đủ Giấy chứng nhận.")).to_be_visible()
    expect(staff.get_by_test_id("progress-text")).to_contain_text("1/1")
    screenshot_page(staff, "certificates-issued")

    # 4. The unit downloads its certificate; its QR code opens the verification page: valid.
    page.goto(f"/recognition/units/{cast.unit_a.pk}/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Giấy chứng nhận").click()
    path = tmp_path / "certificate.pdf"
    download.value.save_as(path)
    image = page_png(path.read_bytes(), "journey-certificate")
    shutil.copy(image, SCREENSHOTS / "test_the_whole_recognition_journey-certificate.png")
    serial = Certificate.objects.get().serial
    if not shutil.which("zbarimg"):  # the QR code is read, never assumed
        skip_unless_required(
            "zbarimg is not installed: the QR code cannot be read (apt-get install zbar-tools)"
        )
    target = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert target == f"{live_server.url}/verify/{serial}/"
    public = other_page(browser, live_server)
    public.goto(target)
    expect(public.get_by_text("Giấy chứng nhận hợp lệ")).to_be_visible()
    expect(public.get_by_text(journey.name).first).to_be_visible()
    screenshot_page(public, "verify-valid")


def screenshot_page(page, step):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(
        path=str(SCREENSHOTS / f"test_the_whole_recognition_journey-{step}.png"), full_page=True
    )


def test_the_public_library_and_an_unknown_serial(cast, page, screenshot, settings, tmp_path):
    """Anyone, without logging in, searches the library without diacritics and checks a serial."""
    from recognition.tests.factories import bulk_proposed, decision_for

    settings.MEDIA_ROOT = tmp_path
    authority_for(cast.root)
    names = [
        "Dân vận khéo trong giải phóng mặt bằng",
        "Ngày thứ Bảy cùng dân",
        "Đối thoại định kỳ với Nhân dân",
    ]
    dossiers = bulk_proposed(cast.unit_a, cast.qcdc, 3, reviewer=cast.qcdc_staff, names=names)
    decision_for(cast.qcdc, dossiers, cast.qcdc_staff)
    page.goto("/library/")
    expect(page.get_by_test_id("count")).to_have_text("3 điểm sáng đã được công nhận")
    page.get_by_label("Từ khóa").fill("doi thoai")
    page.get_by_role("button", name="Tìm").click()
    expect(page.get_by_test_id("count")).to_have_text("1 điểm sáng đã được công nhận")
    screenshot("library-search")
    page.get_by_role("link", name="Đối thoại định kỳ với Nhân dân").click()
    expect(page.get_by_role("heading", name="Đối thoại định kỳ với Nhân dân")).to_be_visible()
    screenshot("library-page")
    page.goto("/verify/")
    page.get_by_label("Số hiệu in dưới mã QR").fill("40-2026-999999")
    page.get_by_role("button", name="Tra cứu").click()
    expect(page.get_by_text("Không tìm thấy Giấy chứng nhận")).to_be_visible()
    screenshot("verify-unknown")
