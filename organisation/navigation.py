"""The organisation's entry in the header: imports, for administrators."""

from django.urls import reverse
from django.utils.translation import gettext as _

from core import navigation


@navigation.register_menu
def menu(request, scope):
    if scope.is_superuser or scope.admin_province_ids:
        return [(_("Imports"), reverse("organisation:import-list"))]
    return []
