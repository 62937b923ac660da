"""Forms of recognition. They check the shape of input; the rules live in the services."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import connections
from django.utils.translation import gettext_lazy as _

from core.forms import DateField
from core.text import nfc
from core.uploads import UploadField, sniff
from recognition.models import AchievementLevel, FollowUp, Outcome, Recognition, Verdict
from recognition.models.settings import SERIAL_CHARACTERS
from registry.forms import VersionForm

TEXTAREA = {"rows": 3}


def attach_errors(form, error) -> None:
    """Show a service's ValidationError at the field it names (R34), or above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


class ChoicesById(forms.ModelMultipleChoiceField):
    """Objects ticked in a list, sent back as their ids. An id larger than any the database can
    hold (2**63, say) is an invalid choice like any other (R34): Django's own field would pass
    it to an IN query, which SQLite refuses with an OverflowError, a server error."""

    def _check_values(self, value):
        bounds = self._id_bounds()
        for item in value if bounds else ():
            try:
                number = int(item)
            except (TypeError, ValueError):
                continue  # not a number at all: Django's field refuses it
            if not bounds[0] <= number <= bounds[1]:
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": item},
                )
        return super()._check_values(value)

    def _id_bounds(self) -> tuple[int, int] | None:
        meta = self.queryset.model._meta
        key = meta.get_field(self.to_field_name) if self.to_field_name else meta.pk
        try:
            return connections[self.queryset.db].ops.integer_field_range(key.get_internal_type())
        except KeyError:  # not an integer key
            return None


class _Clean:
    """Text fields arrive in NFC without surrounding spaces (R33)."""

    def clean(self):
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            if isinstance(value, str):
                cleaned[name] = nfc(value).strip()
        return cleaned


class ReportForm(_Clean, VersionForm):
    """Part 1: every criterion's level, how, evidence; then method, experience, effectiveness,
    spread. Nothing is required to save: the checklist says what is still missing."""

    method = forms.CharField(
        label=_("Method"),
        required=False,
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text=_("How the bright spot was built: the steps, who did what."),
    )
    experience = forms.CharField(
        label=_("Experience drawn"), required=False, widget=forms.Textarea(attrs=TEXTAREA)
    )
    effectiveness = forms.CharField(
        label=_("Effectiveness"),
        required=False,
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text=_("Results in figures where possible."),
    )
    spread = forms.CharField(
        label=_("Spread"),
        required=False,
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text=_("Where else the model is applied, and how widely it is known."),
    )
    report_file = UploadField(label=_("Signed report (optional)"), required=False)

    def __init__(self, *args, assessments, **kwargs):
        super().__init__(*args, **kwargs)
        self.assessments = assessments
        for row in assessments:
            key = row.criterion_id
            self.fields[f"level_{key}"] = forms.ChoiceField(
                label=_("Level reached"),
                choices=[("", "—"), *AchievementLevel.choices],
                required=False,
                initial=row.level,
            )
            self.fields[f"text_{key}"] = forms.CharField(
                label=_("How it was reached"), required=False, initial=row.text,
                widget=forms.Textarea(attrs={"rows": 2}),
            )  # fmt: skip
            self.fields[f"evidence_{key}"] = forms.CharField(
                label=_("Evidence"), required=False, initial=row.evidence,
                widget=forms.Textarea(attrs={"rows": 2}),
            )  # fmt: skip

    def rows(self):
        """(assessment, level field, text field, evidence field) for the template."""
        return [
            (a, self[f"level_{a.criterion_id}"], self[f"text_{a.criterion_id}"],
             self[f"evidence_{a.criterion_id}"])
            for a in self.assessments
        ]  # fmt: skip

    def assessment_values(self) -> dict:
        return {
            a.criterion_id: {
                "level": self.cleaned_data[f"level_{a.criterion_id}"],
                "text": self.cleaned_data[f"text_{a.criterion_id}"],
                "evidence": self.cleaned_data[f"evidence_{a.criterion_id}"],
            }
            for a in self.assessments
        }


class EvaluationForm(_Clean, VersionForm):
    evaluation_by = forms.CharField(
        label=_("Evaluated by"),
        max_length=300,
        required=False,
        help_text=_(
            "e.g. Ban Dân vận Đảng ủy xã, or the officers in charge of grassroots democracy"
        ),
    )
    evaluation_summary = forms.CharField(
        label=_("Summary of the evaluation"), required=False, widget=forms.Textarea(attrs=TEXTAREA)
    )
    evaluation_file = UploadField(label=_("Evaluation document"), required=False)


class DispatchForm(_Clean, VersionForm):
    dispatch_number = forms.CharField(
        label=_("Number and symbol"),
        max_length=60,
        required=False,
        help_text=_("e.g. 45/TTr-UBND"),
    )
    dispatch_date = DateField(label=_("Date of the dispatch"), required=False)
    dispatch_signer = forms.CharField(label=_("Signed by"), max_length=150, required=False)
    dispatch_file = UploadField(label=_("Signed dispatch"), required=False)


class ScoreForm(_Clean, forms.Form):
    """A reviewer's verdict on every criterion (R18)."""

    comment = forms.CharField(
        label=_("Overall comment"), required=False, widget=forms.Textarea(attrs=TEXTAREA)
    )

    def __init__(self, *args, assessments, scores: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.assessments = assessments
        for row in assessments:
            score = scores.get(row.criterion_id)
            self.fields[f"verdict_{row.criterion_id}"] = forms.ChoiceField(
                label=row.criterion.code,
                choices=Verdict.choices,
                widget=forms.RadioSelect,
                initial=score.verdict if score else None,
                error_messages={"required": _("Choose a verdict for this criterion.")},
            )
            self.fields[f"comment_{row.criterion_id}"] = forms.CharField(
                label=_("Comment"), required=False, initial=score.comment if score else "",
                widget=forms.Textarea(attrs={"rows": 2}),
            )  # fmt: skip

    def rows(self):
        return [
            (a, self[f"verdict_{a.criterion_id}"], self[f"comment_{a.criterion_id}"])
            for a in self.assessments
        ]

    def scores(self) -> dict:
        return {
            a.criterion_id: (
                self.cleaned_data[f"verdict_{a.criterion_id}"],
                self.cleaned_data[f"comment_{a.criterion_id}"],
            )
            for a in self.assessments
        }


class AssignForm(forms.Form):
    """Several dossiers, one or more reviewers (R18)."""

    dossiers = ChoicesById(
        queryset=None, error_messages={"required": _("Tick at least one dossier.")}
    )
    reviewers = ChoicesById(
        label=_("Reviewers"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one reviewer.")},
    )

    def __init__(self, *args, dossiers, reviewers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["dossiers"].queryset = dossiers
        self.fields["reviewers"].queryset = reviewers
        self.fields["reviewers"].label_from_instance = lambda user: str(user)


class SupplementForm(_Clean, VersionForm):
    note = forms.CharField(label=_("What to supplement"), widget=forms.Textarea(attrs=TEXTAREA))
    due = DateField(label=_("Due by (inclusive)"))


class ProposalForm(_Clean, VersionForm):
    proposal = forms.ChoiceField(
        label=_("The committee proposes"),
        choices=[("recognize", _("Recognize")), ("not_recognize", _("Not recognize"))],
        widget=forms.RadioSelect,
    )
    reasons = forms.CharField(
        label=_("Reasons"),
        required=False,
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text=_("Required when not recognizing: the unit reads them."),
    )


class FollowUpForm(_Clean, forms.Form):
    """The yearly review of a recognized bright spot (R40)."""

    year = forms.IntegerField(label=_("Year reviewed"), min_value=2000, max_value=2100)
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=FollowUp.Outcome.choices, widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs=TEXTAREA),
        help_text=_("Required unless the model is still effective."),
    )


class DecisionForm(_Clean, forms.Form):
    authority = forms.ModelChoiceField(
        label=_("Issuing authority"), queryset=None, empty_label=None
    )
    number = forms.IntegerField(
        label=_("Number"),
        min_value=1,
        max_value=99999,
        help_text=_("As in the office's register: numbers restart on 1 January."),
    )
    date = DateField(label=_("Date of the Decision"))
    dossiers = ChoicesById(
        label=_("Bright spots recognized (the annex)"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Tick the bright spots the Decision recognizes.")},
    )
    legal_bases = forms.CharField(
        label=_("Legal bases"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Leave empty to print the authority's usual bases."),
    )

    def __init__(self, *args, authorities, dossiers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["authority"].queryset = authorities
        self.fields["dossiers"].queryset = dossiers
        self.fields["dossiers"].label_from_instance = lambda d: (
            f"{d.bright_spot.name} — {d.unit.name}"
        )


class AnnulForm(_Clean, forms.Form):
    reason = forms.CharField(
        label=_("Reason for the annulment"), widget=forms.Textarea(attrs=TEXTAREA)
    )


class VerifyForm(forms.Form):
    serial = forms.CharField(label=_("Serial number"), max_length=40)

    def clean_serial(self) -> str:
        """A serial holds only what a serial format may print: anything else is no serial."""
        serial = self.cleaned_data["serial"].strip()
        if not set(serial) <= SERIAL_CHARACTERS:
            raise ValidationError(
                _(
                    "A serial may hold only letters without accents, digits and - . / _ (at most 40)."
                )
            )
        return serial


class DecisionFinalForm(forms.Form):
    """The Decision as the office edited and signed it, filed back as its final document (R41)."""

    file = UploadField(
        label=_("The signed Decision (PDF)"),
        help_text=_("The PDF signed digitally, showing this Decision's number and date."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs["accept"] = ".pdf,application/pdf"

    def clean_file(self):
        file = self.cleaned_data["file"]
        if sniff(file, inspect=False) != "pdf":
            raise ValidationError(_("Upload the signed Decision as a PDF file."), code="not_pdf")
        return file


class VerifyFileForm(forms.Form):
    """A certificate or Decision as a PDF file, to check its signature and record (R41)."""

    file = UploadField(
        label=_("The PDF file of a certificate or Decision"),
        help_text=_("PDF, up to 20 MB. The file is checked and not kept."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs["accept"] = ".pdf,application/pdf"

    def clean_file(self):
        file = self.cleaned_data["file"]
        if sniff(file, inspect=False) != "pdf":
            raise ValidationError(
                _("Upload the certificate or Decision as a PDF file."), code="not_pdf"
            )
        return file


class ProposalCreateForm(_Clean, forms.Form):
    period_start = forms.TypedChoiceField(label=_("Period"), coerce=int)
    council = forms.CharField(label=_("Emulation and Reward Council"), max_length=300)

    def __init__(self, *args, cycles, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period_start"].choices = [(s, f"{s}–{e}") for s, e in cycles]


class SelectionForm(forms.Form):
    recognitions = ChoicesById(
        label=_("Bright spots proposed"), queryset=None, required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recognitions"].queryset = Recognition.objects.filter(
            pk__in=[c.pk for c in candidates]
        )


class OutcomeForm(_Clean, forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=[c for c in Outcome.choices if c[0] != Outcome.PENDING]
    )
    reference = forms.CharField(
        label=_("Decision on the commendation"), max_length=150, required=False,
        help_text=_("e.g. Quyết định số 3120/QĐ-UBND ngày 20/12/2025"),
    )  # fmt: skip


class UnitCommendationForm(_Clean, forms.Form):
    bright_spot = forms.ModelChoiceField(label=_("Bright spot"), queryset=None)
    form = forms.CharField(
        label=_("Form of commendation"),
        max_length=200,
        help_text=_("e.g. Giấy khen của Chủ tịch UBND xã"),
    )
    reference = forms.CharField(
        label=_("Number and date of the decision"), max_length=150, required=False
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, bright_spots, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bright_spot"].queryset = bright_spots
        self.fields["bright_spot"].label_from_instance = lambda b: f"{b.year} · {b.name}"
