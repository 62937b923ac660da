"""Reporting's entries in the header and its panels on the home page."""

from django.urls import reverse
from django.utils.translation import gettext as _

from core import navigation


@navigation.register_menu
def menu(request, scope):
    items = []
    if scope.is_superuser or scope.reading_province_ids or scope.committees:
        items.append((_("Annual summary"), reverse("reporting:summary")))
    if len(scope.official_units) == 1:
        unit = scope.official_units[0]
        items.append((_("Our history"), reverse("reporting:unit-history", args=[unit.pk])))
    return items


@navigation.register_panel
def panels(user, scope, year):
    if not (scope.is_superuser or scope.reading_province_ids or scope.committees):
        return []
    return [{"template": "reporting/_home_panel.html", "year": year}]
