"""Recognition's entries in the header and its panels on the home page."""

from django.urls import reverse
from django.utils.translation import gettext as _

from core import navigation
from recognition.deadlines import recognition_period_for, recognition_period_of_unit
from recognition.selectors import dossiers_to_complete, dossiers_to_review


def _reviewing(scope):
    return [c for c in scope.committees if c.kind == "steering"]


@navigation.register_menu
def menu(request, scope):
    items = []
    if len(scope.official_units) == 1:
        items.append(
            (
                _("Recognition"),
                reverse("recognition:unit-dossiers", args=[scope.official_units[0].pk]),
            )
        )
    steering = _reviewing(scope)
    if len(steering) == 1:
        items.append(
            (_("Dossiers"), reverse("recognition:committee-dossiers", args=[steering[0].pk]))
        )
    items.append((_("Library"), reverse("recognition:library")))
    return items


@navigation.register_panel
def panels(user, scope, year):
    found = []
    if scope.official_units:
        units = list(scope.official_units)
        found.append(
            {
                "template": "recognition/_home_official.html",
                "units": units,
                "year": year,
                "period": recognition_period_of_unit(units[0], year),
                **dossiers_to_complete(units, year),
            }
        )
    for committee in _reviewing(scope):
        found.append(
            {
                "template": "recognition/_home_committee.html",
                "committee": committee,
                "year": year,
                "period": recognition_period_for(committee.province, year, committee.level_unit),
                **dossiers_to_review(committee, user, year),
            }
        )
    return found
