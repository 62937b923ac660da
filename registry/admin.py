"""Admin pages of registration: each year's deadlines, extensions and bright spots (read only).

An administrator of a province sees and edits only that province (R4, R30); a superuser sees all.
"""

from django.contrib import admin

from core.text import fold
from organisation import services
from organisation.admin import ProvinceScopedAdmin
from registry.models import BrightSpot, Extension, RegistrationPeriod


@admin.register(RegistrationPeriod)
class RegistrationPeriodAdmin(ProvinceScopedAdmin):
    """Administrators set each year's deadlines (R6): 30 March and 30 November by default."""

    list_display = ["province", "year", "deadline", "report_deadline"]
    list_select_related = ["province"]
    list_filter = ["province"]
    ordering = ["-year"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        services.audit_record(
            actor=request.user,
            action="period.changed" if change else "period.created",
            target=obj,
            to_state=f"{obj.deadline:%d/%m/%Y} · {obj.report_deadline:%d/%m/%Y}",
        )


@admin.register(Extension)
class ExtensionAdmin(ProvinceScopedAdmin):
    list_display = ["unit", "year", "kind", "until", "granted_by", "granted_at"]
    list_filter = ["province", "year", "kind"]
    search_fields = ["unit__name", "reason"]
    raw_id_fields = ["unit", "granted_by"]
    list_select_related = ["unit", "granted_by"]

    def has_change_permission(self, request, obj=None):
        return False  # granted by committee staff through their page, where it is audited

    def has_add_permission(self, request):
        return False


@admin.register(BrightSpot)
class BrightSpotAdmin(ProvinceScopedAdmin):
    """Read-only: bright spots change only through the registry's pages, where every step is audited."""

    list_display = ["name", "unit", "year", "field", "status", "submitted_at"]
    list_filter = ["province", "year", "field", "status"]
    search_fields = ["search_text"]
    list_select_related = ["unit"]

    def get_search_results(self, request, queryset, search_term):
        return super().get_search_results(request, queryset, fold(search_term))

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
