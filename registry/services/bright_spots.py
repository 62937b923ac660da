"""Creating, editing, withdrawing and reviewing bright spots (R5, R10, R31)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import versions
from core.uploads import clean_display_name
from organisation.models import AuditEntry
from organisation.routing import level_units
from organisation.services.audit import audit_record
from registry import bright_spot_parts
from registry.deadlines import period_for, registration_window
from registry.models import BrightSpot, Extension, Milestone, Registration, StaffInCharge

Status = BrightSpot.Status
# What a unit may set on its bright spot; status, routing and review belong to the services.
EDITABLE_FIELDS = [
    "field",
    "level",
    "name",
    "address",
    "objectives",
    "plan",
    "continues",
    "replicates",
]


class ChangedMeanwhile(versions.ChangedMeanwhile):
    message = gettext_lazy(
        "This bright spot was changed by someone else meanwhile. Reload the page to see the change."
    )


def _bump(bright_spot: BrightSpot, *, expected_version: int | None = None, **changes) -> None:
    """Apply a change of state only if nobody changed the row since `expected_version`."""
    versions.bump(bright_spot, ChangedMeanwhile, expected_version=expected_version, **changes)


def _check_values(values: dict) -> None:
    unknown = set(values) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable by a unit: {sorted(unknown)}")


def _check_links(*, unit, year, field, continues, replicates) -> None:
    if continues and (continues.unit_id != unit.pk or continues.year >= year):
        raise ValidationError(
            {"continues": _("Choose a bright spot of an earlier year of this unit.")}
        )
    if replicates and replicates.field != field:
        raise ValidationError({"replicates": _("The model replicated must be of the same field.")})


def _check_level(*, unit, year, level) -> None:
    deadline = period_for(unit.province, year).deadline
    if level not in level_units(unit, deadline):
        raise ValidationError({"level": _("This unit cannot build a bright spot at this level.")})


def _save_children(bright_spot, *, parts, staff, milestones) -> None:
    bright_spot_parts.save_all(bright_spot=bright_spot, values=parts)
    bright_spot.staff.all().delete()
    StaffInCharge.objects.bulk_create(
        [StaffInCharge(bright_spot=bright_spot, **person) for person in staff]
    )
    kept = []
    for row in milestones:
        milestone_id = row.get("id")
        values = {"title": row["title"], "due": row["due"]}
        if milestone_id and bright_spot.milestones.filter(pk=milestone_id).update(**values):
            kept.append(milestone_id)
        else:
            kept.append(Milestone.objects.create(bright_spot=bright_spot, **values).pk)
    bright_spot.milestones.exclude(pk__in=kept).delete()


@transaction.atomic
def bright_spot_create(
    *, unit, year, values: dict, staff, milestones, parts=None, plan_file=None, by
) -> BrightSpot:
    """A new draft bright spot of the unit for the year (R5), while registration is possible (R9)."""
    period = period_for(unit.province, year)
    if not registration_window(period).admit(unit).allowed:
        raise ValidationError(
            _("Registration for %(year)s closed on %(day)s.")
            % {"year": year, "day": period.deadline.strftime("%d/%m/%Y")}
        )
    _check_values(values)
    _check_level(unit=unit, year=year, level=values["level"])
    _check_links(
        unit=unit,
        year=year,
        field=values["field"],
        continues=values.get("continues"),
        replicates=values.get("replicates"),
    )
    registration, _created = Registration.objects.get_or_create(
        unit=unit, year=year, defaults={"province": unit.province}
    )
    bright_spot = BrightSpot(
        province=unit.province,
        unit=unit,
        year=year,
        registration=registration,
        created_by=by,
        **values,
    )
    if plan_file:
        bright_spot.plan_file, bright_spot.plan_file_name = (
            plan_file,
            clean_display_name(plan_file.name),
        )
    bright_spot.save()
    _save_children(bright_spot, parts=parts, staff=staff, milestones=milestones)
    audit_record(
        actor=by,
        action="bright_spot.created",
        target=bright_spot,
        bright_spot=bright_spot,
        to_state=Status.DRAFT,
    )
    return bright_spot


@transaction.atomic
def bright_spot_update(
    *, bright_spot, values: dict, staff, milestones, parts=None, plan_file=None, version: int, by
) -> BrightSpot:
    """Edit a bright spot while it is a draft or returned for revision (R10)."""
    if not bright_spot.is_editable:
        raise ValidationError(
            _("Only a draft or a bright spot returned for revision can be edited.")
        )
    _check_values(values)
    _check_level(unit=bright_spot.unit, year=bright_spot.year, level=values["level"])
    _check_links(
        unit=bright_spot.unit,
        year=bright_spot.year,
        field=values["field"],
        continues=values.get("continues"),
        replicates=values.get("replicates"),
    )
    _bump(bright_spot, expected_version=version)
    for name, value in values.items():
        setattr(bright_spot, name, value)
    if plan_file:
        bright_spot.plan_file, bright_spot.plan_file_name = (
            plan_file,
            clean_display_name(plan_file.name),
        )
    bright_spot.save()
    _save_children(bright_spot, parts=parts, staff=staff, milestones=milestones)
    audit_record(actor=by, action="bright_spot.edited", target=bright_spot, bright_spot=bright_spot)
    return bright_spot


@transaction.atomic
def bright_spot_delete_draft(*, bright_spot, by) -> None:
    """A draft that was never submitted may be deleted; anything submitted is withdrawn instead (R31)."""
    if bright_spot.status != Status.DRAFT or bright_spot.submitted_at:
        raise ValidationError(_("A submitted bright spot cannot be deleted; withdraw it instead."))
    audit_record(
        actor=by,
        action="bright_spot.deleted",
        target=bright_spot,
        from_state=Status.DRAFT,
        data={"name": bright_spot.name},
    )
    # The draft's history stays in the log, found by its target; only the link to the row goes.
    AuditEntry.objects.filter(bright_spot_id=bright_spot.pk).update(bright_spot_id=None)
    bright_spot.delete()


@transaction.atomic
def bright_spot_withdraw(*, bright_spot, reason: str, version: int, by) -> None:
    """The unit withdraws a bright spot; it stays on record as withdrawn (R31)."""
    if bright_spot.status == Status.WITHDRAWN:
        raise ValidationError(_("This bright spot is already withdrawn."))
    if bright_spot.status == Status.DRAFT:
        raise ValidationError(_("A draft that was never submitted is deleted, not withdrawn."))
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the bright spot is withdrawn.")})
    before = bright_spot.status
    _bump(bright_spot, expected_version=version, status=Status.WITHDRAWN)
    audit_record(
        actor=by,
        action="bright_spot.withdrawn",
        target=bright_spot,
        bright_spot=bright_spot,
        from_state=before,
        to_state=Status.WITHDRAWN,
        comment=reason.strip(),
    )


@transaction.atomic
def bright_spot_resubmit(*, bright_spot, version: int, by) -> None:
    """A bright spot returned for revision goes back to its committee (R10).

    The list was on time when first submitted, so the resubmission is not held to the deadline.
    """
    if bright_spot.status != Status.RETURNED:
        raise ValidationError(_("Only a bright spot returned for revision can be resubmitted."))
    _bump(bright_spot, expected_version=version, status=Status.SUBMITTED)
    audit_record(
        actor=by,
        action="bright_spot.resubmitted",
        target=bright_spot,
        bright_spot=bright_spot,
        from_state=Status.RETURNED,
        to_state=Status.SUBMITTED,
    )


@transaction.atomic
def bright_spot_review(*, bright_spot, accept: bool, comment: str, version: int, by) -> None:
    """Committee staff of the receiving committee accept the bright spot or return it with a
    comment (R10). Callers have checked that `by` acts for `bright_spot.recipient`."""
    if bright_spot.status != Status.SUBMITTED:
        raise ValidationError(_("Only a submitted bright spot can be accepted or returned."))
    comment = comment.strip()
    if not accept and not comment:
        raise ValidationError({"comment": _("Say what the unit should revise.")})
    target = Status.ACCEPTED if accept else Status.RETURNED
    _bump(
        bright_spot,
        expected_version=version,
        status=target,
        reviewed_at=timezone.now(),
        reviewed_by=by,
        review_comment=comment,
    )
    audit_record(
        actor=by,
        action="bright_spot.accepted" if accept else "bright_spot.returned",
        target=bright_spot,
        bright_spot=bright_spot,
        from_state=Status.SUBMITTED,
        to_state=target,
        comment=comment,
    )


@transaction.atomic
def extension_grant(*, committee, unit, year: int, kind: str, until, reason: str, by) -> Extension:
    """Committee staff give a unit of their committee's scope more time, to a date, with a
    reason (R9). The caller has checked that `by` acts for `committee` (R30)."""
    if not unit.is_within(committee.level_unit):
        raise ValidationError({"unit": _("Choose a unit within the committee's scope.")})
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason for the extension.")})
    if until < timezone.localdate():
        raise ValidationError({"until": _("The new date must not be in the past.")})
    extension, created = Extension.objects.update_or_create(
        unit=unit,
        year=year,
        kind=kind,
        defaults={
            "province": unit.province,
            "until": until,
            "reason": reason,
            "granted_by": by,
            "granted_at": timezone.now(),
        },
    )
    audit_record(
        actor=by,
        action="extension.granted",
        target=extension,
        to_state=until.isoformat(),
        comment=reason,
        data={
            "unit": unit.pk,
            "year": year,
            "kind": kind,
            "committee": committee.pk,
            "replaced": not created,
        },
    )
    return extension


@transaction.atomic
def extension_refuse(*, committee, unit, year: int, kind: str, reason: str, by):
    """Committee staff answer a unit's request for more time with a refusal and its reason
    (R9, R36): nothing changes for the unit but the record, and the unit is told why. The
    caller has checked that `by` acts for `committee` (R30)."""
    if not unit.is_within(committee.level_unit):
        raise ValidationError({"unit": _("Choose a unit within the committee's scope.")})
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason for refusing the extension.")})
    return audit_record(
        actor=by,
        action="extension.refused",
        target=unit,
        province=unit.province,
        comment=reason,
        data={"unit": unit.pk, "year": year, "kind": kind, "committee": committee.pk},
    )
