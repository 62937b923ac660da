"""Issue 7.3: every login decision and every refused access is logged to brightspots.security."""

import logging

import pytest
from django.urls import reverse

LOGIN = "/accounts/login/"


@pytest.fixture
def security_log(caplog):
    caplog.set_level(logging.INFO, logger="brightspots.security")

    def messages():
        return [r.getMessage() for r in caplog.records if r.name == "brightspots.security"]

    return messages


def attempt(client, username, password, address="10.0.0.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_a_successful_login_is_logged_with_username_and_address(cast, client, security_log):
    attempt(client, "official_a", "correct-horse-battery")
    assert "login succeeded username='official_a' address=10.0.0.7" in security_log()


def test_a_failed_login_is_logged_without_the_password(cast, client, security_log, caplog):
    attempt(client, "official_a", "s3cret-guess")
    assert "login failed username='official_a' address=10.0.0.7" in security_log()
    assert "s3cret-guess" not in caplog.text


def test_an_unknown_username_is_logged_safely(db, client, security_log):
    attempt(client, "nobody\nlogin succeeded", "x")
    assert security_log() == [r"login failed username='nobody\nlogin succeeded' address=10.0.0.7"]


def test_a_lockout_is_logged(cast, client, settings, security_log):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "official_a", "wrong")
    assert attempt(client, "official_a", "correct-horse-battery").status_code == 429
    assert "login locked out username='official_a' address=10.0.0.7" in security_log()


@pytest.mark.urls("brightspots.tests.urls_for_tests")
def test_a_forbidden_page_is_logged(cast, client_of, security_log):
    response = client_of(cast.qcdc_staff).get("/test/refuse/", REMOTE_ADDR="10.0.0.9")
    assert response.status_code == 403
    assert "Không có quyền truy cập" in response.text
    assert (
        "access refused status=403 user='qcdc_staff' method=GET path='/test/refuse/' "
        "address=10.0.0.9"
    ) in security_log()


def test_an_anonymous_refusal_is_logged(db, client, security_log):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/accounts/login/", REMOTE_ADDR="10.0.0.9")
    assert response.status_code == 403
    assert any(
        m.startswith("access refused status=403 user=<anonymous> method=POST")
        for m in security_log()
    )


def test_another_units_page_is_logged_as_refused(cast, client_of, security_log):
    response = client_of(cast.official_a).get(
        reverse("organisation:unit-detail", args=[cast.unit_b.pk])
    )
    assert response.status_code == 404
    assert (
        f"access refused status=404 user='official_a' method=GET "
        f"path='/units/{cast.unit_b.pk}/' address=127.0.0.1"
    ) in security_log()


def test_a_csrf_failure_is_logged_as_refused(cast, client, security_log):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(cast.official_a)
    response = strict.post("/i18n/language/", {"language": "en"})
    assert response.status_code == 403
    assert "Biểu mẫu đã hết hạn" in response.text
    assert any(m.startswith("access refused status=403 user='official_a'") for m in security_log())


def test_a_mistyped_address_is_not_a_refusal(cast, client_of, security_log):
    assert client_of(cast.official_a).get("/no-such-page/").status_code == 404
    assert not any(m.startswith("access refused") for m in security_log())
