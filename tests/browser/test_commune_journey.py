"""A commune runs its own programme, in Chromium (R8, R10, R16–R21, R40): a ward's primary school
registers a bright spot, which goes to the ward's combined committee; the committee accepts it,
assigns and scores the dossier, proposes it and records Decision 12/QĐ-UBND of the ward's
People's Committee; the school downloads the certificate, whose QR code opens the verification
page naming that People's Committee; the province's staff see it counted at commune level."""

import shutil
import subprocess
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from conftest import skip_unless_required
from core.tests.pdf_helpers import page_png
from organisation.tests.levels import build_levels
from recognition.models import Certificate, Dossier, RecognitionPeriod
from recognition.tests.factories import authority_for, fill
from registry.models import BrightSpot, RegistrationPeriod
from registry.tests.factories import make_bright_spot
from tests.browser.conftest import SCREENSHOTS, log_in
from tests.browser.test_recognition import score_all

WARD = "ỦY BAN NHÂN DÂN PHƯỜNG THÀNH VINH"
NAME = "Trường học thân thiện, phụ huynh đồng hành"


@pytest.fixture(autouse=True)
def shipped_criteria(transactional_db):
    from recognition import criteria_data
    from recognition.models import CriteriaSet, Criterion

    criteria_data.install(CriteriaSet, Criterion)


@pytest.fixture
def ward(cast, settings, tmp_path, live_server):
    """Registration and recognition both open today (an administrator moved the dates), the
    ward's committees and People's Committee in place."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.SITE_URL = live_server.url
    today = timezone.localdate()
    RegistrationPeriod.objects.create(
        province=cast.province, year=today.year, deadline=today + timedelta(days=10),
        report_deadline=today + timedelta(days=20),
    )  # fmt: skip
    RecognitionPeriod.objects.create(
        province=cast.province, year=today.year, opens=today - timedelta(days=20),
        closes=today + timedelta(days=6),
    )  # fmt: skip
    levels = build_levels(cast)
    authority_for(cast.root)
    authority_for(
        levels.ward, name=WARD, place_name="Thành Vinh", signing_form="TM. ỦY BAN NHÂN DÂN",
        signer_title="CHỦ TỊCH", signer_name="Lê Thị Minh Hằng",
    )  # fmt: skip
    for user in (levels.combined_staff, levels.school.role_assignments.first().user):
        user.set_password("correct-horse-battery")
        user.save()
    return levels


def shot(page, step):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"test_a_village_school_is_recognized_by_its_ward-{step}.png"
    page.screenshot(path=str(path), full_page=True)


def test_a_village_school_is_recognized_by_its_ward(cast, ward, page, live_server, tmp_path):
    today = timezone.localdate()
    school = ward.school

    # 1. The school registers a QCDC bright spot at commune level and submits its list.
    log_in(page, "canbo_truong")
    make_bright_spot(school, year=today.year, field="dvcq", level="commune")
    page.goto(f"/units/{school.pk}/bright-spots/new/?field=qcdc&year={today.year}")
    page.get_by_role("textbox", name="Tên điểm sáng").fill(NAME)
    page.get_by_role("textbox", name="Địa chỉ").fill("Trường Tiểu học Thành Vinh")
    expect(page.get_by_role("combobox", name="Cấp")).to_have_value("commune")
    page.get_by_role("textbox", name="Mục tiêu").fill("Phụ huynh cùng nhà trường bàn và làm")
    page.get_by_role("textbox", name="Kế hoạch thực hiện").fill("Quý I: hội nghị phụ huynh.")
    page.locator("#id_milestones-0-title").fill("Hội nghị phụ huynh")
    page.locator("#id_milestones-0-due").fill(today.strftime("%d/%m/%Y"))
    page.locator("#id_staff-0-name").fill("Phạm Thị Ngọc")
    page.locator("#id_staff-0-position").fill("Phó Hiệu trưởng")
    page.get_by_role("button", name="Lưu", exact=True).click()
    expect(page.get_by_role("heading", name=NAME)).to_be_visible()
    page.goto(f"/units/{school.pk}/registration/?year={today.year}")
    page.get_by_role("link", name="Gửi danh sách").click()
    expect(page.get_by_test_id("destination")).to_contain_text(ward.combined.name)
    page.get_by_role("button", name="Xác nhận và gửi").click()
    expect(page.get_by_text("Danh sách đã được gửi: 2 điểm sáng.")).to_be_visible()
    spot = BrightSpot.objects.get(name=NAME)
    assert spot.recipient == ward.combined and spot.via == ward.ward_party
    shot(page, "submitted")

    # 2. The ward's combined committee finds it in its inbox and accepts it.
    staff = page.context.browser.new_context(
        base_url=live_server.url, locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh",
        viewport={"width": 1280, "height": 860}, accept_downloads=True,
    ).new_page()  # fmt: skip
    staff.set_default_timeout(15_000)
    log_in(staff, "bcd_thanhvinh")
    staff.get_by_role("link", name="Hồ sơ đến").first.click()
    staff.get_by_role("link", name=NAME).click()
    staff.get_by_role("button", name="Tiếp nhận").click()
    expect(staff.get_by_text("Đã tiếp nhận").first).to_be_visible()
    shot(staff, "accepted-by-ward")

    # 3. The school prepares the dossier (its parts as in the province's journey) and submits it.
    page.goto(f"/recognition/units/{school.pk}/")
    page.get_by_role("row", name=NAME).get_by_role("button", name="Lập hồ sơ").click()
    dossier = Dossier.objects.get(bright_spot=spot)
    fill(dossier, school.role_assignments.first().user)
    page.reload()
    page.get_by_role("button", name="Gửi hồ sơ").click()
    expect(page.get_by_text(f"Đã gửi hồ sơ đến {ward.combined.name}")).to_be_visible()

    # 4. The ward's committee assesses the dossier and proposes it.
    staff.get_by_role("link", name="Hồ sơ công nhận", exact=True).first.click()
    staff.get_by_role("checkbox", name=NAME).check()
    staff.get_by_label(ward.combined_staff.full_name).check()
    staff.get_by_role("button", name="Phân công").click()
    staff.get_by_role("link", name=NAME).click()
    staff.get_by_role("link", name="Chấm các tiêu chí").click()
    score_all(staff, ["Đạt"])
    staff.get_by_role("button", name="Lưu kết quả chấm").click()
    expect(staff.get_by_text("Đã lưu kết quả chấm của bạn.")).to_be_visible()
    staff.reload()
    staff.get_by_label("Công nhận", exact=True).check()
    staff.get_by_role("button", name="Ghi nhận đề nghị").click()
    expect(staff.get_by_text("Đã ghi nhận đề nghị của Ban Chỉ đạo.")).to_be_visible()

    # 5. Decision 12/QĐ-UBND of the ward's People's Committee, then its certificate.
    staff.get_by_role("link", name="Hồ sơ công nhận", exact=True).first.click()
    staff.get_by_role("link", name="Quyết định", exact=True).first.click()
    staff.get_by_role("link", name="Ghi nhận Quyết định").click()
    expect(staff.locator("#id_authority")).to_contain_text(WARD)
    staff.locator("#id_number").fill("12")
    staff.locator("#id_date").fill(today.strftime("%d/%m/%Y"))
    staff.get_by_label(f"{NAME} — {school.name}").check()
    staff.get_by_role("button", name="Ghi nhận Quyết định").click()
    expect(staff.get_by_role("heading", name="Quyết định số 12/QĐ-UBND")).to_be_visible()
    staff.get_by_role("button", name="Cấp Giấy chứng nhận").click()
    expect(staff.get_by_text("Đã cấp đủ Giấy chứng nhận.")).to_be_visible()
    shot(staff, "ward-decision")

    # 6. The school downloads the certificate; its QR code names the ward's People's Committee.
    page.goto(f"/recognition/units/{school.pk}/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Giấy chứng nhận").click()
    path = tmp_path / "certificate.pdf"
    download.value.save_as(path)
    image = page_png(path.read_bytes(), "commune-certificate")
    shutil.copy(image, SCREENSHOTS / "test_a_village_school_is_recognized_by_its_ward-pdf.png")
    if not shutil.which("zbarimg"):
        skip_unless_required("zbarimg is not installed: the QR code cannot be read")
    target = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, text=True, check=True
    ).stdout.strip()
    serial = Certificate.objects.get(recognition__dossier=dossier).serial
    assert target == f"{live_server.url}/verify/{serial}/"
    page.context.clear_cookies()
    page.goto(target)
    expect(page.get_by_text("Giấy chứng nhận hợp lệ")).to_be_visible()
    expect(page.get_by_test_id("verdict")).to_contain_text(WARD)
    expect(page.get_by_test_id("verdict")).to_contain_text("12/QĐ-UBND")
    shot(page, "verified")

    # 7. The province's staff see it counted at commune level.
    log_in(page, "provincial")
    page.goto(f"/reports/?year={today.year}")
    commune = page.locator('tr[data-level="commune"] td')
    expect(commune.nth(2)).to_have_text("2")  # registered at commune level
    expect(commune.nth(4)).to_have_text("1")  # recognized at commune level
    shot(page, "province-by-level")
