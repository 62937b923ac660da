"""Nothing typed is lost: a long form keeps a draft through a reload and an expired session.

The form is the test-only page of brightspots/tests/urls_for_tests.py (no bright spot form exists
yet): a real page of the app, under the real Content Security Policy, login and session expiry.
"""

from datetime import timedelta

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone
from playwright.sync_api import expect

from brightspots.tests import urls_for_tests
from core.sessions import LAST_SEEN_AT
from tests.browser.conftest import log_in

FORM = "/test/draft-form/"
PLAN = "Quý I: họp dân lấy ý kiến.\nQuý II: công khai kết quả."


@pytest.fixture
def form_page(page, settings):
    settings.ROOT_URLCONF = "brightspots.tests.urls_for_tests"
    saved = dict(urls_for_tests.STORED_PLAN)
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.csp_violations = violations
    yield page
    urls_for_tests.STORED_PLAN.update(saved)


def type_plan(page):
    page.get_by_label("Kế hoạch", exact=True).fill(PLAN)
    page.get_by_label("Mật khẩu xác nhận").fill("khong-luu-mat-khau")
    # The draft is written shortly after the last key stroke.
    page.wait_for_function(
        "() => localStorage.length > 0 && /Quý II/.test(Object.values(localStorage)[0])"
    )


def stored_drafts(page) -> str:
    return page.evaluate("() => JSON.stringify(localStorage)")


def test_a_reload_restores_the_draft_without_the_password(cast, form_page, screenshot):
    page = form_page
    log_in(page, "official_a")
    page.goto(FORM)
    type_plan(page)
    assert "khong-luu-mat-khau" not in stored_drafts(page)
    assert "csrfmiddlewaretoken" not in stored_drafts(page)

    page.reload()
    expect(page.get_by_text("Đã khôi phục bản nháp chưa lưu")).to_be_visible()
    expect(page.get_by_label("Kế hoạch", exact=True)).to_have_value(PLAN)
    expect(page.get_by_label("Mật khẩu xác nhận")).to_have_value("")
    screenshot("draft-restored")

    page.get_by_role("button", name="Bỏ bản nháp").click()
    expect(page.get_by_label("Kế hoạch", exact=True)).to_have_value("")
    expect(page.get_by_text("Đã khôi phục bản nháp chưa lưu")).to_have_count(0)
    assert stored_drafts(page) == "{}"
    assert page.csp_violations == []


def test_a_successful_save_forgets_the_draft(cast, form_page, screenshot):
    page = form_page
    log_in(page, "official_a")
    page.goto(FORM)
    type_plan(page)
    page.get_by_label("Tên điểm sáng").fill("")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_text("Chưa nhập tên điểm sáng.")).to_be_visible()
    assert "Quý II" in stored_drafts(page)  # refused: the draft stays

    page.get_by_label("Tên điểm sáng").fill("Dân vận khéo trong giải phóng mặt bằng")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_text("Đã lưu kế hoạch.")).to_be_visible()
    assert stored_drafts(page) == "{}"
    page.reload()
    expect(page.get_by_label("Kế hoạch", exact=True)).to_have_value(PLAN)  # from the server
    expect(page.get_by_text("Đã khôi phục bản nháp chưa lưu")).to_have_count(0)
    screenshot("saved")


def test_an_expired_session_loses_nothing(cast, form_page, screenshot):
    page = form_page
    log_in(page, "official_a")
    page.goto(FORM)
    type_plan(page)

    # 31 idle minutes pass: the session's last request is moved back in time.
    session_key = next(c["value"] for c in page.context.cookies() if c["name"] == "sessionid")
    session = SessionStore(session_key)
    session[LAST_SEEN_AT] = (timezone.now() - timedelta(minutes=31)).timestamp()
    session.save()

    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_text("Bạn đã được đăng xuất sau 30 phút không thao tác")).to_be_visible()
    assert "/accounts/login/?next=/test/draft-form/" in page.url
    screenshot("session-expired")

    page.get_by_label("Tên đăng nhập").fill("official_a")
    page.get_by_label("Mật khẩu").fill("correct-horse-battery")
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"**{FORM}")
    expect(page.get_by_text("Đã khôi phục bản nháp chưa lưu")).to_be_visible()
    expect(page.get_by_label("Kế hoạch", exact=True)).to_have_value(PLAN)
    assert urls_for_tests.STORED_PLAN["plan"] == ""  # nothing was saved behind the user's back
    screenshot("back-with-draft")


def test_a_colleague_on_the_same_computer_does_not_see_the_draft(cast, form_page):
    page = form_page
    log_in(page, "official_a")
    page.goto(FORM)
    type_plan(page)
    page.get_by_role("button", name="Nguyễn Văn An").click()  # the user menu (Popper, CSSOM)
    page.get_by_role("button", name="Đăng xuất").click()

    log_in(page, "official_b")
    page.goto(FORM)
    expect(page.get_by_label("Kế hoạch", exact=True)).to_have_value("")
    expect(page.get_by_text("Đã khôi phục bản nháp chưa lưu")).to_have_count(0)
    assert page.csp_violations == []
