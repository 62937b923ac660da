"""The committee's side of a dossier (R18): assign reviewers, score, request a supplement,
propose recognition or not."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.text import nfc
from recognition.checklist import require_complete
from recognition.models import Dossier, Review, Score, Verdict
from recognition.selectors.dossiers import committee_staff
from recognition.services.common import audit_record, bump

Status = Dossier.Status


@transaction.atomic
def reviewers_assign(*, committee, dossiers, reviewers, by) -> int:
    """Assign reviewers to several dossiers at once (R18). Only the committee's own submitted
    dossiers and its own staff; a reviewer already assigned stays as they were. Answers the
    number of new assignments."""
    if not reviewers:
        raise ValidationError({"reviewers": _("Choose at least one reviewer.")})
    if not dossiers:
        raise ValidationError({"dossiers": _("Tick at least one dossier.")})
    allowed = set(committee_staff(committee).values_list("pk", flat=True))
    if any(r.pk not in allowed for r in reviewers):
        raise ValidationError({"reviewers": _("Reviewers must be staff of the committee.")})
    if any(d.committee_id != committee.pk or d.status != Status.SUBMITTED for d in dossiers):
        raise ValidationError(
            {
                "dossiers": _(
                    "Reviewers can be assigned only to submitted dossiers of the committee."
                )
            }
        )
    created = 0
    for dossier in dossiers:
        names, ids = [], []
        for reviewer in reviewers:
            _review, new = Review.objects.get_or_create(
                dossier=dossier, reviewer=reviewer, defaults={"assigned_by": by}
            )
            if new:
                created += 1
                names.append(str(reviewer))
                ids.append(reviewer.pk)
        if names:
            audit_record(
                actor=by,
                action="dossier.reviewers_assigned",
                target=dossier,
                bright_spot=dossier.bright_spot,
                comment=", ".join(names),
                data={"reviewers": ids},  # R36: each new reviewer is told
            )
    return created


@transaction.atomic
def review_save(*, review: Review, scores: dict, comment: str = "", by) -> Review:
    """A reviewer scores every criterion of the dossier (R18): met, partly met or not met, with
    a comment. Only the assigned reviewer, only while the dossier is under review; scores can be
    changed until the committee proposes.

    `scores` maps a criterion id to (verdict, comment).
    """
    dossier = review.dossier
    if review.reviewer_id != by.pk:
        raise ValidationError(_("Only the assigned reviewer scores this review."))
    if dossier.status != Status.SUBMITTED:
        raise ValidationError(_("Scores can be given only while the dossier is under review."))
    require_complete(dossier, "score")
    criteria = list(dossier.criteria_set.criteria.all())
    missing = [c.code for c in criteria if (scores.get(c.pk) or ("",))[0] not in Verdict.values]
    if missing:
        raise ValidationError(
            _("Score every criterion; missing: %(codes)s.") % {"codes": ", ".join(missing)}
        )
    Score.objects.filter(review=review).delete()
    Score.objects.bulk_create(
        [
            Score(
                review=review,
                criterion=c,
                verdict=scores[c.pk][0],
                comment=nfc(scores[c.pk][1] or "").strip(),
            )
            for c in criteria
        ]
    )
    first = review.completed_at is None
    review.comment, review.completed_at = nfc(comment).strip(), timezone.now()
    review.save(update_fields=["comment", "completed_at"])
    audit_record(
        actor=by,
        action="dossier.scored" if first else "dossier.rescored",
        target=dossier,
        bright_spot=dossier.bright_spot,
        data={
            "met": sum(1 for c in criteria if scores[c.pk][0] == Verdict.MET),
            "partly": sum(1 for c in criteria if scores[c.pk][0] == Verdict.PARTLY),
            "not_met": sum(1 for c in criteria if scores[c.pk][0] == Verdict.NOT_MET),
        },
    )
    return review


@transaction.atomic
def supplement_request(*, dossier: Dossier, note: str, due, version: int, by) -> Dossier:
    """Send the dossier back to the unit for a supplement, with what to add and a due date
    (R18). The unit completes it and submits again by that date. While the dossier is with the
    unit, the committee may change the request or give a later date (the only way past a due
    date that has gone by)."""
    if dossier.status not in (Status.SUBMITTED, Status.SUPPLEMENT):
        raise ValidationError(
            _("A supplement can be requested only while the dossier is under review.")
        )
    note = nfc(note).strip()
    errors = {}
    if not note:
        errors["note"] = _("Say what the unit should add.")
    if due is None or due < timezone.localdate():
        errors["due"] = _("Give a due date from today on.")
    if errors:
        raise ValidationError(errors)
    before = dossier.status
    bump(
        dossier,
        expected_version=version,
        status=Status.SUPPLEMENT,
        supplement_note=note,
        supplement_due=due,
    )
    audit_record(
        actor=by,
        action="dossier.supplement_requested",
        target=dossier,
        bright_spot=dossier.bright_spot,
        from_state=before,
        to_state=Status.SUPPLEMENT,
        comment=note,
        data={"due": due.isoformat()},
    )
    return dossier


@transaction.atomic
def dossier_propose(
    *, dossier: Dossier, recognize: bool, reasons: str, version: int, by
) -> Dossier:
    """The committee's proposal after scoring (R18, R19): recognize, or not recognize with the
    reasons, which the unit sees. At least one reviewer must have scored the dossier."""
    if dossier.status != Status.SUBMITTED:
        raise ValidationError(_("Only a dossier under review can be proposed."))
    require_complete(dossier, "propose")
    reasons = nfc(reasons).strip()
    if not recognize and not reasons:
        raise ValidationError(
            {"reasons": _("Give the reasons for not recognizing: the unit will read them.")}
        )
    if not dossier.reviews.filter(completed_at__isnull=False).exists():
        raise ValidationError(_("At least one reviewer must score the dossier first."))
    target = Status.PROPOSED if recognize else Status.NOT_RECOGNIZED
    bump(
        dossier,
        expected_version=version,
        status=target,
        proposed_at=timezone.now(),
        proposed_by=by,
        proposal_reasons=reasons,
    )
    audit_record(
        actor=by,
        action="dossier.proposed" if recognize else "dossier.not_recognized",
        target=dossier,
        bright_spot=dossier.bright_spot,
        from_state=Status.SUBMITTED,
        to_state=target,
        comment=reasons,
    )
    return dossier
