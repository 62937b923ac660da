"""What waits for each person on the home page: each app contributes its panels (core.navigation),
for the roles the user holds (SPEC §1), on the year open for the user (R37)."""

from core import navigation
from core.years import open_year
from organisation.scope import scope_for


def home_panels(request) -> dict:
    user = request.user
    scope = scope_for(user)
    found = open_year(request)
    return {
        "year": found.year,
        "open_year": found,
        "panels": navigation.panels(user, scope, found.year),
    }
