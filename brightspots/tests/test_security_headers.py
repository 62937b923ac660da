"""Issue 7.3: a Content Security Policy and the other security headers on every page."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]


def policy(response) -> dict[str, str]:
    directives = (part.strip() for part in response["Content-Security-Policy"].split(";"))
    return dict(d.split(" ", 1) for d in directives if d)


def test_login_page_has_a_strict_content_security_policy(client, db):
    csp = policy(client.get("/accounts/login/"))
    assert csp["default-src"] == "'self'"
    assert csp["script-src"] == "'self'"
    assert csp["style-src"] == "'self'"
    assert csp["img-src"] == "'self' data:"
    assert csp["object-src"] == "'none'"
    assert csp["frame-ancestors"] == "'none'"
    assert csp["form-action"] == "'self'"
    assert csp["base-uri"] == "'self'"
    assert "unsafe-inline" not in str(csp) and "unsafe-eval" not in str(csp)


def test_pages_of_a_logged_in_user_carry_the_headers(cast, client_of):
    response = client_of(cast.official_a).get("/")
    assert response.status_code == 200
    assert "Content-Security-Policy" in response
    assert response["Permissions-Policy"] == "camera=(), geolocation=(), microphone=()"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_error_pages_carry_the_policy_too(client, db):
    assert "Content-Security-Policy" in client.get("/no-such-page/")


def test_base_page_has_no_inline_script_or_style(cast, client_of):
    html = client_of(cast.official_a).get("/").text
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html) == []
    assert " style=" not in html and "<style" not in html


def test_no_template_uses_inline_script_or_style():
    """The policy forbids them: a template that used one would break silently in the browser."""
    offenders = []
    for folder in ("templates", "registry", "recognition", "reporting"):
        for path in (ROOT / folder).rglob("*.html"):
            if "/email/" in str(path):  # e-mails are read in mail programs, not under our CSP
                continue
            text = path.read_text()
            if re.search(r"\sstyle=|<style|<script(?![^>]*\bsrc=)|\son[a-z]+=", text):
                offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_secure_cookies_and_hsts_with_https():
    """With HTTPS on (the production default), cookies are secure and HSTS lasts a year."""
    code = (
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS,"
        " s.SECURE_SSL_REDIRECT)"
    )
    result = run_python(code, HTTPS="true")
    assert result.stdout.split() == ["True", "True", "31536000", "True"]


def test_check_deploy_is_clean_in_production_mode():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_env(),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_session_lifetimes_come_from_the_environment():
    code = (
        "from django.conf import settings as s;"
        "print(s.SESSION_IDLE_TIMEOUT.seconds, s.SESSION_MAX_DURATION.seconds,"
        " s.SESSION_COOKIE_AGE)"
    )
    result = run_python(code, SESSION_IDLE_MINUTES="10", SESSION_MAX_HOURS="8")
    assert result.stdout.split() == ["600", "28800", "28800"]
    refused = run_python(code, SESSION_IDLE_MINUTES="half an hour")
    assert "SESSION_IDLE_MINUTES" in refused.stderr and refused.returncode != 0
    assert settings.SESSION_IDLE_TIMEOUT.seconds == 30 * 60  # the default


def production_env(**extra):
    # The browser tests' conftest allows async-unsafe calls in this process; production does not.
    local = {"DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in local}
    env.update(
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="diemsang.example.gov.vn",
        HTTPS="true",
    )
    env.update(extra)
    return env


def run_python(code: str, **env):
    script = f"import django; django.setup(); {code}"
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**production_env(**env), "DJANGO_SETTINGS_MODULE": "brightspots.settings"},
    )
