"""During the year (R11): progress against the plan's milestones, and the annual report."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Avg
from django.utils import timezone
from django.utils.translation import gettext as _

from core.uploads import clean_display_name
from organisation.services.audit import audit_record
from registry.deadlines import annual_report_window, period_for
from registry.models import AnnualReport, AnnualReportItem, BrightSpot, Milestone, ProgressEntry
from registry.selectors import NOT_DRAFT_LIVE

IN_PROGRESS_STATES = NOT_DRAFT_LIVE  # submitted and not withdrawn: progress is recorded


def _check_in_progress(bright_spot) -> None:
    if bright_spot.status not in IN_PROGRESS_STATES:
        raise ValidationError(_("Progress is recorded once the bright spot has been submitted."))


def _roll_up(bright_spot) -> None:
    """The bright spot's progress is the mean of its milestones' percentages."""
    mean = bright_spot.milestones.aggregate(mean=Avg("percent"))["mean"] or 0
    BrightSpot.objects.filter(pk=bright_spot.pk).update(progress=round(mean))
    bright_spot.progress = round(mean)


@transaction.atomic
def milestone_update(*, milestone: Milestone, status: str, percent: int, by) -> Milestone:
    """Record where a milestone stands. Done means 100%; 100% means done."""
    _check_in_progress(milestone.bright_spot)
    if status == Milestone.Status.DONE or percent == 100:
        status, percent = Milestone.Status.DONE, 100
    elif status == Milestone.Status.NOT_STARTED and percent:
        status = Milestone.Status.IN_PROGRESS
    before = f"{milestone.status} {milestone.percent}%"  # codes, as every entry: not a language
    milestone.status, milestone.percent = status, percent
    milestone.save(update_fields=["status", "percent"])
    _roll_up(milestone.bright_spot)
    audit_record(
        actor=by,
        action="milestone.updated",
        target=milestone,
        province=milestone.bright_spot.province,
        bright_spot=milestone.bright_spot,
        from_state=before,
        to_state=f"{status} {percent}%",
    )
    return milestone


@transaction.atomic
def progress_add(
    *, bright_spot, day, text: str, milestone=None, evidence=None, by
) -> ProgressEntry:
    """A preliminary review note with optional evidence (R11)."""
    _check_in_progress(bright_spot)
    if day > timezone.localdate():
        raise ValidationError({"day": _("The date cannot be in the future.")})
    if milestone is not None and milestone.bright_spot_id != bright_spot.pk:
        raise ValidationError({"milestone": _("Choose a milestone of this bright spot.")})
    entry = ProgressEntry(
        bright_spot=bright_spot, milestone=milestone, day=day, text=text, created_by=by
    )
    if evidence:
        entry.evidence, entry.evidence_name = evidence, clean_display_name(evidence.name)
    entry.save()
    audit_record(
        actor=by,
        action="progress.added",
        target=entry,
        province=bright_spot.province,
        bright_spot=bright_spot,
        comment=text[:500],
    )
    return entry


def _report_bright_spots(unit, year):
    return BrightSpot.objects.filter(unit=unit, year=year, status__in=IN_PROGRESS_STATES).order_by(
        "name_sort"
    )


@transaction.atomic
def annual_report_save(
    *, unit, year: int, summary: str, next_year_plan: str, results: dict, by
) -> AnnualReport:
    """Save the report's text; `results` maps bright spot id → (results, next steps)."""
    report, _created = AnnualReport.objects.get_or_create(
        unit=unit, year=year, defaults={"province": unit.province}
    )
    report = AnnualReport.objects.select_for_update().get(pk=report.pk)
    if report.status == AnnualReport.Status.SUBMITTED:
        raise ValidationError(_("This report was already submitted."))
    report.summary, report.next_year_plan = summary, next_year_plan
    report.save()
    for bright_spot in _report_bright_spots(unit, year):
        done, next_steps = results.get(bright_spot.pk, ("", ""))
        AnnualReportItem.objects.update_or_create(
            report=report,
            bright_spot=bright_spot,
            defaults={"results": done, "next_steps": next_steps},
        )
    audit_record(actor=by, action="annual_report.saved", target=report)
    return report


@transaction.atomic
def annual_report_submit(*, unit, year: int, by) -> AnnualReport:
    """Submit the annual report by 30 November, inclusive, or under an extension (R11, R9)."""
    report = AnnualReport.objects.select_for_update().filter(unit=unit, year=year).first()
    if report is None:
        raise ValidationError(_("Write the report before submitting it."))
    if report.status == AnnualReport.Status.SUBMITTED:
        return report
    items = {item.bright_spot_id: item for item in report.items.all()}
    empty = [
        b.name
        for b in _report_bright_spots(unit, year)
        if not getattr(items.get(b.pk), "results", "")
    ]
    if not report.summary or empty:
        raise ValidationError(
            _(
                "Fill in the overall results and the results of every bright spot first (missing: %(names)s)."
            )
            % {"names": ", ".join(empty) or _("overall results")}
        )
    period = period_for(unit.province, year)
    admission = annual_report_window(period).admit(unit)
    if not admission.allowed:
        raise ValidationError(
            _(
                "The annual report deadline (%(day)s) has passed. Ask your committee for an extension."
            )
            % {"day": period.report_deadline.strftime("%d/%m/%Y")}
        )
    report.status, report.submitted_at, report.submitted_by = (
        AnnualReport.Status.SUBMITTED,
        timezone.now(),
        by,
    )
    report.timeliness = admission.timeliness
    report.save()
    audit_record(
        actor=by,
        action="annual_report.submitted",
        target=report,
        from_state=AnnualReport.Status.DRAFT,
        to_state=AnnualReport.Status.SUBMITTED,
        data={"timeliness": admission.timeliness},
    )
    return report


@transaction.atomic
def annual_report_save_and_submit(
    *, unit, year: int, summary: str, next_year_plan: str, results: dict, by
) -> AnnualReport:
    """Save the report's text and submit it (R11) as one change: when the submission is refused
    (incomplete, late), nothing of it is kept half-done and the form shows what to fix (R34)."""
    annual_report_save(
        unit=unit, year=year, summary=summary, next_year_plan=next_year_plan, results=results, by=by
    )
    return annual_report_submit(unit=unit, year=year, by=by)
