"""Issue 7.5: friendly error pages in the app's look, and a 503 when the database is away."""

from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client

TRACE_WORDS = ["Traceback", "OperationalError", "InterfaceError", 'File "', "boom"]


def database_down(error=OperationalError):
    """Every new cursor fails, as when PostgreSQL is stopped or out of connections."""
    failure = error("could not connect to server: Connection refused")
    return mock.patch.object(BaseDatabaseWrapper, "cursor", side_effect=failure)


def assert_no_trace(response):
    for word in TRACE_WORDS:
        assert word not in response.text


@pytest.fixture
def browser_client():
    """A client that answers like the real server instead of re-raising the view's exception."""
    return Client(raise_request_exception=False)


def test_404_is_friendly_and_keeps_the_navigation(cast, client_of):
    response = client_of(cast.official_a).get("/no-such-page/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.text
    assert "Mã lỗi 404" in response.text
    assert "Nguyễn Văn An" in response.text  # the user menu: they are still logged in


def test_404_speaks_the_users_language(cast, client_of, settings):
    client = client_of(cast.official_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get("/no-such-page/")
    assert "Page not found" in response.text and '<html lang="en">' in response.text


@pytest.mark.urls("brightspots.tests.urls_for_tests")
def test_403_is_friendly(cast, client_of):
    response = client_of(cast.official_b).get("/test/refuse/")
    assert response.status_code == 403
    assert "Không có quyền truy cập" in response.text


def test_400_for_an_unknown_host_is_friendly(client, db):
    response = client.get("/", HTTP_HOST="not-our-site.example")
    assert response.status_code == 400
    assert "Yêu cầu không hợp lệ" in response.text
    assert "not-our-site" not in response.text


@pytest.mark.urls("brightspots.tests.urls_for_tests")
def test_500_shows_no_traceback(cast, browser_client):
    browser_client.force_login(cast.official_a)
    response = browser_client.get("/test/fail/")
    assert response.status_code == 500
    assert "Đã xảy ra lỗi" in response.text
    assert_no_trace(response)


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_database_down_gives_a_friendly_503(cast, browser_client, error):
    browser_client.force_login(cast.official_a)
    with database_down(error) as cursor:
        response = browser_client.get(f"/units/{cast.unit_a.pk}/")
    assert cursor.called  # the failure was real: the session could not be read
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Hệ thống tạm thời gián đoạn" in response.text
    assert "Mọi dữ liệu đã lưu trước đó vẫn an toàn" in response.text
    assert_no_trace(response)


def test_database_down_while_logging_in(cast, browser_client):
    with database_down():
        response = browser_client.post(
            "/accounts/login/", {"username": "official_a", "password": "correct-horse-battery"}
        )
    assert response.status_code == 503
    assert_no_trace(response)


def test_the_session_survives_the_outage(cast, browser_client):
    browser_client.force_login(cast.official_a)
    with database_down():
        assert browser_client.get("/").status_code == 503
    assert browser_client.get("/").status_code == 200


def test_the_503_page_renders_in_english(cast, browser_client, settings):
    browser_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    browser_client.force_login(cast.official_a)
    with database_down():
        response = browser_client.get("/")
    assert "Service temporarily unavailable" in response.text
