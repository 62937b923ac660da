"""Password change and reset by e-mail (issue 2)."""

import re

from django.urls import reverse


def test_reset_by_email_then_log_in_with_the_new_password(cast, client, mailoutbox):
    response = client.post(reverse("password_reset"), {"email": cast.official_a.email}, follow=True)
    assert "Hãy kiểm tra thư điện tử" in response.text
    assert len(mailoutbox) == 1 and mailoutbox[0].to == [cast.official_a.email]
    link = re.search(r"https?://[^/]+(/accounts/reset/\S+/)", mailoutbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    assert "Đặt mật khẩu mới" in form_page.text
    done = client.post(
        form_page.request["PATH_INFO"],
        {"new_password1": "Mat-khau-moi-2026!", "new_password2": "Mat-khau-moi-2026!"},
        follow=True,
    )
    assert "Đã lưu mật khẩu" in done.text
    login = client.post(
        reverse("login"), {"username": "official_a", "password": "Mat-khau-moi-2026!"}
    )
    assert login.status_code == 302


def test_unknown_address_says_the_same_and_sends_nothing(db, client, mailoutbox):
    response = client.post(reverse("password_reset"), {"email": "khongco@example.vn"}, follow=True)
    assert "Hãy kiểm tra thư điện tử" in response.text and mailoutbox == []


def test_change_password_needs_the_old_one(cast, client_of):
    client = client_of(cast.official_a)
    wrong = client.post(
        reverse("password_change"),
        {
            "old_password": "sai",
            "new_password1": "Mat-khau-moi-2026!",
            "new_password2": "Mat-khau-moi-2026!",
        },
    )
    assert wrong.status_code == 200 and "old_password" in wrong.context["form"].errors
    right = client.post(
        reverse("password_change"),
        {
            "old_password": "correct-horse-battery",
            "new_password1": "Mat-khau-moi-2026!",
            "new_password2": "Mat-khau-moi-2026!",
        },
        follow=True,
    )
    assert "Mật khẩu của bạn đã được thay đổi" in right.text
