"""Supervision and inspection (seed 000 §V, R40): the inspecting agency records, the unit
answers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from core.years import year_param
from organisation.scope import scope_for
from organisation.selectors import get_committee_for_user, units_for_user
from registry import selectors, services
from registry.forms import InspectionAnswerForm, InspectionForm
from registry.selectors import bright_spot_of_unit


def _show_errors(form, error) -> None:
    for field, errors in error.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


@login_required
def committee_inspections(request, pk: int):
    """The agency's inspections of the year, and the form to record one."""
    committee = get_committee_for_user(request.user, pk, write=request.method == "POST")
    if request.method == "POST" and not committee.oversight:
        raise PermissionDenied  # only the Mass Mobilization Committee and Home Affairs (R40)
    year = year_param(request)
    form = InspectionForm(request.POST or None)
    unit = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        unit = units_for_user(request.user).filter(pk=data["unit"]).first()
        spot = None
        if data["bright_spot"] and unit is not None:
            spot = bright_spot_of_unit(unit, data["bright_spot"])
        if unit is None:
            form.add_error("unit", _("Choose a unit within the committee's scope."))
        elif data["bright_spot"] and spot is None:
            form.add_error("bright_spot", _("Choose a bright spot of this unit."))
        else:
            try:
                services.inspection_record(
                    committee=committee, unit=unit, bright_spot=spot, date=data["date"],
                    team=data["team"], findings=data["findings"], requests=data["requests"],
                    follow_up_due=data["follow_up_due"], by=request.user,
                )  # fmt: skip
            except ValidationError as error:
                _show_errors(form, error)
            else:
                messages.success(request, _("The inspection was recorded."))
                return redirect("registry:committee-inspections", committee.pk)
    context = {
        "committee": committee,
        "form": form,
        "year": year,
        "chosen_unit": unit,
        "acts": committee.oversight and scope_for(request.user).acts_for_committee(committee),
        "inspections": selectors.committee_inspections(committee, year),
        "today": timezone.localdate(),
    }
    return render(request, "registry/inspections.html", context)


@login_required
def inspection_detail(request, pk: int):
    """The inspection as the agency recorded it; its unit's officials answer here."""
    inspection = selectors.get_inspection_for_user(
        request.user, pk, answer=request.method == "POST"
    )
    form = InspectionAnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.inspection_answer(
                inspection=inspection, answer=form.cleaned_data["answer"], by=request.user
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                _show_errors(form, error)
            else:
                form.add_error(None, error)
        else:
            messages.success(request, _("Your answer was sent."))
            return redirect("registry:inspection-detail", inspection.pk)
    context = {
        "inspection": inspection,
        "form": form,
        "answers": scope_for(request.user).acts_for_unit(inspection.unit),
        "overdue": inspection.is_overdue(timezone.localdate()),
    }
    return render(request, "registry/inspection_detail.html", context)
