"""Error pages that never show a stack trace and never need the database.

The 400 and 500 pages render without the request, so no context processor runs: they work when
the request was refused before the user was known and when the database is the thing that failed.
When it did fail (the server is down, restarting or out of connections), the page says so with a
503 and a Retry-After header, and the user knows to try again in a moment: what they typed in a
form is kept as a draft by drafts.js.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseServerError
from django.template import loader

RETRY_AFTER_SECONDS = 30


def database_unavailable(error: BaseException | None) -> bool:
    """True when the error, or one it was raised from, is a database connection failure."""
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, OperationalError | InterfaceError):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


def database_unavailable_response() -> HttpResponse:
    response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def bad_request(request, exception):
    return HttpResponseBadRequest(loader.render_to_string("400.html"))


def server_error(request):
    # Django calls this handler while it handles the exception, so sys.exc_info() names it.
    if database_unavailable(sys.exc_info()[1]):
        return database_unavailable_response()
    return HttpResponseServerError(loader.render_to_string("500.html"))
