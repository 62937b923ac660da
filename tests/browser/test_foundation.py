"""A unit official logs in, sees the unit and the QCDC/DVCQ entry points, switches language."""

from playwright.sync_api import expect

from tests.browser.conftest import log_in


def test_official_logs_in_and_switches_language(cast, page, screenshot):
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    screenshot("login-page")

    log_in(page, "official_a")
    expect(page.get_by_role("heading", name="Xã Nghĩa Dũng")).to_be_visible()
    expect(page.get_by_role("link", name="Điểm sáng QCDC")).to_be_visible()
    expect(page.get_by_role("link", name="Điểm sáng DVCQ")).to_be_visible()
    expect(page.get_by_text("Phường Đông Vĩnh")).to_have_count(0)
    screenshot("home-vi")

    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("link", name="QCDC bright spots")).to_be_visible()
    screenshot("home-en")

    page.get_by_role("button", name="Tiếng Việt").click()
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.get_by_role("link", name="Điểm sáng DVCQ")).to_be_visible()


def test_wrong_password_is_shown_at_the_form(cast, page, screenshot):
    log_in(page, "official_a", password="sai-mat-khau")
    expect(page.get_by_text("Tên đăng nhập hoặc mật khẩu không đúng")).to_be_visible()
    screenshot("wrong-password")


def test_phone_layout_has_a_menu_button(cast, page, screenshot):
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, "official_a")
    toggler = page.get_by_role("button", name="Mở trình đơn")
    expect(toggler).to_be_visible()
    toggler.click()
    expect(page.get_by_role("link", name="Trang chủ")).to_be_visible()
    screenshot("home-phone")
