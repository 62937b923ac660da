"""Supervision and inspection (seed 000 §V, R40)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.text import nfc
from organisation.services.audit import audit_record
from registry.models import Inspection


@transaction.atomic
def inspection_record(
    *, committee, unit, bright_spot=None, date, team: str, findings: str, requests: str = "",
    follow_up_due=None, by,
) -> Inspection:  # fmt: skip
    """Record an inspection of a unit of the committee's level, or of one of its bright spots
    (R40): when, by whom, what was found, what is asked, and by when the unit follows up. The
    unit sees it and answers; an unanswered follow-up past its date counts as overdue. Only an
    oversight committee (the Mass Mobilization Committee, Home Affairs) inspects."""
    if not committee.oversight:
        raise PermissionDenied(_("Only the Mass Mobilization Committee and Home Affairs inspect."))
    team, findings, requests = (nfc(v or "").strip() for v in (team, findings, requests))
    errors = {}
    if unit.province_id != committee.province_id or not unit.is_within(committee.level_unit):
        errors["unit"] = _("Choose a unit within the committee's scope.")
    if bright_spot is not None and bright_spot.unit_id != unit.pk:
        errors["bright_spot"] = _("Choose a bright spot of this unit.")
    today = timezone.localdate()
    if date is None or date > today:
        errors["date"] = _("An inspection cannot be dated after today.")
    if follow_up_due is not None and date is not None and follow_up_due < date:
        errors["follow_up_due"] = _("The follow-up is due on or after the inspection.")
    if not team:
        errors["team"] = _("Name the inspection team.")
    if not findings:
        errors["findings"] = _("Write what the inspection found.")
    if errors:
        raise ValidationError(errors)
    inspection = Inspection.objects.create(
        province=committee.province, committee=committee, unit=unit, bright_spot=bright_spot,
        date=date, team=team, findings=findings, requests=requests, follow_up_due=follow_up_due,
        recorded_by=by,
    )  # fmt: skip
    audit_record(
        actor=by, action="inspection.recorded", target=inspection, province=committee.province,
        bright_spot=bright_spot, comment=findings, data={"unit": unit.pk},
    )  # fmt: skip
    return inspection


@transaction.atomic
def inspection_answer(*, inspection: Inspection, answer: str, by) -> Inspection:
    """The unit answers the inspection's requests, once (R40, R31)."""
    answer = nfc(answer or "").strip()
    if not answer:
        raise ValidationError({"answer": _("Write the unit's answer.")})
    claimed = Inspection.objects.filter(pk=inspection.pk, answered_at=None).update(
        answer=answer, answered_at=timezone.now(), answered_by=by
    )
    if not claimed:
        raise ValidationError(_("The unit has already answered this inspection."))
    inspection.refresh_from_db()
    audit_record(
        actor=by, action="inspection.answered", target=inspection,
        province=inspection.province, bright_spot=inspection.bright_spot, comment=answer,
    )  # fmt: skip
    return inspection
