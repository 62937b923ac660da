"""One logger, `brightspots.security`, for every login decision and every refused access.

Operators follow break-in attempts and permission mistakes in one place: a login that succeeds,
fails or is locked out (django-axes), and every 403 or 404 that a view's access check raised (R30).
Usernames are logged with %r so that a typed newline cannot forge a log line.
"""

import logging

from axes.helpers import get_client_ip_address
from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver
from django.http import Http404

logger = logging.getLogger("brightspots.security")


def client_address(request) -> str:
    """The client's address as login throttling sees it (TRUSTED_PROXY_COUNT applies)."""
    if request is None:
        return "-"
    return get_client_ip_address(request) or "-"


def _username(request) -> str:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return "<anonymous>"
    return repr(user.get_username())


@receiver(user_logged_in, dispatch_uid="brightspots-log-login")
def log_login(sender, request, user, **kwargs):
    logger.info(
        "login succeeded username=%r address=%s", user.get_username(), client_address(request)
    )


@receiver(user_login_failed, dispatch_uid="brightspots-log-login-failure")
def log_login_failure(sender, credentials, request=None, **kwargs):
    username = str(credentials.get("username", ""))[:150]
    logger.warning("login failed username=%r address=%s", username, client_address(request))


@receiver(user_locked_out, dispatch_uid="brightspots-log-lockout")
def log_lockout(sender, request, username, ip_address, **kwargs):
    logger.warning("login locked out username=%r address=%s", str(username)[:150], ip_address)


class RefusedAccessLogMiddleware:
    """Log every 403 answer, and every 404 that a view raised (an access helper saying "not in
    your scope"). A URL that matches no route is not logged: that is a typo, not a refusal."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 403:
            self.log(request, 403)
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, Http404):
            self.log(request, 404)
        return None

    @staticmethod
    def log(request, status: int) -> None:
        logger.warning(
            "access refused status=%d user=%s method=%s path=%r address=%s",
            status,
            _username(request),
            request.method,
            request.path[:300],
            client_address(request),
        )
