"""The lists that the summary's figures link to: the bright spots or the units a figure counts.

A figure is "how many match these filters" (`reporting.summary`); its list applies the very same
filters, so the number on the dashboard and the length of the list are equal by construction.
"""

from django import forms
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from organisation.models import Field, Level, Unit
from recognition.models import CommendationEntry, Outcome, UnitCommendation
from registry.models import BrightSpot, ProgressEntry, Timeliness
from reporting.areas import REGISTERED, Area
from reporting.facts import UnitFact, recognition_columns
from reporting.summary import YearSummary
from reporting.tally import (
    BOTH,
    COMMENDED,
    DOSSIER_SUBMITTED,
    EXTENDED,
    IN_REVIEW,
    MISSING,
    NONE,
    NOT_DUE,
    NOT_RECOGNIZED,
    NOT_SUBMITTED,
    ON_TIME,
    ONE,
    RECOGNIZED,
    RECORDED,
    SUBMITTED_DOSSIERS,
)
from reporting.units import HISTORICAL, VIEWS

SPOT_STATUSES = [
    ("registered", _("Registered (not withdrawn)")),
    *[(v, label) for v, label in BrightSpot.Status.choices if v != BrightSpot.Status.DRAFT],
]
NOT_BOTH = "not_both"
VIEW_CHOICES = [(HISTORICAL, _("As registered that year")), ("current", _("By today's units"))]


def _select(choices, label):
    return forms.ChoiceField(
        label=label, choices=[("", "—"), *choices], required=False, widget=forms.HiddenInput
    )


class GroupForm(forms.Form):
    """Which row of the summary: a unit, a locality, a type of unit, under a view (R2)."""

    view = forms.ChoiceField(choices=VIEW_CHOICES, required=False)
    unit = forms.IntegerField(required=False, widget=forms.HiddenInput)
    locality = forms.IntegerField(required=False, widget=forms.HiddenInput)
    kind = _select(Unit.Kind.choices, _("Type of unit"))

    def unit_ids(self, area: Area) -> set[int] | None:
        """Units of that year whose bright spots and unit-years the row counts (None: all)."""
        data = self.cleaned_data if self.is_valid() else {}
        view = data.get("view") or HISTORICAL
        unit, locality, kind = data.get("unit"), data.get("locality"), data.get("kind")
        if unit is None and locality is None and not kind:
            return None
        units, root = area.units, area.units[area.root.pk]
        chosen = set()
        for pk in area.unit_ids:
            row = units.row(pk, view)
            if unit is not None and row != unit:
                continue
            if locality is not None and units.locality(row, root) != locality:
                continue
            if kind and units[row].kind != kind:
                continue
            chosen.add(pk)
        return chosen


class SpotFilterForm(GroupForm):
    field = _select(Field.choices, _("Field"))
    level = _select(Level.choices, _("Level"))
    status = _select(SPOT_STATUSES, _("Status"))
    timeliness = _select(Timeliness.choices, _("On time"))
    progress = _select([(RECORDED, _("Progress recorded"))], _("Progress"))
    dossier = _select(
        [(DOSSIER_SUBMITTED, _("Dossier submitted")), (RECOGNIZED, _("Recognized")),
         (NOT_RECOGNIZED, _("Not recognized")), (IN_REVIEW, _("Under review"))],
        _("Recognition"),
    )  # fmt: skip
    commended = _select([(COMMENDED, _("Commended by the unit"))], _("Commendation"))
    council = _select(
        [("merit", _("Certificate of Merit")), ("commendation", _("Letter of Commendation"))],
        _("Council's outcome"),
    )

    def filter(self, area: Area, year: int):
        data = self.cleaned_data if self.is_valid() else {}
        queryset = area.bright_spots([year])
        status = data.get("status") or "registered"
        if status == "registered":
            queryset = queryset.filter(status__in=REGISTERED)
        else:
            queryset = queryset.filter(status=status)
        for name in ("field", "level", "timeliness"):
            if data.get(name):
                queryset = queryset.filter(**{name: data[name]})
        if data.get("progress") == RECORDED:
            queryset = queryset.filter(
                Exists(ProgressEntry.objects.filter(bright_spot=OuterRef("pk")))
            )
        # Each as a join or a semi-join on the bright spot's key, never a sub-query per row.
        dossier = data.get("dossier")
        if dossier:
            queryset = queryset.annotate(dossier_state=recognition_columns()["dossier_state"])
            if dossier == DOSSIER_SUBMITTED:
                queryset = queryset.filter(dossier_state__in=SUBMITTED_DOSSIERS)
            else:
                queryset = queryset.filter(dossier_state=dossier)
        if data.get("commended"):
            commended = UnitCommendation.objects.filter(year=year, bright_spot__isnull=False)
            queryset = queryset.filter(pk__in=commended.values("bright_spot_id"))
        if data.get("council"):
            queryset = queryset.filter(pk__in=_council(data["council"]))
            if data["council"] == Outcome.COMMENDATION:  # merit ranks above it (as the summary)
                queryset = queryset.exclude(pk__in=_council(Outcome.MERIT))
        unit_ids = self.unit_ids(area)
        if unit_ids is not None:
            queryset = queryset.filter(unit_id__in=sorted(unit_ids))
        # As the inbox: the long texts a list never shows stay in the database.
        return (
            queryset.select_related("unit")
            .defer("objectives", "plan", "search_text")
            .order_by("unit__name_sort", "name_sort", "pk")
        )


def _council(outcome: str):
    """The bright spots the Emulation and Reward Council gave this outcome (R22)."""
    entries = CommendationEntry.objects.filter(
        outcome=outcome, recognition__dossier__bright_spot__isnull=False
    )
    return entries.values("recognition__dossier__bright_spot_id")


class UnitFilterForm(GroupForm):
    compliance = _select(
        [(BOTH, _("Both fields")), (ONE, _("One field")), (NONE, _("Nothing")),
         (NOT_BOTH, _("One field or nothing"))],
        _("Registered"),
    )  # fmt: skip
    registration = _select(
        [(ON_TIME, _("On time")), (EXTENDED, _("Under an extension")),
         (NOT_SUBMITTED, _("Not submitted"))],
        _("List"),
    )  # fmt: skip
    report = _select(
        [(ON_TIME, _("On time")), (EXTENDED, _("Under an extension")),
         (MISSING, _("Missing")), (NOT_DUE, _("Not due"))],
        _("Annual report"),
    )  # fmt: skip

    def filter(self, area: Area, year_summary: YearSummary) -> list[UnitFact]:
        data = self.cleaned_data if self.is_valid() else {}
        unit_ids = self.unit_ids(area)
        wanted = {k: data[k] for k in ("compliance", "registration", "report") if data.get(k)}
        not_both = wanted.get("compliance") == NOT_BOTH
        if not_both:
            del wanted["compliance"]
        facts = [
            f
            for f in year_summary.facts
            if (unit_ids is None or f.unit.pk in unit_ids)
            and all(getattr(f, k) == v for k, v in wanted.items())
            and not (not_both and f.compliance == BOTH)
        ]
        return sorted(facts, key=lambda f: f.unit.name_sort)


def described(form: forms.Form) -> list[tuple[str, str]]:
    """The active filters as (label, value) for the list's heading."""
    if not form.is_valid():
        return []
    shown = []
    for name, value in form.cleaned_data.items():
        if name in ("view", "unit", "locality") or value in (None, ""):
            continue
        choices = dict(form.fields[name].choices)
        shown.append((str(form.fields[name].label), str(choices.get(value, value))))
    return shown


__all__ = ["VIEWS", "SpotFilterForm", "UnitFilterForm"]
