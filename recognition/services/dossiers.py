"""The unit's side of recognition: start a dossier, complete its three parts, submit it inside
the window, answer a supplement request (R16, R17, R18)."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.text import nfc
from core.uploads import clean_display_name
from recognition.checklist import incomplete_error, missing_parts
from recognition.deadlines import recognition_period_for, window_of
from recognition.models import AchievementLevel, Assessment, Dossier
from recognition.selectors.criteria import criteria_set_for
from recognition.services.common import audit_record, bump
from registry.deadlines import end_of_day
from registry.models import BrightSpot

Status = Dossier.Status


def _editable(dossier: Dossier) -> None:
    """A dossier is changed while it is prepared inside the window (or an extension), or while
    a supplement is requested, until the date the committee gave (R16, R18)."""
    if not dossier.is_editable:
        raise ValidationError(
            _("The dossier can be changed only while it is prepared or a supplement is requested.")
        )
    if dossier.status == Status.DRAFT:
        _require_window(dossier.province, dossier.year, dossier.committee, dossier.unit)
    elif timezone.now() >= end_of_day(dossier.supplement_due):
        raise _supplement_late(dossier)


def _require_window(province, year: int, committee, unit) -> None:
    """Dossiers are opened and prepared only inside the recognition window of the committee's
    level, or under the unit's extension (R9, R16)."""
    period = recognition_period_for(province, year, committee.level_unit)
    if not window_of(period).admit(unit).allowed:
        raise ValidationError(
            _(
                "Dossiers for %(year)s are opened and prepared from %(opens)s to %(closes)s; "
                "outside these dates the committee can grant an extension."
            )
            % {
                "year": year,
                "opens": period.opens.strftime("%d/%m/%Y"),
                "closes": period.closes.strftime("%d/%m/%Y"),
            },
            code="window_closed",
        )


def _supplement_late(dossier) -> ValidationError:
    return ValidationError(
        _("The supplement was due by %(day)s. Ask the committee for a new date.")
        % {"day": dossier.supplement_due.strftime("%d/%m/%Y")},
        code="supplement_late",
    )


@transaction.atomic
def dossier_start(*, bright_spot: BrightSpot, by) -> Dossier:
    """Start the recognition dossier of an accepted bright spot (R17), assessed against the
    criteria in force for its field and year, which it keeps for good (R15). Starting twice
    answers the dossier already started."""
    existing = Dossier.objects.filter(bright_spot=bright_spot).first()
    if existing:
        return existing
    if bright_spot.status != BrightSpot.Status.ACCEPTED:
        raise ValidationError(
            _("Only a bright spot accepted by its committee can be proposed for recognition.")
        )
    _require_window(bright_spot.province, bright_spot.year, bright_spot.recipient, bright_spot.unit)
    criteria_set = criteria_set_for(bright_spot.province, bright_spot.field, bright_spot.year)
    if criteria_set is None:
        raise ValidationError(_("No criteria are set for this field and year yet."))
    try:
        with transaction.atomic():
            dossier = Dossier.objects.create(
                province=bright_spot.province,
                unit=bright_spot.unit,
                bright_spot=bright_spot,
                year=bright_spot.year,
                field=bright_spot.field,
                committee=bright_spot.recipient,
                criteria_set=criteria_set,
                created_by=by,
            )
    except IntegrityError:  # started at the same moment in another tab
        return Dossier.objects.get(bright_spot=bright_spot)
    Assessment.objects.bulk_create(
        [Assessment(dossier=dossier, criterion=c) for c in criteria_set.criteria.all()]
    )
    audit_record(
        actor=by,
        action="dossier.created",
        target=dossier,
        bright_spot=bright_spot,
        to_state=Status.DRAFT,
        data={"criteria_set": criteria_set.pk},
    )
    return dossier


def _store(dossier: Dossier, name: str, upload) -> list[str]:
    if not upload:
        return []
    getattr(dossier, f"{name}_file").save(upload.name, upload, save=False)
    setattr(dossier, f"{name}_file_name", clean_display_name(upload.name))
    return [f"{name}_file", f"{name}_file_name"]


@transaction.atomic
def dossier_save_report(
    *, dossier, method, experience, effectiveness, spread, assessments: dict, report_file=None,
    version: int, by,
) -> Dossier:  # fmt: skip
    """Part 1 (R17): the achievement report, criterion by criterion (level reached, how, and
    evidence), with the method, experience, effectiveness and spread of the bright spot.

    `assessments` maps a criterion id to {"level", "text", "evidence"}; criteria not of the
    dossier's criteria set are ignored.
    """
    _editable(dossier)
    bump(dossier, expected_version=version)
    dossier.method, dossier.experience = method, experience
    dossier.effectiveness, dossier.spread = effectiveness, spread
    files = _store(dossier, "report", report_file)
    dossier.save(update_fields=["method", "experience", "effectiveness", "spread", *files])
    rows = list(dossier.assessments.all())
    for row in rows:
        values = assessments.get(row.criterion_id)
        if values is None:
            continue
        level = values.get("level") or ""
        if level and level not in AchievementLevel.values:
            raise ValidationError(_("Choose a level among those offered."))
        row.level = level
        row.text, row.evidence = (
            nfc(values.get("text", "")).strip(),
            nfc(values.get("evidence", "")).strip(),
        )
    Assessment.objects.bulk_update(rows, ["level", "text", "evidence"])
    audit_record(
        actor=by, action="dossier.report_saved", target=dossier, bright_spot=dossier.bright_spot
    )
    return dossier


@transaction.atomic
def dossier_save_evaluation(
    *, dossier, evaluation_by, evaluation_summary, evaluation_file=None, version: int, by
) -> Dossier:
    """Part 2 (R17): the evaluation by the Mass Mobilization Committee or the officers in charge
    of grassroots democracy of the same level: who, a summary, and the signed document."""
    _editable(dossier)
    bump(dossier, expected_version=version)
    dossier.evaluation_by, dossier.evaluation_summary = evaluation_by, evaluation_summary
    files = _store(dossier, "evaluation", evaluation_file)
    dossier.save(update_fields=["evaluation_by", "evaluation_summary", *files])
    audit_record(
        actor=by, action="dossier.evaluation_saved", target=dossier, bright_spot=dossier.bright_spot
    )
    return dossier


@transaction.atomic
def dossier_save_dispatch(
    *, dossier, dispatch_number, dispatch_date, dispatch_signer, dispatch_file=None, version: int,
    by,
) -> Dossier:  # fmt: skip
    """Part 3 (R17): the official dispatch requesting recognition (number and symbol, date,
    signer, the signed file). A dispatch cannot be dated in the future."""
    _editable(dossier)
    if dispatch_date and dispatch_date > timezone.localdate():
        raise ValidationError({"dispatch_date": _("The dispatch cannot be dated after today.")})
    bump(dossier, expected_version=version)
    dossier.dispatch_number, dossier.dispatch_date = dispatch_number, dispatch_date
    dossier.dispatch_signer = dispatch_signer
    files = _store(dossier, "dispatch", dispatch_file)
    dossier.save(update_fields=["dispatch_number", "dispatch_date", "dispatch_signer", *files])
    audit_record(
        actor=by, action="dossier.dispatch_saved", target=dossier, bright_spot=dossier.bright_spot
    )
    return dossier


@transaction.atomic
def dossier_submit(*, dossier: Dossier, version: int, by) -> Dossier:
    """Submit the dossier to its committee (R16, R17).

    Refused until the three parts are complete (the message lists what is missing). A first
    submission is accepted only inside the recognition window, 15 October to 30 November
    inclusive by the server's clock, or under an extension (R9); the answer to a supplement
    request is due by the date the committee gave.
    """
    if dossier.status not in Dossier.EDITABLE:
        raise ValidationError(_("This dossier was already submitted."))
    missing = missing_parts(dossier, _assessments(dossier))
    if missing:
        raise incomplete_error(missing)
    now = timezone.now()
    before = dossier.status
    if before == Status.DRAFT:
        period = recognition_period_for(
            dossier.province, dossier.year, dossier.committee.level_unit
        )
        admission = window_of(period).admit(dossier.unit, now)
        if not admission.allowed:
            raise ValidationError(
                _("Dossiers for %(year)s are accepted from %(opens)s to %(closes)s.")
                % {
                    "year": dossier.year,
                    "opens": period.opens.strftime("%d/%m/%Y"),
                    "closes": period.closes.strftime("%d/%m/%Y"),
                },
                code="window_closed",
            )
        changes = {"timeliness": admission.timeliness, "first_submitted_at": now}
    else:
        if now >= end_of_day(dossier.supplement_due):
            raise _supplement_late(dossier)
        changes = {}
    bump(
        dossier,
        expected_version=version,
        status=Status.SUBMITTED,
        submitted_at=now,
        submitted_by=by,
        **changes,
    )
    audit_record(
        actor=by,
        action="dossier.submitted" if before == Status.DRAFT else "dossier.resubmitted",
        target=dossier,
        bright_spot=dossier.bright_spot,
        from_state=before,
        to_state=Status.SUBMITTED,
    )
    return dossier


def _assessments(dossier) -> list[Assessment]:
    return list(dossier.assessments.select_related("criterion__criteria_set"))
