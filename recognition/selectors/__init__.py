"""Reads and access checks for recognition. Every view asks one of these first (R30): an object
outside the user's scope is a 404, an object they may read but not change is a 403."""

from recognition.selectors.commendation import (
    commendable_bright_spots,
    committee_proposals,
    get_proposal_for_user,
    proposal_candidates,
    proposal_entries,
    unit_commendations,
)
from recognition.selectors.criteria import criteria_set_for, criteria_sets_for
from recognition.selectors.decisions import (
    authorities_for,
    certificate_by_serial,
    certificate_progress,
    committee_decisions,
    decision_recognitions,
    get_certificate_for_user,
    get_decision_for_staff,
    get_decision_for_user,
    next_decision_number,
    proposed_dossiers,
)
from recognition.selectors.dossiers import (
    acts_for_dossier_committee,
    committee_dossiers,
    dossier_assessments,
    dossier_page,
    dossiers_to_complete,
    dossiers_to_review,
    get_bright_spot_for_dossier,
    get_dossier_for_committee,
    get_dossier_for_user,
    get_review_for_user,
    reviewer_choices,
    unit_recognition,
)
from recognition.selectors.library import (
    PUBLIC_FIELDS,
    get_public_bright_spot,
    library_list,
    library_provinces,
    library_search,
    library_years,
    public_bright_spots,
    public_record,
    public_records,
    public_replications,
    with_spread,
)


def replicable_bright_spots(province):
    """Bright spots a new one may replicate (R24): those recognized, newest first."""
    from recognition.models import Dossier
    from registry.models import BrightSpot

    return BrightSpot.objects.filter(
        province=province, dossier__status=Dossier.Status.RECOGNIZED
    ).order_by("-year", "name_sort")


__all__ = [
    "PUBLIC_FIELDS",
    "acts_for_dossier_committee",
    "authorities_for",
    "certificate_by_serial",
    "certificate_progress",
    "committee_decisions",
    "commendable_bright_spots",
    "committee_dossiers",
    "committee_proposals",
    "criteria_set_for",
    "criteria_sets_for",
    "decision_recognitions",
    "dossier_assessments",
    "dossier_page",
    "dossiers_to_complete",
    "dossiers_to_review",
    "get_bright_spot_for_dossier",
    "get_certificate_for_user",
    "get_decision_for_staff",
    "get_decision_for_user",
    "get_dossier_for_committee",
    "get_dossier_for_user",
    "get_proposal_for_user",
    "get_public_bright_spot",
    "get_review_for_user",
    "library_list",
    "library_provinces",
    "library_search",
    "library_years",
    "next_decision_number",
    "proposal_candidates",
    "proposal_entries",
    "proposed_dossiers",
    "public_bright_spots",
    "public_record",
    "public_records",
    "public_replications",
    "replicable_bright_spots",
    "reviewer_choices",
    "unit_commendations",
    "unit_recognition",
    "with_spread",
]
