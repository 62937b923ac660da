"""Admin pages of reporting: how each province's synthesis report is headed and signed, and the
downloads people asked for (read only)."""

from django.contrib import admin

from registry.admin import ProvinceScopedAdmin
from reporting.models import Export, Letterhead


@admin.register(Letterhead)
class LetterheadAdmin(ProvinceScopedAdmin):
    """Names are data (R3): the issuing board, its signing form and its recipients change."""

    list_display = ["province", "authority", "number_symbol", "signer_name"]
    list_select_related = ["province"]

    def audit_action(self, obj, change: bool) -> str:
        return "letterhead.changed" if change else "letterhead.created"

    def audit_to_state(self, obj) -> str:
        return obj.authority


@admin.register(Export)
class ExportAdmin(ProvinceScopedAdmin):
    list_display = ["created_at", "requested_by", "exporter", "area_label", "status", "progress"]
    list_filter = ["status", "exporter"]
    list_select_related = ["requested_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
