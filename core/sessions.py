"""Sessions end after a spell of inactivity and after a fixed length of time, whatever the activity.

An official who leaves a shared office computer must not stay logged in for long, and even an
active session is renewed by a fresh login twice a day (settings SESSION_IDLE_TIMEOUT and
SESSION_MAX_DURATION). On expiry the user is logged out and sent to the login page with a message;
`next` brings them back to the page they were on, where drafts.js restores what they had typed.
"""

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.dispatch import receiver
from django.shortcuts import resolve_url
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import ngettext

from core.security_log import client_address

logger = logging.getLogger("brightspots.security")

STARTED_AT = "session_started_at"
LAST_SEEN_AT = "session_last_seen_at"
# Writing the session on every request would add a database write to each page on deadline day;
# the last request is recorded at most once a minute, so a session may end up to a minute early.
LAST_SEEN_RESOLUTION_SECONDS = 60


@receiver(user_logged_in, dispatch_uid="brightspots-session-started")
def remember_login_time(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    now = timezone.now().timestamp()
    request.session[STARTED_AT] = now
    request.session[LAST_SEEN_AT] = now


class SessionTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            expired = self.check(request)
            if expired:
                return self.end(request, expired)
        return self.get_response(request)

    def check(self, request) -> str | None:
        """Answer "idle" or "max" when the session is over; record the request otherwise."""
        session = request.session
        now = timezone.now().timestamp()
        # Sessions opened before this check existed have no times yet: they start counting now.
        started = session.setdefault(STARTED_AT, now)
        last_seen = session.setdefault(LAST_SEEN_AT, now)
        if now - started > settings.SESSION_MAX_DURATION.total_seconds():
            return "max"
        if now - last_seen > settings.SESSION_IDLE_TIMEOUT.total_seconds():
            return "idle"
        if now - last_seen >= LAST_SEEN_RESOLUTION_SECONDS:
            session[LAST_SEEN_AT] = now
        return None

    def end(self, request, reason: str):
        username = request.user.get_username()
        next_path = self.page_to_return_to(request)
        logout(request)
        logger.info(
            "session ended (%s) username=%r address=%s", reason, username, client_address(request)
        )
        messages.warning(request, self.message(reason))
        return redirect_to_login(
            next_path or "", settings.LOGIN_URL, redirect_field_name="next" if next_path else None
        )

    @staticmethod
    def message(reason: str) -> str:
        if reason == "idle":
            minutes = int(settings.SESSION_IDLE_TIMEOUT.total_seconds() // 60)
            return ngettext(
                "You were logged out after %(minutes)d minute without activity. Log in again to "
                "continue: what you typed in a form is kept on this computer.",
                "You were logged out after %(minutes)d minutes without activity. Log in again to "
                "continue: what you typed in a form is kept on this computer.",
                minutes,
            ) % {"minutes": minutes}
        hours = int(settings.SESSION_MAX_DURATION.total_seconds() // 3600)
        return ngettext(
            "For your security a session lasts at most %(hours)d hour. Log in again to continue: "
            "what you typed in a form is kept on this computer.",
            "For your security a session lasts at most %(hours)d hours. Log in again to continue: "
            "what you typed in a form is kept on this computer.",
            hours,
        ) % {"hours": hours}

    @staticmethod
    def page_to_return_to(request) -> str | None:
        """The page the user was on: this one for a GET, the form's page for a POST."""
        if request.method in {"GET", "HEAD"}:
            path = request.get_full_path()
        else:
            referer = request.headers.get("Referer", "")
            if not url_has_allowed_host_and_scheme(
                referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
            ):
                return None
            parts = urlsplit(referer)
            path = parts.path + (f"?{parts.query}" if parts.query else "")
        # Coming back to the login or logout page after logging in makes no sense (and the login
        # view refuses a `next` that points to itself).
        if urlsplit(path).path in {resolve_url(settings.LOGIN_URL), resolve_url("logout")}:
            return None
        return path
