"""The yearly follow-up of a recognized bright spot (R40, seed 000 §V)."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.text import nfc
from recognition.models import Dossier, FollowUp
from recognition.services.common import audit_record

Outcome = FollowUp.Outcome


@transaction.atomic
def follow_up_record(*, dossier: Dossier, year: int, outcome: str, reason: str, by) -> FollowUp:
    """Record the committee's review of a recognized bright spot for a year after its
    recognition (R40): still effective, needs improvement, or no longer a model — the last two
    with a reason. One review a year; nothing is erased: a bright spot no longer a model leaves
    the public library (R24) and its verification page says so (R21), its history stays, and
    it is not reviewed again."""
    dossier = Dossier.objects.select_for_update().get(pk=dossier.pk)
    reason = nfc(reason or "").strip()
    errors = {}
    if dossier.status != Dossier.Status.RECOGNIZED:
        raise ValidationError(_("Only a recognized bright spot is followed up."))
    if dossier.follow_ups.filter(outcome=Outcome.NO_LONGER_MODEL).exists():
        raise ValidationError(_("This bright spot is no longer a model: it is not reviewed again."))
    this_year = timezone.localdate().year
    if not year or year <= dossier.year or year > this_year:
        errors["year"] = _("Choose a year after %(first)s and at most %(last)s.") % {
            "first": dossier.year,
            "last": this_year,
        }
    elif dossier.follow_ups.filter(year=year).exists():
        errors["year"] = _("The review of %(year)s is already recorded.") % {"year": year}
    if outcome not in Outcome.values:
        errors["outcome"] = _("Choose the outcome of the review.")
    elif outcome != Outcome.EFFECTIVE and not reason:
        errors["reason"] = _("Give the reason.")
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            follow_up = FollowUp.objects.create(
                province=dossier.province, dossier=dossier, year=year, outcome=outcome,
                reason=reason, recorded_by=by,
            )  # fmt: skip
    except IntegrityError:  # another member of staff recorded the year a moment ago
        raise ValidationError(
            {"year": _("The review of %(year)s is already recorded.") % {"year": year}}
        ) from None
    audit_record(
        actor=by,
        action="dossier.followed_up",
        target=dossier,
        bright_spot=dossier.bright_spot,
        to_state=outcome,
        comment=reason,
        data={"year": year},
    )
    return follow_up
