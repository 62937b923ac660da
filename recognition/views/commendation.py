"""Commendation (R22): the committee's 5-year proposal (select, send, PDF and Excel, outcomes)
and the units' yearly commendations."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.renditions import rendition_redirect
from organisation.scope import scope_for
from organisation.selectors import get_committee_for_user, get_unit_for_user
from recognition import documents, selectors, services
from recognition.forms import (
    OutcomeForm,
    ProposalCreateForm,
    SelectionForm,
    UnitCommendationForm,
    attach_errors,
)
from recognition.models import cycle_of


def _cycles() -> list[tuple[int, int]]:
    """Periods that have begun, newest first: 2026–2030, 2021–2025."""
    cycles, year = [], timezone.localdate().year
    while year >= 2021:
        cycles.append(cycle_of(year))
        year = cycles[-1][0] - 1
    return cycles


@login_required
def committee_commendation(request, pk: int):
    committee = get_committee_for_user(request.user, pk)
    acts = scope_for(request.user).acts_for_committee(committee)
    form = ProposalCreateForm(
        request.POST or None,
        cycles=_cycles(),
        initial={"council": documents.council_name(committee.province)},
    )
    if request.method == "POST":
        committee = get_committee_for_user(request.user, pk, write=True)
        if form.is_valid():
            try:
                proposal = services.commendation_proposal_create(
                    committee=committee, period_start=form.cleaned_data["period_start"],
                    council=form.cleaned_data["council"], by=request.user,
                )  # fmt: skip
            except ValidationError as error:
                attach_errors(form, error)
            else:
                return redirect("recognition:proposal-detail", proposal.pk)
    context = {
        "committee": committee, "acts": acts, "form": form,
        "proposals": selectors.committee_proposals(committee),
    }  # fmt: skip
    return render(request, "recognition/committee_commendation.html", context)


@login_required
def proposal_detail(request, pk: int):
    proposal = selectors.get_proposal_for_user(request.user, pk)
    acts = scope_for(request.user).acts_for_committee(proposal.committee)
    entries = selectors.proposal_entries(proposal)
    # The candidates are chosen from only while the proposal is a draft (the template's form).
    choosing = acts and proposal.status == proposal.Status.DRAFT
    context = {
        "proposal": proposal, "acts": acts, "entries": entries,
        "candidates": selectors.proposal_candidates(proposal) if choosing else [],
        "selected": {e.recognition_id for e in entries}, "outcome_form": OutcomeForm(),
    }  # fmt: skip
    return render(request, "recognition/proposal_detail.html", context)


@login_required
@require_POST
def proposal_select(request, pk: int):
    proposal = selectors.get_proposal_for_user(request.user, pk, write=True)
    form = SelectionForm(request.POST, candidates=selectors.proposal_candidates(proposal))
    if form.is_valid():
        try:
            count = services.commendation_select(
                proposal=proposal,
                recognitions=list(form.cleaned_data["recognitions"].select_related(
                    "dossier__unit", "dossier__bright_spot"
                )),
                by=request.user,
            )  # fmt: skip
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("%(n)s bright spot(s) on the proposal.") % {"n": count})
    else:
        messages.error(
            request, _("Only bright spots recognized during the period can be proposed.")
        )
    return redirect("recognition:proposal-detail", proposal.pk)


@login_required
@require_POST
def proposal_send(request, pk: int):
    proposal = selectors.get_proposal_for_user(request.user, pk, write=True)
    try:
        services.commendation_send(proposal=proposal, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The proposal is recorded as sent to the Council."))
    return redirect("recognition:proposal-detail", proposal.pk)


@login_required
@require_POST
def proposal_outcome(request, pk: int, entry: int):
    proposal = selectors.get_proposal_for_user(request.user, pk, write=True)
    target = next((e for e in selectors.proposal_entries(proposal) if e.pk == entry), None)
    form = OutcomeForm(request.POST)
    if target is None or not form.is_valid():
        messages.error(request, _("Choose the Council's decision."))
    else:
        try:
            services.commendation_outcome_record(
                entry=target, outcome=form.cleaned_data["outcome"],
                reference=form.cleaned_data["reference"], by=request.user,
            )  # fmt: skip
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The outcome was recorded."))
    return redirect("recognition:proposal-detail", proposal.pk)


@login_required
@require_GET
def proposal_pdf(request, pk: int):
    proposal = selectors.get_proposal_for_user(request.user, pk)
    return rendition_redirect(request, "recognition.proposal_pdf", {"proposal": proposal.pk},
                              title=documents.proposal_title(proposal))  # fmt: skip


@login_required
@require_GET
def proposal_docx(request, pk: int):
    """The proposal as a Word draft in the same format, for editing before signing (R41)."""
    proposal = selectors.get_proposal_for_user(request.user, pk)
    return rendition_redirect(request, "recognition.proposal_docx", {"proposal": proposal.pk},
                              title=documents.proposal_title(proposal))  # fmt: skip


@login_required
@require_GET
def proposal_xlsx(request, pk: int):
    proposal = selectors.get_proposal_for_user(request.user, pk)
    return rendition_redirect(request, "recognition.proposal_xlsx", {"proposal": proposal.pk},
                              title=documents.proposal_title(proposal))  # fmt: skip


@login_required
def unit_commendations(request, pk: int):
    """A unit's yearly commendations of its bright spots, and the form to record one (R22)."""
    unit = get_unit_for_user(request.user, pk)
    acts = scope_for(request.user).acts_for_unit(unit)
    form = UnitCommendationForm(
        request.POST or None, bright_spots=selectors.commendable_bright_spots(unit)
    )
    if request.method == "POST":
        unit = get_unit_for_user(request.user, pk, write=True)
        if form.is_valid():
            try:
                services.unit_commendation_record(unit=unit, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                attach_errors(form, error)
            else:
                messages.success(request, _("The commendation was recorded."))
                return redirect("recognition:unit-commendations", unit.pk)
    context = {
        "unit": unit, "acts": acts, "form": form,
        "commendations": selectors.unit_commendations(unit),
    }  # fmt: skip
    return render(request, "recognition/unit_commendations.html", context)
