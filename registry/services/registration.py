"""Submitting a unit's yearly list (R7, R8, R9) and the annual report (R11)."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from organisation.models import Field
from organisation.routing import router
from organisation.services.audit import audit_record
from registry.deadlines import period_for, registration_window
from registry.models import BrightSpot, Registration
from registry.selectors import missing_fields

Status = BrightSpot.Status


@dataclass(frozen=True)
class SubmitResult:
    registration: Registration
    submitted: int  # bright spots sent by this call (0 when a double click arrives second)


def _missing_message(missing: list[str]) -> str:
    if len(missing) == 2:
        return _("The list needs at least one QCDC and one DVCQ bright spot; it has neither yet.")
    if missing == [Field.QCDC]:
        return _("The list has no QCDC bright spot (grassroots democracy) yet: add at least one.")
    return _(
        "The list has no DVCQ bright spot (government mass mobilization) yet: add at least one."
    )


@transaction.atomic
def registration_submit(*, unit, year: int, by) -> SubmitResult:
    """Submit the unit's list for the year in one action.

    R7: the list must hold at least one QCDC and one DVCQ bright spot. R9: before the deadline
    (inclusive, server clock, Asia/Ho_Chi_Minh), or under an extension, which is recorded.
    R8: each bright spot is routed to its field's committee of its level, whose staff are told
    in the app and by e-mail (R36, reminders.events: a durable job, it goes out even if Redis is
    down at this moment). The registration
    row is locked, so a double click or a second tab submits once.
    """
    registration, _created = Registration.objects.get_or_create(
        unit=unit, year=year, defaults={"province": unit.province}
    )
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    live = list(registration.bright_spots.filter(status__in=BrightSpot.LIVE))
    drafts = [b for b in live if b.status == Status.DRAFT]
    if not drafts and registration.status == Registration.Status.SUBMITTED:
        return SubmitResult(registration, 0)
    missing = missing_fields(live)
    if missing:
        raise ValidationError(_missing_message(missing), code="missing_field")

    now = timezone.now()
    period = period_for(unit.province, year)
    admission = registration_window(period).admit(unit, now)
    if not admission.allowed:
        raise ValidationError(
            _(
                "The registration deadline (%(day)s) has passed. Ask your committee for an extension."
            )
            % {"day": period.deadline.strftime("%d/%m/%Y")},
            code="deadline_passed",
        )

    routed: dict[int, list[int]] = {}
    rule_for = router(unit, period.deadline)
    for bright_spot in drafts:
        rule = rule_for(bright_spot)
        updated = BrightSpot.objects.filter(pk=bright_spot.pk, status=Status.DRAFT).update(
            status=Status.SUBMITTED,
            submitted_at=now,
            timeliness=admission.timeliness,
            recipient=rule.recipient,
            via=rule.via,
            copy_to=rule.copy_to,
            version=bright_spot.version + 1,
        )
        if updated:
            routed.setdefault(rule.recipient_id, []).append(bright_spot.pk)
            audit_record(
                actor=by,
                action="bright_spot.submitted",
                target=bright_spot,
                bright_spot=bright_spot,
                from_state=Status.DRAFT,
                to_state=Status.SUBMITTED,
                data={"timeliness": admission.timeliness, "recipient": rule.recipient_id},
            )
    # R8, R36: the staff of each receiving committee are told what arrived (reminders listens
    # to these two actions); a later call sends bright spots added to a submitted list.
    sent = {str(committee_id): ids for committee_id, ids in routed.items()}
    if registration.status != Registration.Status.SUBMITTED:
        registration.status = Registration.Status.SUBMITTED
        registration.submitted_at, registration.submitted_by = now, by
        registration.timeliness = admission.timeliness
        registration.save()
        audit_record(
            actor=by,
            action="registration.submitted",
            target=registration,
            from_state=Registration.Status.DRAFT,
            to_state=Registration.Status.SUBMITTED,
            data={"timeliness": admission.timeliness, "bright_spots": len(drafts), "sent": sent},
        )
    elif sent:
        audit_record(
            actor=by,
            action="registration.resubmitted",
            target=registration,
            from_state=Registration.Status.SUBMITTED,
            to_state=Registration.Status.SUBMITTED,
            data={"timeliness": admission.timeliness, "bright_spots": len(drafts), "sent": sent},
        )
    return SubmitResult(registration, len(drafts))
