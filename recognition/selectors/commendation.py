"""Commendation (R22): access to a committee's proposals and a unit's commendations."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from organisation.scope import scope_for
from recognition.models import CommendationProposal, Recognition, UnitCommendation
from registry.models import BrightSpot


def get_proposal_for_user(user, pk: int, *, write: bool = False) -> CommendationProposal:
    """Read by the committee's staff, provincial staff and administrators (404 for others);
    changed only by the committee's staff (403)."""
    proposal = (
        CommendationProposal.objects.select_related("committee__level_unit", "province")
        .filter(pk=pk)
        .first()
    )
    scope = scope_for(user)
    if proposal is None or not scope.can_read_committee(proposal.committee):
        raise Http404
    if write and not scope.acts_for_committee(proposal.committee):
        raise PermissionDenied
    return proposal


def committee_proposals(committee):
    return committee.commendation_proposals.order_by("-period_start")


def proposal_entries(proposal):
    return list(
        proposal.entries.select_related(
            "recognition__decision",
            "recognition__dossier__bright_spot",
            "recognition__dossier__unit",
        ).order_by("position")  # fmt: skip
    )


def proposal_candidates(proposal):
    """Bright spots recognized during the period that the committee may propose."""
    return list(
        eligible_recognitions(proposal)
        .select_related("decision", "dossier__bright_spot", "dossier__unit")
        .order_by("dossier__year", "dossier__unit__name_sort", "dossier__bright_spot__name_sort")
    )


def unit_commendations(unit):
    return (
        UnitCommendation.objects.filter(unit=unit)
        .select_related("bright_spot", "recorded_by")
        .order_by("-year", "bright_spot__name_sort")
    )


def commendable_bright_spots(unit):
    """The unit's accepted bright spots, which it may commend (R22)."""
    return BrightSpot.objects.filter(unit=unit, status=BrightSpot.Status.ACCEPTED).order_by(
        "-year", "name_sort"
    )


def eligible_recognitions(proposal):
    """Bright spots the committee recognized during the period, by Decisions still in force."""
    return Recognition.objects.filter(
        decision__committee=proposal.committee,
        decision__status="in_force",
        dossier__year__gte=proposal.period_start,
        dossier__year__lte=proposal.period_end,
    )
