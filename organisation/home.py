"""What waits for each person on the home page: each app contributes its panels (core.navigation),
for the roles the user holds (SPEC §1)."""

from core import navigation
from core.years import current_year
from organisation.scope import scope_for


def home_panels(user) -> dict:
    scope = scope_for(user)
    year = current_year()
    return {"year": year, "panels": navigation.panels(user, scope, year)}
