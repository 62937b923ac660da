"""Reminders in the header: administrators reach the reminder settings. Everyone's unread count
is the bell in `templates/base.html` (reminders/_header_bell.html)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from core import navigation


@navigation.register_menu
def menu(request, scope):
    if scope.is_admin:
        return [(_("Reminders"), reverse("reminders:settings"))]
    return []
