"""A unit official sees the unread count in the header, opens the notification list, and marking
the reminders read clears the count (R26: reminders are shown in the app)."""

import re
from datetime import date

from playwright.sync_api import expect

from reminders import services
from reminders.tests.conftest import at
from tests.browser.conftest import log_in


def test_unread_count_list_and_mark_read(cast, page, screenshot):
    # The real job, 7 and 3 days before the 2026 deadline: unit A has no list yet.
    for day in (date(2026, 3, 23), date(2026, 3, 27)):
        with at(day):
            services.reminders_send(day=day)

    log_in(page, "official_a")
    bell = page.get_by_test_id("notifications-bell")
    expect(bell.get_by_test_id("unread-count")).to_have_text("2")
    expect(bell).to_have_attribute("aria-label", "Thông báo: 2 chưa đọc")
    screenshot("header-unread")

    bell.click()
    expect(page.get_by_role("heading", name="Thông báo", exact=True)).to_be_visible()
    items = page.get_by_test_id("notification")
    expect(items).to_have_count(2)
    expect(items.first).to_contain_text("Điểm sáng năm 2026: hạn đăng ký 30/03/2026 (còn 3 ngày)")
    expect(items.nth(1)).to_contain_text("(còn 7 ngày)")
    expect(items.first).to_contain_text("Xã Nghĩa Dũng chưa gửi đủ danh sách đăng ký")
    screenshot("list")

    items.first.get_by_role("button", name="Đánh dấu đã đọc").click()
    expect(page.get_by_test_id("unread-count")).to_have_text("1")
    expect(page.get_by_test_id("notification").first).to_have_attribute("data-read", "true")

    page.get_by_role("button", name="Đánh dấu tất cả là đã đọc").click()
    expect(page.get_by_text("Đã đánh dấu tất cả thông báo là đã đọc.")).to_be_visible()
    expect(page.get_by_test_id("unread-count")).to_have_count(0)
    expect(page.get_by_test_id("notifications-bell")).to_have_attribute("aria-label", "Thông báo")
    screenshot("all-read")

    # "Open" goes to the page that resolves the reminder: the unit's registration.
    page.get_by_test_id("notification").first.get_by_role("button", name="Mở").click()
    expect(page).to_have_url(re.compile(rf"/units/{cast.unit_a.pk}/registration/\?year=2026$"))
    screenshot("opened")
