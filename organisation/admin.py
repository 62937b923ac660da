"""Admin pages for administrators: provinces, units, committees, routing, users and roles, and the
audit log (read only).

An administrator of a province sees and edits only that province (R4, R30); a superuser sees all.
"""

import json

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from organisation import services
from organisation.models import (
    AuditEntry,
    Committee,
    Province,
    RoleAssignment,
    RoutingRule,
    Unit,
    UnitSuccession,
    User,
)
from organisation.scope import scope_for

SECRET_FIELDS = {"password"}


def snapshot(obj) -> dict:
    """An object's stored values as the audit log keeps them (a password only as "changed")."""
    values = {
        f.attname: getattr(obj, f.attname)
        for f in obj._meta.concrete_fields
        if f.attname not in SECRET_FIELDS
    }
    return json.loads(json.dumps(values, cls=DjangoJSONEncoder, default=str))


def _stored(obj) -> dict:
    stored = type(obj)._default_manager.filter(pk=obj.pk).first() if obj.pk else None
    return snapshot(stored) if stored is not None else {}


def audit_admin_edit(request, obj, *, action: str, before: dict, after: dict, to_state=""):
    """One entry per create, change and delete made in the admin, with before and after (R31)."""
    if before and after:
        changed = sorted(k for k in after if before.get(k) != after.get(k))
        before = {k: before.get(k) for k in changed}
        after = {k: after.get(k) for k in changed}
    services.audit_record(
        actor=request.user,
        action=action,
        target=obj,
        province=getattr(obj, "province", None) if hasattr(obj, "province_id") else None,
        to_state=to_state,
        data={"model": obj._meta.label, "before": before, "after": after},
    )


class AuditedAdmin:
    """Every create, change and delete through this admin page (and its inlines) is audited
    with before and after (R31); `delete_blocker` keeps what something depends on (R31)."""

    def audit_action(self, obj, change: bool) -> str:
        return "admin.changed" if change else "admin.added"

    def audit_to_state(self, obj) -> str:
        return ""

    def delete_blocker(self, obj) -> str | None:
        """Why `obj` may not be deleted, or None."""
        return None

    def save_model(self, request, obj, form, change):
        before = _stored(obj) if change else {}
        super().save_model(request, obj, form, change)
        audit_admin_edit(
            request, obj, action=self.audit_action(obj, change), before=before,
            after=snapshot(obj), to_state=self.audit_to_state(obj),
        )  # fmt: skip

    def delete_model(self, request, obj):
        audit_admin_edit(request, obj, action="admin.deleted", before=snapshot(obj), after={})
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            blocker = self.delete_blocker(obj)
            if blocker:
                self.message_user(request, f"{obj}: {blocker}", messages.ERROR)
                continue
            self.delete_model(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and self.delete_blocker(obj):
            return False
        return super().has_delete_permission(request, obj)

    def save_formset(self, request, form, formset, change):
        for inline_form in formset.deleted_forms:
            obj = inline_form.instance
            if obj.pk:
                audit_admin_edit(
                    request, obj, action="admin.deleted", before=_stored(obj), after={}
                )
        befores = {
            inline_form.instance.pk: _stored(inline_form.instance)
            for inline_form in formset.initial_forms
            if inline_form.instance.pk and inline_form.has_changed()
        }
        super().save_formset(request, form, formset, change)
        for obj in formset.new_objects:
            audit_admin_edit(request, obj, action="admin.added", before={}, after=snapshot(obj))
        for obj, _fields in formset.changed_objects:
            audit_admin_edit(
                request, obj, action="admin.changed", before=befores.get(obj.pk, {}),
                after=snapshot(obj),
            )  # fmt: skip


class ProvinceScopedAdmin(AuditedAdmin, admin.ModelAdmin):
    """Limits rows and foreign-key choices to the administrator's provinces; every edit audited."""

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


class SuccessionFormSet(BaseInlineFormSet):
    """A split unit's shares sum to 100 (R2); none listed: merged whole into `successor`."""

    def clean(self):
        super().clean()
        shares = [
            f.cleaned_data["share_percent"]
            for f in self.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]
        if shares and sum(shares) != 100:
            raise ValidationError(
                gettext("The successors' shares sum to %(total)s%%, not 100%%.")
                % {"total": sum(shares)}
            )


class UnitSuccessionInline(admin.TabularInline):
    model = UnitSuccession
    fk_name = "predecessor"
    formset = SuccessionFormSet
    extra = 0
    raw_id_fields = ["successor"]


@admin.register(Unit)
class UnitAdmin(ProvinceScopedAdmin):
    inlines = [UnitSuccessionInline]
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
    list_display = [
        "name", "kind", "level_unit", "handles_qcdc", "handles_dvcq", "oversight", "active"
    ]  # fmt: skip
    list_filter = ["province", "kind", "oversight", "active"]
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
class UserAdmin(AuditedAdmin, BaseUserAdmin):
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

    def audit_action(self, obj, change: bool) -> str:
        return "admin.changed" if change else "admin.added"


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
