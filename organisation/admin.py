"""Admin pages for administrators: provinces, units, committees, routing, users and roles, and the
audit log (read only).

An administrator of a province sees and edits only that province (R4, R30); a superuser sees all.
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from organisation import services
from organisation.models import (
    AuditEntry,
    Committee,
    Province,
    RoleAssignment,
    RoutingRule,
    Unit,
    User,
)
from organisation.scope import scope_for


class ProvinceScopedAdmin(admin.ModelAdmin):
    """Limits rows and foreign-key choices to the administrator's provinces."""

    province_lookup = "province"

    def admin_provinces_q(self, request, lookup: str) -> Q:
        scope = scope_for(request.user)
        if scope.is_superuser:
            return Q()
        return Q(**{f"{lookup}__in": scope.admin_province_ids})

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset.filter(self.admin_provinces_q(request, self.province_lookup))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        related = db_field.related_model
        if related is Province:
            kwargs["queryset"] = Province.objects.filter(self.admin_provinces_q(request, "pk"))
        elif related in (Unit, Committee):
            kwargs["queryset"] = related.objects.filter(self.admin_provinces_q(request, "province"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Province)
class ProvinceAdmin(ProvinceScopedAdmin):
    province_lookup = "pk"
    list_display = ["code", "name", "place_name"]
    search_fields = ["name", "code"]


@admin.register(Unit)
class UnitAdmin(ProvinceScopedAdmin):
    list_display = ["name", "kind", "code", "parent", "valid_from", "valid_to", "successor"]
    list_filter = ["province", "kind"]
    search_fields = ["name", "name_folded", "code"]
    raw_id_fields = ["parent", "successor"]
    list_select_related = ["parent", "successor"]


class RoutingRuleInline(admin.TabularInline):
    model = RoutingRule
    fk_name = "level_unit"
    extra = 0
    raw_id_fields = ["recipient", "via", "copy_to"]


@admin.register(Committee)
class CommitteeAdmin(ProvinceScopedAdmin):
    list_display = ["name", "kind", "level_unit", "handles_qcdc", "handles_dvcq", "active"]
    list_filter = ["province", "kind", "active"]
    search_fields = ["name"]
    raw_id_fields = ["level_unit"]
    list_select_related = ["level_unit"]


@admin.register(RoutingRule)
class RoutingRuleAdmin(ProvinceScopedAdmin):
    list_display = ["level_unit", "field", "recipient", "via", "copy_to"]
    list_filter = ["province", "field"]
    raw_id_fields = ["level_unit", "recipient", "via", "copy_to"]
    list_select_related = ["level_unit", "recipient", "via", "copy_to"]


class RoleAssignmentInline(admin.TabularInline):
    model = RoleAssignment
    extra = 0
    raw_id_fields = ["unit", "committee"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = BaseUserAdmin.fieldsets + (
        (_("Bright Spots"), {"fields": ["full_name", "position", "phone", "language"]}),
    )
    add_fieldsets = BaseUserAdmin.add_fieldsets + (
        (_("Bright Spots"), {"fields": ["email", "full_name", "language"]}),
    )
    list_display = ["username", "full_name", "email", "is_active", "last_login"]
    search_fields = ["username", "full_name", "email"]
    inlines = [RoleAssignmentInline]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        scope = scope_for(request.user)
        if scope.is_superuser:
            return queryset
        return queryset.filter(
            Q(role_assignments__province_id__in=scope.admin_province_ids) | Q(role_assignments=None)
        ).distinct()

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            services.user_welcome(user=obj, by=request.user)


@admin.register(AuditEntry)
class AuditEntryAdmin(ProvinceScopedAdmin):
    list_display = ["at", "actor", "action", "target_label", "from_state", "to_state"]
    list_filter = ["action"]
    search_fields = ["target_label", "comment"]
    list_select_related = ["actor"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
