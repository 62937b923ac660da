"""Reminders in the Django admin: a read-only record of what was sent (R26), for support.

Administrators change the settings on their own page (reminders:settings), not here.
"""

from django.contrib import admin

from registry.admin import ProvinceScopedAdmin
from reminders.models import MessageDefault, Reminder


@admin.register(Reminder)
class ReminderAdmin(ProvinceScopedAdmin):
    list_display = ["day", "kind", "recipient", "subject", "email", "sent_at", "read_at"]
    list_filter = ["kind", "year", "day"]
    search_fields = ["subject", "recipient__username", "recipient__full_name", "email"]
    date_hierarchy = "day"
    list_select_related = ["recipient"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(MessageDefault)
class MessageDefaultAdmin(ProvinceScopedAdmin):
    """A province's default for each kind of message (R36): an e-mail each time, one digest a
    day, or none, for whoever has not chosen (reminders:choices). Every edit is audited."""

    list_display = ["province", "kind", "delivery"]
    list_editable = ["delivery"]
    list_filter = ["province", "delivery"]
