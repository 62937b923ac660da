from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import DateField
from core.text import nfc
from core.uploads import UploadField, sniff
from organisation.models import Level
from registry import bright_spot_parts
from registry.models import BrightSpot, Extension, Milestone
from registry.services.bright_spots import EDITABLE_FIELDS


class BrightSpotForm(forms.ModelForm):
    """The bright spot itself (R5); staff in charge and milestones come as formsets beside it,
    and other apps add their parts (registry.bright_spot_parts: the targeted criteria…)."""

    plan_file = UploadField(label=_("Plan document"), required=False)

    class Meta:
        model = BrightSpot
        fields = EDITABLE_FIELDS
        widgets = {
            "field": forms.RadioSelect,
            "objectives": forms.Textarea(attrs={"rows": 3}),
            "plan": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, unit, year: int, levels: dict, previous, **kwargs):
        super().__init__(*args, **kwargs)
        # A required choice drawn as radios offers no blank "---------" button: nothing is
        # ticked until the official chooses.
        self.fields["field"].choices = [c for c in self.fields["field"].choices if c[0] != ""]
        # Nearest level first (the one that usually recognizes the unit's bright spots, R40),
        # each named with the unit whose committee receives it.
        labels = dict(Level.choices)
        self.fields["level"].choices = [
            (value, f"{labels[value]} — {level_unit}") for value, level_unit in levels.items()
        ]
        if levels and not self.is_bound and not self.initial.get("level"):
            self.initial["level"] = next(iter(levels))
        self.fields["continues"].queryset = previous
        # Only recognized models may be replicated: the recognition part offers them.
        self.fields["replicates"].queryset = BrightSpot.objects.none()
        for part in bright_spot_parts.PARTS:
            part.add_fields(self, unit=unit, year=year)

    def clean_name(self):
        return nfc(self.cleaned_data["name"]).strip()

    def clean(self):
        cleaned = super().clean()
        for part in bright_spot_parts.PARTS:
            part.clean(self, cleaned)
        return cleaned

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}

    def part_values(self) -> dict:
        return bright_spot_parts.values_of(self)


class _OptionalRow(forms.Form):
    """A row of a formset. An extra row left empty is optional (the formset skips it), so its
    fields are not marked required until the official starts filling it in; once they do, the
    row is validated whole (Django's `empty_permitted`). The formset's own rule ("at least
    one") is told under the section's heading."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.empty_permitted and not (self.is_bound and self.has_changed()):
            for field in self.fields.values():
                field.required = False


class StaffForm(_OptionalRow):
    name = forms.CharField(label=_("Full name"), max_length=150)
    position = forms.CharField(label=_("Position"), max_length=150)
    phone = forms.RegexField(
        label=_("Phone"),
        max_length=20,
        required=False,
        regex=r"^[0-9 +().-]{6,20}$",
        error_messages={
            "invalid": _("Enter a phone number using digits, spaces and + ( ) . - only.")
        },
    )
    email = forms.EmailField(label=_("E-mail"), required=False)


class MilestoneForm(_OptionalRow):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    title = forms.CharField(label=_("Milestone"), max_length=300)
    due = DateField(label=_("Due by"))


class _AtLeastOne(forms.BaseFormSet):
    message = ""

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        if not [f for f in self.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]:
            raise forms.ValidationError(self.message)

    def rows(self) -> list[dict]:
        return [
            {k: v for k, v in f.cleaned_data.items() if k != "DELETE"}
            for f in self.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]


class StaffFormSet(forms.formset_factory(StaffForm, formset=_AtLeastOne, extra=2, can_delete=True)):
    message = _("Name at least one person in charge of monitoring and directing the bright spot.")


class MilestoneFormSet(
    forms.formset_factory(MilestoneForm, formset=_AtLeastOne, extra=3, can_delete=True)
):
    message = _("Give the plan at least one milestone with its date.")


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("accept", _("Accept")), ("return", _("Return for revision"))]
    )
    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class WithdrawForm(VersionForm):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class ExtensionForm(forms.Form):
    unit = forms.IntegerField(
        widget=forms.HiddenInput, error_messages={"required": _("Choose a unit.")}
    )
    kind = forms.ChoiceField(label=_("For"), choices=Extension.Kind.choices)
    until = DateField(label=_("Until (inclusive)"), required=False)
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))
    # The "Refuse" button: the unit asked for more time and is told why not (R9, R36).
    refuse = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("refuse") and not cleaned.get("until") and "until" not in self.errors:
            self.add_error("until", _("Give the date the extension runs to."))
        return cleaned


class LevelPlanForm(forms.Form):
    """A level's yearly plan (R40)."""

    number = forms.CharField(label=_("Number and symbol"), max_length=60)
    date = DateField(label=_("Date of the plan"))
    target_qcdc = forms.IntegerField(
        label=_("QCDC bright spots planned"), min_value=0, max_value=10_000
    )
    target_dvcq = forms.IntegerField(
        label=_("DVCQ bright spots planned"), min_value=0, max_value=10_000
    )
    document = UploadField(label=_("Plan document"), required=False)


class InspectionForm(forms.Form):
    """An inspection of a unit or one of its bright spots (R40)."""

    unit = forms.IntegerField(
        widget=forms.HiddenInput, min_value=1, max_value=2**31 - 1,
        error_messages={"required": _("Choose a unit.")},
    )  # fmt: skip
    bright_spot = forms.IntegerField(
        label=_("Bright spot (number, optional)"), required=False, min_value=1,
        max_value=2**31 - 1,
    )  # fmt: skip
    date = DateField(label=_("Date of the inspection"))
    team = forms.CharField(label=_("Inspection team"), max_length=300)
    findings = forms.CharField(label=_("Findings"), widget=forms.Textarea(attrs={"rows": 3}))
    requests = forms.CharField(
        label=_("Requests to the unit"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    follow_up_due = DateField(label=_("Follow-up due by"), required=False)


class InspectionAnswerForm(forms.Form):
    answer = forms.CharField(label=_("The unit's answer"), widget=forms.Textarea(attrs={"rows": 3}))


class ProgressForm(forms.Form):
    day = DateField(label=_("Date"))
    milestone = forms.ModelChoiceField(
        label=_("Milestone"), queryset=Milestone.objects.none(), required=False
    )
    text = forms.CharField(label=_("What was done"), widget=forms.Textarea(attrs={"rows": 3}))
    evidence = UploadField(label=_("Evidence"), required=False)

    def __init__(self, *args, bright_spot, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["milestone"].queryset = bright_spot.milestones.all()


class MilestoneUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Milestone.Status.choices)
    percent = forms.IntegerField(label=_("Progress (%)"), min_value=0, max_value=100)


class AnnualReportForm(forms.Form):
    # Nothing is required to save a draft; submitting checks that the report is complete.
    summary = forms.CharField(
        label=_("Overall results this year"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    next_year_plan = forms.CharField(
        label=_("Plan for next year"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, bright_spots, items: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.bright_spots = bright_spots
        for bright_spot in bright_spots:
            item = items.get(bright_spot.pk)
            self.fields[f"results_{bright_spot.pk}"] = forms.CharField(
                label=_("Results of “%(name)s” this year") % {"name": bright_spot.name},
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                initial=item.results if item else "",
            )
            self.fields[f"next_{bright_spot.pk}"] = forms.CharField(
                label=_("Next steps"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=item.next_steps if item else "",
            )

    def results(self) -> dict:
        return {
            b.pk: (self.cleaned_data[f"results_{b.pk}"], self.cleaned_data[f"next_{b.pk}"])
            for b in self.bright_spots
        }


class SignedPaperForm(forms.Form):
    """A paper the unit generated, signed and scanned or signed digitally: a PDF (R32)."""

    file = UploadField(label=_("Signed PDF"), help_text=_("PDF, up to 20 MB."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs["accept"] = ".pdf"

    def clean_file(self):
        file = self.cleaned_data["file"]
        if sniff(file) != "pdf":
            raise forms.ValidationError(_("Upload the signed paper as a PDF file."), code="not_pdf")
        file.seek(0)
        return file
