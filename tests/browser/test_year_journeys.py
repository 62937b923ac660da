"""Issue 14 in the browser, with the server's clock set to three days of the programme: the
official lands on the open year in one click from home and submits the list through its
confirmation; the committee's staff see the new submission in their home count and inbox without
typing a year; a return reaches the official's bell and mailbox with its comment; in October the
official opens the year's recognition from home and the committee finds the submitted dossier."""

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from recognition import services as recognition_services
from recognition.tests.factories import at, cast_pair, fill
from registry.tests.factories import make_bright_spot
from tests.browser.conftest import log_in

QCDC_NAME = "Đối thoại trực tiếp hằng quý"
DVCQ_NAME = "Một cửa thân thiện"


@pytest.mark.parametrize(
    ("day", "days_left"),
    [(date(2026, 12, 2), 118), (date(2027, 3, 20), 10)],
    ids=["2-dec-2026", "20-mar-2027"],
)
def test_registration_of_the_open_year_from_home_to_the_inbox(
    cast, page, mailoutbox, screenshot, day, days_left
):
    with at(day.year, day.month, day.day):
        make_bright_spot(cast.unit_a, year=2027, field="qcdc", name=QCDC_NAME)
        make_bright_spot(cast.unit_a, year=2027, field="dvcq", name=DVCQ_NAME)

        log_in(page, "official_a")
        expect(page.get_by_test_id("deadline-sentence")).to_contain_text(
            f"Hạn đăng ký: hết ngày 30/03/2027 — còn {days_left} ngày"
        )
        page.get_by_test_id("year-list").click()  # one click from home
        expect(page.get_by_role("heading", level=1)).to_contain_text("năm 2027")
        page.get_by_role("link", name="Gửi danh sách").click()
        destinations = page.get_by_test_id("destination")
        expect(destinations).to_have_count(2)
        expect(destinations.filter(has_text=cast.qcdc.name)).to_contain_text(QCDC_NAME)
        expect(destinations.filter(has_text=cast.dvcq.name)).to_contain_text(DVCQ_NAME)
        screenshot("confirm")
        page.get_by_role("button", name="Xác nhận và gửi").click()
        expect(page.get_by_text("Danh sách đã được gửi: 2 điểm sáng.")).to_be_visible()

        log_in(page, "qcdc_staff")
        expect(page.get_by_test_id("to-review")).to_have_text("1")
        page.get_by_role("link", name="Hồ sơ đến", exact=True).first.click()
        row = page.get_by_role("row").filter(has_text=QCDC_NAME)
        expect(row).to_be_visible()
        screenshot("inbox")
        row.get_by_role("link", name=QCDC_NAME).click()
        page.get_by_label("Ý kiến (bắt buộc khi trả lại)").fill("Bổ sung kế hoạch theo quý")
        page.get_by_role("button", name="Trả lại để chỉnh sửa").click()
        expect(page.get_by_text("Đã ghi nhận ý kiến xem xét.")).to_be_visible()

        log_in(page, "official_a")
        bell = page.get_by_test_id("notifications-bell")
        expect(bell.get_by_test_id("unread-count")).to_have_text("1")
        bell.click()
        expect(page.get_by_test_id("notification").first).to_contain_text(
            "Bổ sung kế hoạch theo quý"
        )
    returned = [m for m in mailoutbox if m.to == [cast.official_a.email]]
    assert len(returned) == 1 and "Bổ sung kế hoạch theo quý" in returned[0].body


def test_recognition_of_the_open_year_in_october(cast, page, screenshot):
    spots = cast_pair(cast, year=2027)  # registered in March 2027, accepted in April
    with at(2027, 10, 20):
        log_in(page, "official_a")
        panel = page.get_by_test_id("dossiers-to-complete")
        expect(panel).to_contain_text("2 điểm sáng đã tiếp nhận chưa lập hồ sơ")
        page.get_by_role("link", name="Hồ sơ đề nghị công nhận", exact=True).click()  # one click
        expect(page.get_by_role("heading", level=1)).to_contain_text("năm 2027")
        page.get_by_role("row").filter(has_text=spots["qcdc"].name).get_by_role(
            "button", name="Lập hồ sơ"
        ).click()
        expect(page).to_have_url(re.compile(r"/recognition/dossiers/\d+/$"))
        expect(page.get_by_test_id("checklist")).to_be_visible()
        expect(page.get_by_test_id("window-closed")).to_have_count(0)
        screenshot("dossier")

        dossier = spots["qcdc"].dossier
        fill(dossier, cast.official_a)
        recognition_services.dossier_submit(
            dossier=dossier, version=dossier.version, by=cast.official_a
        )
        log_in(page, "qcdc_staff")
        expect(page.get_by_test_id("dossiers-submitted")).to_have_text("1")
        page.get_by_role("link", name="Hồ sơ công nhận", exact=True).first.click()
        expect(page.get_by_role("row").filter(has_text=spots["qcdc"].name)).to_be_visible()
        screenshot("committee-dossiers")
