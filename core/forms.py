"""Form fields every app shares."""

from django import forms
from django.utils.translation import gettext_lazy as _

DATE_WIDGET = forms.DateInput(
    format="%d/%m/%Y",
    attrs={"placeholder": _("dd/mm/yyyy"), "inputmode": "numeric", "autocomplete": "off"},
)


class DateField(forms.DateField):
    widget = DATE_WIDGET
    default_error_messages = {
        "invalid": _("Enter a real date as dd/mm/yyyy, for example 30/03/2026.")
    }
