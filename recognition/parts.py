"""Recognition's parts of the bright spot form and page (registry.bright_spot_parts): the criteria
a bright spot targets (R12–R14), the recognized model it replicates (R24), and where its
recognition stands (R17)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from recognition.selectors import criteria_sets_for, replicable_bright_spots
from registry.bright_spot_parts import BrightSpotPart


class TargetedCriteria(BrightSpotPart):
    """The criteria are chosen by code ("general-3", "qcdc-5"), so that a general criterion means
    the same whichever field is chosen; the field's own criteria set decides which row is stored."""

    name = "criteria"
    form_template = "recognition/_bright_spot_form_criteria.html"
    main_template = "recognition/_bright_spot_criteria.html"

    def add_fields(self, form, *, unit, year):
        form.criteria_by_code = {}
        choices = []
        for field, criteria_set in criteria_sets_for(unit.province, year).items():
            for criterion in criteria_set.criteria.all():
                group = "general" if criterion.group == "general" else field
                code = f"{group}-{criterion.number}"
                if group == "general" and code in form.criteria_by_code:
                    form.criteria_by_code[code][field] = criterion
                    continue
                form.criteria_by_code.setdefault(code, {})[field] = criterion
                choices.append((code, f"{criterion.code} — {criterion.text}"))
        form.fields["targeted"] = forms.MultipleChoiceField(
            label=_("Targeted criteria"),
            required=False,
            widget=forms.CheckboxSelectMultiple,
            choices=choices,
            help_text=_(
                "The general criteria and the specific criteria of the bright spot's field it aims to meet."
            ),
        )
        if form.instance.pk:
            form.initial["targeted"] = [
                f"{'general' if c.group == 'general' else c.criteria_set.field}-{c.number}"
                for c in form.instance.criteria.select_related("criteria_set")
            ]

    def clean(self, form, cleaned):
        field = cleaned.get("field")
        chosen = []
        for code in cleaned.get("targeted", []):
            group = code.split("-")[0]
            if group not in ("general", field):
                form.add_error(
                    "targeted", _("Specific criteria must be those of the bright spot's field.")
                )
                break
            criterion = form.criteria_by_code.get(code, {}).get(field)
            if criterion:
                chosen.append(criterion)
        cleaned["criteria"] = chosen

    def value(self, form):
        return form.cleaned_data.get("criteria", [])

    def save(self, *, bright_spot, value):
        bright_spot.criteria.set(value or [])

    def page(self, bright_spot):
        return {
            "criteria": list(
                bright_spot.criteria.select_related("criteria_set").order_by("group", "number")
            )
        }


class Replication(BrightSpotPart):
    """A new bright spot may replicate a recognized one of the province (R24)."""

    name = "replication"

    def add_fields(self, form, *, unit, year):
        form.fields["replicates"].queryset = replicable_bright_spots(unit.province)


class RecognitionStatus(BrightSpotPart):
    name = "recognition"
    side_template = "recognition/_bright_spot_recognition.html"
