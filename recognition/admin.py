"""What administrators edit for recognition: criteria (R15), the window (R16), the authorities
that sign Decisions and certificates, and the serial format (R19, R20).

A criteria set that a dossier was assessed against is shown read-only: "Make a new version"
copies it into one that can be edited (recognition.services.criteria_set_new_version).
"""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from organisation.models import Province
from organisation.scope import scope_for
from recognition import services
from recognition.models import (
    CriteriaSet,
    Criterion,
    Dossier,
    FollowUp,
    IssuingAuthority,
    RecognitionPeriod,
    RecognitionSettings,
)
from registry.admin import ProvinceScopedAdmin


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 0
    fields = ["group", "number", "text_vi", "text_en"]

    def _frozen(self, obj) -> bool:
        return obj is not None and (not obj.active or obj.is_used)

    def has_change_permission(self, request, obj=None):
        return not self._frozen(obj) and super().has_change_permission(request, obj)

    def has_add_permission(self, request, obj=None):
        return not self._frozen(obj) and super().has_add_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not self._frozen(obj) and super().has_delete_permission(request, obj)


@admin.register(CriteriaSet)
class CriteriaSetAdmin(ProvinceScopedAdmin):
    list_display = ["__str__", "province", "field", "valid_from_year", "active", "dossier_count"]
    list_select_related = ["province"]
    list_filter = ["field", "active"]
    inlines = [CriterionInline]
    actions = ["make_new_version"]
    change_form_template = "admin/recognition/criteriaset/change_form.html"
    readonly_fields = ["previous"]

    def get_queryset(self, request):
        # Everyone sees the shipped sets (read-only unless superuser) beside their province's own.
        queryset = super(ProvinceScopedAdmin, self).get_queryset(request)
        queryset = queryset.annotate(dossier_total=Count("dossiers"))  # one query for the list
        return queryset.filter(self.admin_provinces_q(request, "province") | Q(province=None))

    @admin.display(description=_("dossiers"), ordering="dossier_total")
    def dossier_count(self, obj):
        return obj.dossier_total

    def has_change_permission(self, request, obj=None):
        if obj is not None and (
            not obj.active
            or obj.is_used
            or (obj.province_id is None and not request.user.is_superuser)
        ):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and (obj.is_used or obj.next_versions.exists()):
            return False
        return super().has_delete_permission(request, obj)

    def _province_for(self, request):
        scope = scope_for(request.user)
        return next(iter(sorted(scope.admin_province_ids)), None)

    def _new_version(self, request, criteria_set):
        province_id = None if request.user.is_superuser else self._province_for(request)
        province = Province.objects.filter(pk=province_id).first() if province_id else None
        return services.criteria_set_new_version(
            criteria_set=criteria_set, province=province, by=request.user
        )

    @admin.action(description=_("Make a new version that can be edited"))
    def make_new_version(self, request, queryset):
        for criteria_set in queryset:
            try:
                copy = self._new_version(request, criteria_set)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            else:
                self.message_user(
                    request, _("New version made: %(set)s") % {"set": copy}, messages.SUCCESS
                )

    def get_urls(self):
        urls = super().get_urls()
        custom = [
            path(
                "<int:pk>/new-version/",
                self.admin_site.admin_view(self.new_version_view),
                name="recognition_criteriaset_new_version",
            )
        ]
        return custom + urls

    def new_version_view(self, request, pk):
        if request.method != "POST" or not self.has_view_permission(request):
            return redirect("admin:recognition_criteriaset_change", pk)
        criteria_set = get_object_or_404(self.get_queryset(request), pk=pk)
        try:
            copy = self._new_version(request, criteria_set)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return redirect("admin:recognition_criteriaset_change", pk)
        self.message_user(request, _("New version made: edit it below."), messages.SUCCESS)
        return redirect(reverse("admin:recognition_criteriaset_change", args=[copy.pk]))


@admin.register(RecognitionPeriod)
class RecognitionPeriodAdmin(ProvinceScopedAdmin):
    list_display = ["province", "level_unit", "year", "opens", "closes"]
    list_select_related = ["province", "level_unit"]
    raw_id_fields = ["level_unit"]
    list_filter = ["province"]

    def delete_blocker(self, obj):
        """The year's window stays once dossiers were made in it (R31)."""
        if Dossier.objects.filter(province=obj.province_id, year=obj.year).exists():
            return _("Dossiers exist for this year; its window is kept.")
        return None


@admin.register(FollowUp)
class FollowUpAdmin(ProvinceScopedAdmin):
    """Read only: follow-ups are recorded by the committee (R31)."""

    list_display = ["dossier", "year", "outcome", "recorded_by", "recorded_at"]
    list_filter = ["province", "outcome", "year"]
    list_select_related = ["dossier", "recorded_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(RecognitionSettings)
class RecognitionSettingsAdmin(ProvinceScopedAdmin):
    list_display = ["province", "serial_format"]
    list_select_related = ["province"]


@admin.register(IssuingAuthority)
class IssuingAuthorityAdmin(ProvinceScopedAdmin):
    list_display = ["name", "parent_name", "level_unit", "decision_symbol", "signer_name", "active"]
    list_filter = ["province", "active"]
    raw_id_fields = ["level_unit"]
    list_select_related = ["level_unit"]
