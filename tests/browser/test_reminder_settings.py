"""An administrator changes when the registration reminder goes out and its Vietnamese subject;
a mistake in a placeholder is explained at the field and nothing is lost."""

from playwright.sync_api import expect

from reminders.models import ReminderSetting
from tests.browser.conftest import log_in


def test_administrator_changes_the_registration_reminder(cast, page, screenshot):
    log_in(page, "administrator")
    page.get_by_role("link", name="Nhắc việc").click()
    expect(page.get_by_role("heading", name="Nhắc việc tại Nghệ An")).to_be_visible()
    row = page.get_by_test_id("setting-registration")
    expect(row).to_contain_text("30 ngày trước, 14 ngày trước, 7 ngày trước")
    screenshot("settings")

    row.get_by_role("link", name="Sửa").click()
    page.get_by_label("Số ngày").fill("10, 2")
    subject = page.get_by_label("Tiêu đề tiếng Việt")
    subject.fill("Nhắc {don_vi}: hạn đăng ký {deadline}")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_text("Trường thay thế không hợp lệ: {don_vi}.")).to_be_visible()
    expect(page.get_by_label("Số ngày")).to_have_value("10, 2")  # what was typed is kept
    screenshot("field-error")

    subject.fill("Nhắc {unit}: hạn đăng ký {deadline} (còn {days})")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_text("Đã lưu lời nhắc “Hạn đăng ký”.")).to_be_visible()
    expect(row).to_contain_text("10 ngày trước, 2 ngày trước")
    expect(row).to_contain_text("Nhắc {unit}: hạn đăng ký {deadline} (còn {days})")
    screenshot("saved")
    setting = ReminderSetting.objects.get(province=cast.province, kind="registration")
    assert setting.milestones == [10, 2] and setting.subject_en == ""
