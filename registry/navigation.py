"""The registry's entries in the header and its panels on the home page."""

from django.urls import reverse
from django.utils.translation import gettext as _

from brightspots import navigation


@navigation.register_menu
def menu(request, scope):
    items = []
    if len(scope.official_units) == 1:
        items.append(
            (_("Registration"), reverse("registry:unit-year", args=[scope.official_units[0].pk]))
        )
    steering = [c for c in scope.committees if c.kind == "steering"]
    if len(steering) == 1:
        items.append((_("Inbox"), reverse("registry:committee-inbox", args=[steering[0].pk])))
    if scope.committees or scope.is_provincial or scope.is_admin:
        items.append((_("Annual reports"), reverse("registry:annual-reports")))
    return items
