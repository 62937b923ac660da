"""Commendation (R22): the 5-year proposal to the Emulation and Reward Council and its outcomes;
the units' yearly commendations."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.text import nfc
from recognition.models import (
    CommendationEntry,
    CommendationProposal,
    Outcome,
    UnitCommendation,
    cycle_of,
)
from recognition.selectors.commendation import eligible_recognitions
from recognition.services.common import audit_record
from registry.models import BrightSpot


@transaction.atomic
def commendation_proposal_create(*, committee, period_start: int, council: str, by):
    """Start a committee's proposal for a 5-year period (R22): 2021–2025, 2026–2030, …"""
    start, end = cycle_of(period_start)
    council = nfc(council).strip()
    if start != period_start:
        raise ValidationError({"period_start": _("Periods run 2021–2025, 2026–2030 and so on.")})
    if start > timezone.localdate().year:
        raise ValidationError({"period_start": _("This period has not begun.")})
    if not council:
        raise ValidationError({"council": _("Name the Emulation and Reward Council.")})
    try:
        with transaction.atomic():
            proposal = CommendationProposal.objects.create(
                province=committee.province, committee=committee, period_start=start,
                period_end=end, council=council, created_by=by,
            )  # fmt: skip
    except IntegrityError:
        raise ValidationError(
            {"period_start": _("The committee already has a proposal for this period.")}
        ) from None
    audit_record(actor=by, action="commendation.created", target=proposal)
    return proposal


@transaction.atomic
def commendation_select(*, proposal, recognitions, by) -> int:
    """Set the bright spots the committee proposes (R22): recognized during the period by this
    committee. Only while the proposal is being prepared. Answers the number selected."""
    if proposal.status != CommendationProposal.Status.DRAFT:
        raise ValidationError(_("The proposal was sent; its list can no longer change."))
    allowed = set(eligible_recognitions(proposal).values_list("pk", flat=True))
    chosen = [r for r in recognitions if r.pk in allowed]
    if len(chosen) != len(recognitions):
        raise ValidationError(
            _("Only bright spots recognized during the period by this committee can be proposed.")
        )
    chosen.sort(
        key=lambda r: (r.dossier.year, r.dossier.unit.name_sort, r.dossier.bright_spot.name_sort)
    )
    proposal.entries.exclude(recognition__in=chosen).delete()
    kept = set(proposal.entries.values_list("recognition_id", flat=True))
    CommendationEntry.objects.bulk_create(
        [
            CommendationEntry(proposal=proposal, recognition=r, position=0)
            for r in chosen
            if r.pk not in kept
        ]
    )
    order = {r.pk: i for i, r in enumerate(chosen, 1)}
    entries = list(proposal.entries.all())
    for entry in entries:
        entry.position = order[entry.recognition_id]
    CommendationEntry.objects.bulk_update(entries, ["position"])
    audit_record(
        actor=by, action="commendation.selected", target=proposal, data={"count": len(chosen)}
    )
    return len(chosen)


@transaction.atomic
def commendation_send(*, proposal, by):
    """The proposal goes to the Council (R22): its list is then fixed and outcomes can be
    recorded."""
    if proposal.status != CommendationProposal.Status.DRAFT:
        raise ValidationError(_("The proposal was already sent."))
    if not proposal.entries.exists():
        raise ValidationError(_("Select at least one bright spot first."))
    proposal.status, proposal.sent_at = CommendationProposal.Status.SENT, timezone.now()
    proposal.save(update_fields=["status", "sent_at"])
    audit_record(
        actor=by,
        action="commendation.sent",
        target=proposal,
        from_state=CommendationProposal.Status.DRAFT,
        to_state=CommendationProposal.Status.SENT,
    )
    return proposal


@transaction.atomic
def commendation_outcome_record(*, entry, outcome: str, reference: str, by):
    """Record what the Council decided for a proposed bright spot (R22): Certificate of Merit
    (Bằng khen), Letter of Commendation (Giấy khen), or none."""
    if entry.proposal.status != CommendationProposal.Status.SENT:
        raise ValidationError(_("Outcomes are recorded once the proposal was sent."))
    if outcome not in Outcome.values or outcome == Outcome.PENDING:
        raise ValidationError({"outcome": _("Choose the Council's decision.")})
    before = entry.outcome
    entry.outcome, entry.outcome_reference = outcome, nfc(reference).strip()
    entry.outcome_recorded_at, entry.outcome_recorded_by = timezone.now(), by
    entry.save()
    audit_record(
        actor=by,
        action="commendation.outcome",
        target=entry.proposal,
        bright_spot=entry.recognition.dossier.bright_spot,
        from_state=before,
        to_state=outcome,
        comment=entry.outcome_reference,
    )
    return entry


@transaction.atomic
def unit_commendation_record(*, unit, bright_spot, form: str, reference: str, note: str, by):
    """A unit records the commendation it gave one of its effective bright spots this year
    (R22). Once per bright spot and year."""
    if bright_spot.unit_id != unit.pk or bright_spot.status != BrightSpot.Status.ACCEPTED:
        raise ValidationError(
            {"bright_spot": _("Choose one of the unit's bright spots accepted by its committee.")}
        )
    if not nfc(form).strip():
        raise ValidationError({"form": _("Say how the bright spot was commended.")})
    try:
        with transaction.atomic():
            commendation = UnitCommendation.objects.create(
                province=unit.province, unit=unit, bright_spot=bright_spot, year=bright_spot.year,
                form=form, reference=reference, note=note, recorded_by=by,
            )  # fmt: skip
    except IntegrityError:
        raise ValidationError(
            {"bright_spot": _("This bright spot's commendation for the year is already recorded.")}
        ) from None
    audit_record(
        actor=by,
        action="unit_commendation.recorded",
        target=commendation,
        bright_spot=bright_spot,
        comment=commendation.form,
    )
    return commendation
