"""What a dossier still lacks before it can be submitted (R17): the checklist the unit sees and
the rule the submission enforces are the same function."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from recognition.models import Assessment


@dataclass
class ChecklistPart:
    key: str  # "report", "evaluation", "dispatch": also the name of the part's edit page
    title: str
    missing: list = field(default_factory=list)

    @property
    def done(self) -> bool:
        return not self.missing


def dossier_checklist(dossier, assessments) -> list[ChecklistPart]:
    """The three parts of R17, each with the list of what is missing (empty when complete).

    `assessments` are the dossier's Assessment rows with their criteria loaded.
    """
    report = ChecklistPart("report", _("1. Report of achievements, criterion by criterion"))
    unassessed = [a.criterion.code for a in assessments if not a.is_complete]
    if unassessed:
        report.missing.append(
            _("Level reached and how, for criteria %(codes)s") % {"codes": ", ".join(unassessed)}
        )
    for name, label in (
        ("method", _("Method")),
        ("experience", _("Experience drawn")),
        ("effectiveness", _("Effectiveness")),
        ("spread", _("Spread")),
    ):
        if not getattr(dossier, name).strip():
            report.missing.append(label)

    evaluation = ChecklistPart(
        "evaluation", _("2. Evaluation by the Mass Mobilization Committee or officers in charge")
    )
    if not dossier.evaluation_by.strip():
        evaluation.missing.append(_("Who evaluated"))
    if not dossier.evaluation_summary.strip():
        evaluation.missing.append(_("Summary of the evaluation"))
    if not dossier.evaluation_file:
        evaluation.missing.append(_("The evaluation document"))

    dispatch = ChecklistPart("dispatch", _("3. Official dispatch requesting recognition"))
    for name, label in (
        ("dispatch_number", _("Number and symbol")),
        ("dispatch_date", _("Date")),
        ("dispatch_signer", _("Signer")),
        ("dispatch_file", _("The signed dispatch")),
    ):
        if not getattr(dossier, name):
            dispatch.missing.append(label)
    return [report, evaluation, dispatch]


def missing_parts(dossier, assessments=None) -> list[ChecklistPart]:
    """The parts of the dossier still incomplete; the dossier's assessments are read when not
    given."""
    if assessments is None:
        assessments = list(dossier.assessments.select_related("criterion__criteria_set"))
    return [part for part in dossier_checklist(dossier, assessments) if not part.done]


def incomplete_error(parts, message=None, **values) -> ValidationError:
    """The refusal of a step that needs a complete dossier, naming each part and what it lacks."""
    listed = "; ".join(
        f"{part.title} ({', '.join(str(m) for m in part.missing)})" for part in parts
    )
    message = message or _("The dossier is not complete. Missing: %(missing)s.")
    return ValidationError(message % {"missing": listed, **values}, code="incomplete")


def step_refusals() -> dict:
    return {
        "score": _(
            "%(name)s cannot be scored until its dossier is complete. Missing: %(missing)s."
        ),
        "propose": _(
            "%(name)s cannot be proposed until its dossier is complete. Missing: %(missing)s."
        ),
        "decide": _(
            "%(name)s cannot be recognized until its dossier is complete. Missing: %(missing)s."
        ),
    }


def require_complete(dossier, step: str) -> None:
    """Refuse a step of review or recognition ("score", "propose", "decide") on a dossier whose
    checklist is incomplete (R17-R19): whatever let it through before, nothing goes further on
    missing parts."""
    parts = missing_parts(dossier)
    if parts:
        raise incomplete_error(parts, step_refusals()[step], name=dossier.bright_spot.name)


def first_incomplete(dossiers):
    """The first of `dossiers` whose checklist is incomplete, with its missing parts, or None:
    the assessments of all of them in one query."""
    by_dossier: dict = {}
    rows = Assessment.objects.filter(dossier__in=dossiers).select_related("criterion")
    for row in rows:
        by_dossier.setdefault(row.dossier_id, []).append(row)
    for dossier in dossiers:
        parts = missing_parts(dossier, by_dossier.get(dossier.pk, []))
        if parts:
            return dossier, parts
    return None
