"""Admin pages of registration: each year's deadlines, extensions and bright spots (read only).

An administrator of a province sees and edits only that province (R4, R30); a superuser sees all.
"""

from django.contrib import admin
from django.utils.translation import gettext as _

from core.text import fold
from organisation.admin import ProvinceScopedAdmin
from registry.models import (
    AnnualReport,
    BrightSpot,
    Extension,
    Registration,
    RegistrationPeriod,
    Timeliness,
)


@admin.register(RegistrationPeriod)
class RegistrationPeriodAdmin(ProvinceScopedAdmin):
    """Administrators set each year's deadlines (R6): 30 March and 30 November by default."""

    list_display = ["province", "year", "deadline", "report_deadline"]
    list_select_related = ["province"]
    list_filter = ["province"]
    ordering = ["-year"]

    def audit_action(self, obj, change: bool) -> str:
        return "period.changed" if change else "period.created"

    def audit_to_state(self, obj) -> str:
        return f"{obj.deadline:%d/%m/%Y} · {obj.report_deadline:%d/%m/%Y}"

    def delete_blocker(self, obj):
        """The year's deadlines stay once a unit has registered under them (R31)."""
        if BrightSpot.objects.filter(province=obj.province_id, year=obj.year).exists():
            return _("Bright spots are registered for this year; its deadlines are kept.")
        return None


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

    def delete_blocker(self, obj):
        """An extension something was submitted under stays (R9, R31)."""
        late = {"unit": obj.unit_id, "year": obj.year, "timeliness": Timeliness.EXTENDED}
        if obj.kind == Extension.Kind.RECOGNITION:
            return None  # recognition's admin answers for dossiers
        used = (
            Registration.objects.filter(**late).exists()
            if obj.kind == Extension.Kind.REGISTRATION
            else AnnualReport.objects.filter(**late).exists()
        )
        if used:
            return _("Something was submitted under this extension; it is kept.")
        return None


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
