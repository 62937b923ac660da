"""Decisions of recognition (R19): record one with its annex, annul one with a reason."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from core import documents
from core.text import nfc
from recognition.checklist import first_incomplete, incomplete_error, step_refusals
from recognition.models import Decision, Dossier, Recognition
from recognition.services.common import ChangedMeanwhile, audit_record

Status = Dossier.Status


def _number_taken(authority, number: int, day) -> ValidationError:
    return ValidationError(
        {
            "number": _(
                "%(authority)s already has Decision %(number)s in %(year)s. Numbers restart each "
                "year but never repeat within one."
            )
            % {
                "authority": authority.name,
                "number": documents.document_number(number, authority.decision_symbol),
                "year": day.year,
            }
        },
        code="number_taken",
    )


@transaction.atomic
def decision_record(
    *, committee, authority, number: int, date, dossiers, by, legal_bases: str | None = None
) -> Decision:
    """Record a Decision recognizing the proposed dossiers of a committee (R19).

    The number is unique per issuing authority and calendar year: checked first for a clear
    message, and by the database constraint when two staff record at the same moment. The date
    cannot be before any dossier's submission nor after today. All dossiers must be proposed
    for recognition, of this committee and of one year; each becomes recognized in the same
    transaction (a recognized dossier has a Decision: a database constraint).
    """
    errors = {}
    if (
        authority.province_id != committee.province_id
        or authority.level_unit_id != committee.level_unit_id
    ):
        errors["authority"] = _("Choose an authority of the committee's level.")
    elif not authority.active:
        errors["authority"] = _("This authority no longer issues Decisions.")
    if not number or number <= 0:
        errors["number"] = _("The number is a whole number from 1 on.")
    if date > timezone.localdate():
        errors["date"] = _("A Decision cannot be dated after today.")
    if not dossiers:
        errors["dossiers"] = _("Tick the bright spots the Decision recognizes.")
    if errors:
        raise ValidationError(errors)

    dossiers = sorted(dossiers, key=lambda d: (d.unit.name_sort, d.bright_spot.name_sort, d.pk))
    if any(d.committee_id != committee.pk or d.status != Status.PROPOSED for d in dossiers):
        raise ValidationError(
            {
                "dossiers": _(
                    "Only dossiers this committee proposed for recognition can be recognized."
                )
            }
        )
    incomplete = first_incomplete(dossiers)
    if incomplete:
        dossier, parts = incomplete
        error = incomplete_error(parts, step_refusals()["decide"], name=dossier.bright_spot.name)
        raise ValidationError({"dossiers": error.messages})
    years = {d.year for d in dossiers}
    if len(years) > 1:
        raise ValidationError(
            {"dossiers": _("One Decision recognizes the bright spots of one year.")}
        )
    late = [d for d in dossiers if timezone.localdate(d.submitted_at) > date]
    if late:
        raise ValidationError(
            {
                "date": _(
                    "The Decision cannot be dated before the dossier was submitted: "
                    "%(name)s was submitted on %(day)s."
                )
                % {
                    "name": late[0].bright_spot.name,
                    "day": timezone.localdate(late[0].submitted_at).strftime("%d/%m/%Y"),
                }
            }
        )
    if Decision.objects.filter(authority=authority, year=date.year, number=number).exists():
        raise _number_taken(authority, number, date)

    decision = Decision(
        province=committee.province, committee=committee, authority=authority, number=number,
        date=date, recognition_year=years.pop(), authority_name=authority.name,
        parent_name=authority.parent_name, place_name=authority.place_name,
        symbol=authority.decision_symbol, signing_form=authority.signing_form,
        signer_title=authority.signer_title, signer_name=authority.signer_name,
        legal_bases=nfc(authority.legal_bases if legal_bases is None else legal_bases).strip(),
        recorded_by=by,
    )  # fmt: skip
    try:
        with transaction.atomic():
            decision.save()
    except IntegrityError:  # another member of staff took the number a moment ago
        raise _number_taken(authority, number, date) from None

    # A conditional update: a dossier taken into another Decision meanwhile is not taken twice.
    ids = [d.pk for d in dossiers]
    updated = Dossier.objects.filter(pk__in=ids, status=Status.PROPOSED, decision=None).update(
        status=Status.RECOGNIZED, decision=decision, version=F("version") + 1
    )
    if updated != len(ids):
        raise ChangedMeanwhile
    Recognition.objects.bulk_create(
        [Recognition(decision=decision, dossier=d, position=i) for i, d in enumerate(dossiers, 1)]
    )
    audit_record(
        actor=by,
        action="decision.recorded",
        target=decision,
        to_state=Decision.Status.IN_FORCE,
        data={"dossiers": ids, "number": decision.number_and_symbol},
    )
    for dossier in dossiers:
        audit_record(
            actor=by,
            action="dossier.recognized",
            target=dossier,
            bright_spot=dossier.bright_spot,
            from_state=Status.PROPOSED,
            to_state=Status.RECOGNIZED,
            comment=decision.reference,
        )
    return decision


@transaction.atomic
def decision_annul(*, decision: Decision, reason: str, by) -> Decision:
    """Annul a Decision, with a reason (R19, R31). Nothing is deleted: its recognitions stay on
    record and their certificates read as revoked (R21); its dossiers go back to "proposed", so
    that a new Decision may recognize them again. An annulled Decision is never used again."""
    reason = nfc(reason).strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason for the annulment.")})
    claimed = Decision.objects.filter(pk=decision.pk, status=Decision.Status.IN_FORCE).update(
        status=Decision.Status.ANNULLED,
        annulled_at=timezone.now(),
        annulled_by=by,
        annulment_reason=reason,
    )
    if not claimed:
        raise ValidationError(_("This Decision is already annulled."))
    decision.refresh_from_db()
    dossiers = list(Dossier.objects.filter(decision=decision).select_related("bright_spot"))
    Dossier.objects.filter(decision=decision).update(
        status=Status.PROPOSED, decision=None, version=F("version") + 1
    )
    audit_record(
        actor=by,
        action="decision.annulled",
        target=decision,
        from_state=Decision.Status.IN_FORCE,
        to_state=Decision.Status.ANNULLED,
        comment=reason,
    )
    for dossier in dossiers:
        audit_record(
            actor=by,
            action="dossier.recognition_annulled",
            target=dossier,
            bright_spot=dossier.bright_spot,
            from_state=Status.RECOGNIZED,
            to_state=Status.PROPOSED,
            comment=f"{decision.reference}: {reason}",
        )
    return decision
