"""R36 in the browser: the committee returns a bright spot with a comment; the unit's official
finds it under the bell and in the mailbox, with the comment and a link that opens the bright
spot; the link at the foot of the e-mail turns that kind of e-mail off without logging in."""

import re
from datetime import date

from playwright.sync_api import expect

from registry import services
from registry.tests.factories import make_bright_spot
from reminders.tests.conftest import at
from tests.browser.conftest import log_in

COMMENT = "Bổ sung kế hoạch chi tiết theo từng quý"


def test_a_return_reaches_the_officials_bell_and_mailbox(cast, page, mailoutbox, screenshot):
    with at(date(2026, 3, 10)):
        spot = make_bright_spot(cast.unit_a, field="qcdc", name="Đối thoại trực tiếp hằng quý")
        make_bright_spot(cast.unit_a, field="dvcq", name="Một cửa thân thiện")
        services.registration_submit(unit=cast.unit_a, year=2026, by=cast.official_a)

    log_in(page, "qcdc_staff")
    page.goto(f"/bright-spots/{spot.pk}/")
    page.get_by_label("Ý kiến (bắt buộc khi trả lại)").fill(COMMENT)
    page.get_by_role("button", name="Trả lại để chỉnh sửa").click()
    expect(page.get_by_text("Đã ghi nhận ý kiến xem xét.")).to_be_visible()

    mails = [m for m in mailoutbox if m.to == [cast.official_a.email]]
    assert len(mails) == 1
    mail = mails[0]
    assert mail.subject == "Điểm sáng “Đối thoại trực tiếp hằng quý” được trả lại để chỉnh sửa"
    assert COMMENT in mail.body and f"/bright-spots/{spot.pk}/" in mail.body

    log_in(page, "official_a")
    bell = page.get_by_test_id("notifications-bell")
    expect(bell.get_by_test_id("unread-count")).to_have_text("1")
    bell.click()
    note = page.get_by_test_id("notification").first
    expect(note).to_contain_text("được trả lại để chỉnh sửa")
    expect(note).to_contain_text(COMMENT)
    screenshot("bell")
    note.get_by_role("button", name="Mở").click()
    expect(page).to_have_url(re.compile(rf"/bright-spots/{spot.pk}/$"))

    # The e-mail's own link, opened without a session, turns this kind of e-mail off.
    link = re.search(r"https?://[^/\s]+(/messages/unsubscribe/[^/\s]+/)", mail.body).group(1)
    page.context.clear_cookies()
    page.goto(link)
    page.get_by_role("button", name="Ngừng nhận các thư này").click()
    expect(page.get_by_test_id("unsubscribed")).to_be_visible()
    screenshot("unsubscribed")
