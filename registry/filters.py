"""The inbox filter (R8): year, field, status, unit subtree, timeliness, reviewed, keyword."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from core.text import fold
from organisation.models import Field, Level, Unit
from registry.models import BrightSpot, Timeliness


class InboxFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Keyword"), method="filter_keyword")
    year = django_filters.NumberFilter(label=_("Year"))
    field = django_filters.ChoiceFilter(
        label=_("Field"), choices=Field.choices, empty_label=_("All fields")
    )
    level = django_filters.ChoiceFilter(
        label=_("Level"), choices=Level.choices, empty_label=_("All levels")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[c for c in BrightSpot.Status.choices if c[0] != BrightSpot.Status.DRAFT],
        empty_label=_("All statuses"),
    )
    timeliness = django_filters.ChoiceFilter(
        label=_("On time"), choices=Timeliness.choices, empty_label=_("On time or late")
    )
    reviewed = django_filters.BooleanFilter(
        label=_("Reviewed"),
        method="filter_reviewed",
        widget=forms.Select(
            choices=[
                ("", _("Reviewed or not")),
                ("true", _("Reviewed")),
                ("false", _("Not reviewed")),
            ]
        ),
    )
    # The unit is picked by a search-as-you-type field that fills this id: there can be
    # thousands of units, never a dropdown of all of them.
    unit = django_filters.NumberFilter(
        label=_("Unit or locality"), method="filter_unit", widget=forms.HiddenInput
    )
    ordering = django_filters.OrderingFilter(
        label=_("Sort by"),
        fields=[("name_sort", "name"), ("unit__name_sort", "unit"), ("submitted_at", "submitted")],
        field_labels={
            "name": _("Name"),
            "-name": _("Name (Z–A)"),
            "unit": _("Unit"),
            "-unit": _("Unit (Z–A)"),
            "submitted": _("Submitted, oldest first"),
            "-submitted": _("Submitted, newest first"),
        },
        empty_label=None,
    )

    class Meta:
        model = BrightSpot
        fields = ["q", "year", "field", "level", "status", "timeliness", "reviewed", "unit"]

    def __init__(self, *args, units, **kwargs):
        self.units = units  # the units the user may filter on
        super().__init__(*args, **kwargs)
        for form_field in self.form.fields.values():
            is_select = isinstance(form_field.widget, forms.Select)
            form_field.widget.attrs.setdefault(
                "class", "form-select" if is_select else "form-control"
            )

    def filter_keyword(self, queryset, name, value):
        words = fold(value).split()
        for word in words[:8]:
            queryset = queryset.filter(search_text__contains=word)
        return queryset

    def filter_reviewed(self, queryset, name, value):
        return queryset.filter(reviewed_at__isnull=not value)

    def filter_unit(self, queryset, name, value):
        unit = self.units.filter(pk=value).first()
        if unit is None:
            return queryset.none()
        return queryset.filter(unit__path__startswith=unit.path)

    @property
    def qs(self):
        queryset = super().qs
        # A stable order (ties broken by id) keeps pages from repeating or skipping rows.
        return queryset.order_by(*(queryset.query.order_by or ["name_sort"]), "pk")

    def chosen_unit(self) -> Unit | None:
        value = self.form.cleaned_data.get("unit") if self.form.is_valid() else None
        return self.units.filter(pk=value).first() if value else None
