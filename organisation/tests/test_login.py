"""Logging in: a clear error, throttling per username and address, unlocking after a cool-off."""

from datetime import timedelta

import time_machine
from django.urls import reverse
from django.utils import timezone

LOGIN = "/accounts/login/"


def attempt(client, username, password, address="10.0.0.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_login_page_is_vietnamese(client, db):
    response = client.get(LOGIN)
    assert response.status_code == 200
    assert '<html lang="vi">' in response.text
    assert "Đăng nhập" in response.text


def test_right_password_reaches_home(cast, client):
    response = attempt(client, "official_a", "correct-horse-battery")
    assert response.status_code == 302 and response.url == reverse("home")


def test_wrong_password_shows_a_clear_error(cast, client):
    response = attempt(client, "official_a", "wrong")
    assert response.status_code == 200
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in response.text


def test_an_overlong_username_is_answered_at_the_field(cast, client):
    """It used to reach the login log, whose column holds 255 characters: a server error."""
    response = attempt(client, "n" * 300, "whatever")
    assert response.status_code == 200
    assert "tối đa 150 kí tự" in response.text


def test_repeated_failures_are_throttled_then_unlock(cast, client, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "official_a", "wrong")
    locked = attempt(client, "official_a", "correct-horse-battery")
    assert locked.status_code == 429
    assert "Đăng nhập sai quá nhiều lần" in locked.text

    with time_machine.travel(timezone.now() + settings.AXES_COOLOFF_TIME + timedelta(minutes=1)):
        response = attempt(client, "official_a", "correct-horse-battery")
    assert response.status_code == 302


def test_a_colleague_at_the_same_address_is_not_locked_out(cast, client, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "official_a", "wrong")
    response = attempt(client, "official_b", "correct-horse-battery")
    assert response.status_code == 302


def test_the_same_user_from_another_address_is_not_locked_out(cast, client, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "official_a", "wrong", address="10.0.0.7")
    assert (
        attempt(client, "official_a", "correct-horse-battery", address="10.0.0.8").status_code
        == 302
    )


def test_logout_needs_post_and_ends_the_session(cast, client_of):
    client = client_of(cast.official_a)
    assert client.get("/accounts/logout/").status_code == 405
    client.post("/accounts/logout/")
    assert client.get(reverse("home")).status_code == 302
