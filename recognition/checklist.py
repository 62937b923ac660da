"""What a dossier still lacks before it can be submitted (R17): the checklist the unit sees and
the rule the submission enforces are the same function."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _


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
