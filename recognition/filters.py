"""Filters of the committee's dossier list (R18) and of the public library (R24)."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from core.text import fold
from organisation.models import Field
from recognition.models import Dossier


def _styled(form):
    for form_field in form.fields.values():
        is_select = isinstance(form_field.widget, forms.Select)
        form_field.widget.attrs.setdefault("class", "form-select" if is_select else "form-control")


class DossierFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Keyword"), method="filter_keyword")
    year = django_filters.NumberFilter(label=_("Year"))
    field = django_filters.ChoiceFilter(
        label=_("Field"), choices=Field.choices, empty_label=_("All fields")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[c for c in Dossier.Status.choices if c[0] != Dossier.Status.DRAFT],
        empty_label=_("All statuses"),
    )
    reviewed = django_filters.ChoiceFilter(
        label=_("Review"),
        method="filter_reviewed",
        choices=[
            ("yes", _("Reviewed")),
            ("no", _("Not reviewed")),
            ("mine", _("Mine to score")),
        ],
        empty_label=_("Reviewed or not"),
    )

    class Meta:
        model = Dossier
        fields = ["q", "year", "field", "status", "reviewed"]

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        _styled(self.form)

    def filter_keyword(self, queryset, name, value):
        for word in fold(value).split()[:8]:
            queryset = queryset.filter(bright_spot__search_text__contains=word)
        return queryset

    def filter_reviewed(self, queryset, name, value):
        """Reviewed: at least one reviewer scored it. Mine: assigned to me, not scored by me."""
        if value == "yes":
            return queryset.filter(reviews_done__gt=0)
        if value == "no":
            return queryset.filter(reviews_done=0)
        return queryset.filter(reviews__reviewer=self.user, reviews__completed_at__isnull=True)

    @property
    def qs(self):
        return super().qs.order_by("status", "unit__name_sort", "bright_spot__name_sort", "pk")


class LibraryForm(forms.Form):
    """The public library's search (R24): keyword, field, year, province, locality."""

    q = forms.CharField(label=_("Keyword"), required=False, max_length=100)
    field = forms.ChoiceField(
        label=_("Field"), required=False, choices=[("", _("All fields")), *Field.choices]
    )
    # Any year may be asked (a link may name a year without recognitions); the menu offers those
    # that have some.
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100)
    province = forms.ChoiceField(label=_("Province"), required=False)
    locality = forms.CharField(label=_("Locality"), required=False, max_length=100)

    def __init__(self, *args, years, provinces, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].widget = forms.Select(
            choices=[("", _("All years")), *((y, y) for y in years)]
        )
        self.fields["province"].choices = [
            ("", _("All provinces")),
            *((p.code, p.name) for p in provinces),
        ]
        _styled(self)

    def criteria(self) -> dict:
        """The search as keyword arguments of `library_search`; an invalid value is ignored."""
        if not self.is_bound:
            return {}
        if not self.is_valid():
            return {
                name: self.cleaned_data.get(name)
                for name in ("q", "field", "year", "province", "locality")
                if name not in self.errors and self.cleaned_data.get(name)
            }
        return {name: value for name, value in self.cleaned_data.items() if value}
