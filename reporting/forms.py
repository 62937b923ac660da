"""What a reporting page is asked for: the scope (province, committee, subtree), the year and
the view; and what a download is asked for."""

from django import forms
from django.utils.translation import gettext_lazy as _

from reporting.filters import VIEW_CHOICES
from reporting.units import HISTORICAL

YEARS = (2000, 2100)


class AreaForm(forms.Form):
    """The query string of every reporting page. Malformed values are ignored (R34): the page
    falls back to the user's own province and the current year."""

    province = forms.IntegerField(required=False, widget=forms.HiddenInput)
    committee = forms.IntegerField(required=False, widget=forms.HiddenInput)
    unit = forms.IntegerField(required=False, widget=forms.HiddenInput)
    year = forms.IntegerField(required=False, min_value=YEARS[0], max_value=YEARS[1])
    first_year = forms.IntegerField(required=False, min_value=YEARS[0], max_value=YEARS[1])
    view = forms.ChoiceField(choices=VIEW_CHOICES, required=False)

    def value(self, name, default=None):
        self.is_valid()  # keeps the fields that are valid in cleaned_data
        value = self.cleaned_data.get(name)
        return default if value in (None, "") else value

    def area_arguments(self) -> dict:
        return {name: self.value(name) for name in ("province", "committee", "unit")}

    def view_value(self) -> str:
        return self.value("view", HISTORICAL)


class ExportForm(AreaForm):
    """A download asked for from the dashboard (POST)."""

    exporter = forms.CharField(max_length=40)
    national = forms.BooleanField(
        required=False, label=_("Every province I read (one workbook for the whole country)")
    )

    def clean(self):
        data = super().clean()
        first, year = data.get("first_year"), data.get("year")
        if first and year and first > year:
            self.add_error("first_year", _("The first year must not come after the last one."))
        return data
