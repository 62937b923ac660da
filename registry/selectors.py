"""Reads and access checks for the registry. Every view asks one of these first (R30):
an object outside the user's scope is a 404, an object they may read but not change is a 403."""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db.models import Avg, Count, Q
from django.http import Http404

from organisation.models import AuditEntry, Committee, Field, Unit
from organisation.routing import level_units, router
from organisation.scope import scope_for
from registry import bright_spot_parts
from registry.deadlines import period_for, registration_window
from registry.models import (
    AnnualReport,
    BrightSpot,
    Extension,
    Inspection,
    LevelPlan,
    Milestone,
    ProgressEntry,
    Registration,
)

LIVE = BrightSpot.LIVE
NOT_DRAFT_LIVE = (
    BrightSpot.Status.SUBMITTED,
    BrightSpot.Status.RETURNED,
    BrightSpot.Status.ACCEPTED,
)


def missing_fields(bright_spots) -> list[str]:
    """The fields (R7) without any live bright spot among `bright_spots`."""
    present = {b.field for b in bright_spots}
    return [field for field in Field.values if field not in present]


# --- bright spots ---------------------------------------------------------------------------------
def get_bright_spot_for_user(user, pk: int, *, write: bool = False) -> BrightSpot:
    """The bright spot if the user may read it; with write=True, only its unit's officials."""
    bright_spot = (
        BrightSpot.objects.select_related(
            "unit", "province", "recipient", "via", "copy_to", "registration"
        )
        .filter(pk=pk)
        .first()
    )
    scope = scope_for(user)
    if bright_spot is None or not scope.can_read_bright_spot(bright_spot):
        raise Http404
    if write and not scope.acts_for_unit(bright_spot.unit):
        raise PermissionDenied
    return bright_spot


def get_bright_spot_for_review(user, pk: int) -> BrightSpot:
    """Only staff of the receiving committee decide (R8, R10); copy and through read only."""
    bright_spot = get_bright_spot_for_user(user, pk)
    if bright_spot.recipient is None or not scope_for(user).acts_for_committee(
        bright_spot.recipient
    ):
        raise PermissionDenied
    return bright_spot


def get_milestone_for_user(user, pk: int) -> Milestone:
    milestone = Milestone.objects.select_related("bright_spot__unit").filter(pk=pk).first()
    if milestone is None:
        raise Http404
    get_bright_spot_for_user(user, milestone.bright_spot_id, write=True)
    return milestone


def get_progress_entry_for_user(user, pk: int) -> ProgressEntry:
    entry = ProgressEntry.objects.filter(pk=pk).first()
    if entry is None:
        raise Http404
    get_bright_spot_for_user(user, entry.bright_spot_id)
    return entry


def bright_spot_timeline(bright_spot: BrightSpot):
    """Who did what, when, and why: everything recorded about this bright spot (R31)."""
    return (
        AuditEntry.objects.filter(
            Q(bright_spot_id=bright_spot.pk)
            | Q(target_type__model="brightspot", target_id=bright_spot.pk)
        )
        .select_related("actor")
        .order_by("at", "pk")
    )


def bright_spot_page(bright_spot: BrightSpot) -> dict:
    """Everything the bright spot's page shows, in a fixed number of queries."""
    return {
        "staff": list(bright_spot.staff.all()),
        "milestones": list(bright_spot.milestones.all()),
        "entries": list(bright_spot.progress_entries.select_related("milestone", "created_by")),
        "timeline": list(bright_spot_timeline(bright_spot)),
        "replications": list(
            bright_spot.replications.filter(status__in=NOT_DRAFT_LIVE).select_related("unit")
        ),
        **bright_spot_parts.page_of(bright_spot),
    }


# --- a unit's year ------------------------------------------------------------------------------
@dataclass
class UnitYear:
    """What a unit official needs to know about a year's registration (R6, R7, R9)."""

    unit: Unit
    year: int
    period: object
    registration: Registration | None
    bright_spots: list
    extension: Extension | None
    missing: list[str]
    can_submit: bool
    open_now: bool
    days_left: int
    levels: dict
    drafts: int
    progress: int


def unit_levels(unit: Unit, year: int, period=None) -> dict:
    """The levels a bright spot of the unit's year may take, with their units (R5)."""
    return level_units(unit, (period or period_for(unit.province, year)).deadline)


def unit_year(
    unit: Unit, year: int, today: date | None = None, *, with_drafts: bool = True
) -> UnitYear:
    """The unit's year. Drafts stay with the unit (R30): readers who do not act for it —
    committees, provincial staff — pass with_drafts=False and see only what was submitted."""
    period = period_for(unit.province, year)
    window = registration_window(period)
    admission = window.admit(unit)
    bright_spots = BrightSpot.objects.filter(unit=unit, year=year)
    if not with_drafts:
        bright_spots = bright_spots.exclude(status=BrightSpot.Status.DRAFT)
    bright_spots = list(
        bright_spots.select_related("recipient", "via", "copy_to").order_by("field", "name_sort")
    )
    live = [b for b in bright_spots if b.status in LIVE]
    in_progress = [b.progress for b in live if b.status in NOT_DRAFT_LIVE]
    return UnitYear(
        unit=unit,
        year=year,
        period=period,
        registration=Registration.objects.filter(unit=unit, year=year).first(),
        bright_spots=bright_spots,
        extension=admission.extension,  # set whenever an extension decides the admission
        missing=missing_fields(live),
        can_submit=admission.allowed,
        open_now=window.is_open(),
        days_left=window.days_left(today),
        levels=unit_levels(unit, year, period),
        drafts=sum(1 for b in live if b.status == BrightSpot.Status.DRAFT),
        progress=round(sum(in_progress) / len(in_progress)) if in_progress else 0,
    )


def previous_bright_spots(unit: Unit, year: int):
    """Earlier bright spots of the unit that a new one may continue (R5)."""
    return BrightSpot.objects.filter(unit=unit, year__lt=year, status__in=NOT_DRAFT_LIVE).order_by(
        "-year", "name_sort"
    )


# --- committees ---------------------------------------------------------------------------------
def inbox(committee: Committee):
    """Everything routed to the committee, with the committee's part in it (R8)."""
    return (
        BrightSpot.objects.filter(Q(recipient=committee) | Q(via=committee) | Q(copy_to=committee))
        .exclude(status=BrightSpot.Status.DRAFT)
        .select_related("unit", "recipient", "via", "copy_to")
        # Long texts a list never shows stay in the database: they slow the page's query down.
        .defer("objectives", "plan", "search_text", "unit__name_folded", "unit__name_sort")
    )


def units_in_scope(committee: Committee, on: date):
    """Units expected to register with this committee's level: active units of its subtree."""
    return (
        Unit.objects.subtree_of(committee.level_unit)
        .active_on(on)
        .exclude(kind=Unit.Kind.PROVINCE)
        .exclude(pk=committee.level_unit_id)
    )


def non_compliant_units(committee: Committee, year: int):
    """Units of the scope with no submitted list, or a list lacking a field (R7).

    Annotated with the number of live submitted bright spots of each field.
    """
    deadline = period_for(committee.province, year).deadline
    submitted = Q(bright_spots__year=year, bright_spots__status__in=NOT_DRAFT_LIVE)
    return (
        units_in_scope(committee, deadline)
        .annotate(
            qcdc=Count("bright_spots", filter=submitted & Q(bright_spots__field=Field.QCDC)),
            dvcq=Count("bright_spots", filter=submitted & Q(bright_spots__field=Field.DVCQ)),
        )
        .filter(Q(qcdc=0) | Q(dvcq=0))
        .select_related("parent")
        .order_by("name_sort")
    )


def extensions_of(committee: Committee, year: int):
    return (
        Extension.objects.filter(unit__path__startswith=committee.level_unit.path, year=year)
        .select_related("unit", "granted_by")
        .order_by("unit__name_sort")
    )


def annual_reports_for_user(user, year: int):
    scope = scope_for(user)
    return (
        AnnualReport.objects.filter(year=year, status=AnnualReport.Status.SUBMITTED)
        .filter(scope.units_q("unit__"))
        .select_related("unit", "submitted_by")
        .order_by("unit__name_sort")
    )


def get_annual_report_for_user(user, pk: int) -> AnnualReport:
    report = AnnualReport.objects.select_related("unit", "province").filter(pk=pk).first()
    scope = scope_for(user)
    if report is None or not scope.can_read_unit(report.unit):
        raise Http404
    if report.status != AnnualReport.Status.SUBMITTED and not scope.acts_for_unit(report.unit):
        raise Http404
    return report


def registration_of(unit: Unit, year: int) -> Registration | None:
    """The unit's registration of the year (the caller has checked access to the unit)."""
    return Registration.objects.filter(unit=unit, year=year).first()


def annual_report_of(unit: Unit, year: int) -> AnnualReport | None:
    return AnnualReport.objects.filter(unit=unit, year=year).first()


def reportable_bright_spots(unit: Unit, year: int) -> list[BrightSpot]:
    """The bright spots an annual report speaks of: submitted, not withdrawn."""
    return list(
        BrightSpot.objects.filter(unit=unit, year=year, status__in=NOT_DRAFT_LIVE).order_by(
            "name_sort"
        )
    )


def annual_report_items(report: AnnualReport):
    return report.items.select_related("bright_spot").order_by("bright_spot__name_sort")


def progress_rollup(bright_spots) -> int:
    """Mean progress of submitted bright spots (the unit's or the province's roll-up)."""
    mean = bright_spots.filter(status__in=NOT_DRAFT_LIVE).aggregate(mean=Avg("progress"))["mean"]
    return round(mean or 0)


def level_plan_of(level_unit: Unit, year: int):
    """The level's plan of the year, if it issued one (R40)."""
    return LevelPlan.objects.filter(level_unit=level_unit, year=year).first()


def get_plan_for_user(user, pk: int) -> LevelPlan:
    """A plan, for whoever reads its level: its committees' staff, provincial staff (R30)."""
    plan = LevelPlan.objects.select_related("level_unit").filter(pk=pk).first()
    if plan is None or not scope_for(user).can_read_unit(plan.level_unit):
        raise Http404
    return plan


def can_read_inspection(scope, inspection: Inspection) -> bool:
    """The inspecting agency's staff, provincial staff, and the unit inspected (R30)."""
    return (
        scope.is_superuser
        or inspection.committee_id in scope.committee_ids
        or inspection.province_id in scope.reading_province_ids
        or scope.acts_for_unit(inspection.unit)
    )


def get_inspection_for_user(user, pk: int, *, answer: bool = False) -> Inspection:
    """The inspection if the user may read it (404); answer=True: the unit's officials (403)."""
    inspection = (
        Inspection.objects.select_related("unit", "committee", "bright_spot", "recorded_by")
        .filter(pk=pk)
        .first()
    )
    scope = scope_for(user)
    if inspection is None or not can_read_inspection(scope, inspection):
        raise Http404
    if answer and not scope.acts_for_unit(inspection.unit):
        raise PermissionDenied
    return inspection


def committee_inspections(committee: Committee, year: int):
    return Inspection.objects.filter(committee=committee, date__year=year).select_related(
        "unit", "bright_spot"
    )


def unit_inspections(unit: Unit):
    return Inspection.objects.filter(unit=unit).select_related("committee", "bright_spot")


def overdue_inspections(committee_ids, today) -> dict:
    """Per committee: its inspections whose follow-up is past due and unanswered (R40)."""
    rows = (
        Inspection.objects.filter(
            committee_id__in=committee_ids, answered_at=None, follow_up_due__lt=today
        )
        .values("committee")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {row["committee"]: row["n"] for row in rows}


def bright_spot_of_unit(unit, pk) -> BrightSpot | None:
    """The unit's bright spot with this id, or None (an inspection names one of the unit's own)."""
    return BrightSpot.objects.filter(pk=pk, unit=unit).first()


@dataclass
class Destination:
    """Where part of a list goes when it is submitted: the committee, whom it passes through and
    who gets a copy (R8), and the bright spots it receives."""

    recipient: Committee
    via: Committee | None
    copy_to: Committee | None
    bright_spots: list


def submission_preview(unit: Unit, year: int) -> list[Destination]:
    """The unit's drafts of the year grouped by the committee each would be routed to on
    submission, as `registry.services.registration_submit` routes them. Raises ValidationError when a draft has no committee to go to."""
    period = period_for(unit.province, year)
    drafts = BrightSpot.objects.filter(
        unit=unit, year=year, status=BrightSpot.Status.DRAFT
    ).order_by("field", "name_sort")
    rule_for, destinations = router(unit, period.deadline), {}
    for bright_spot in drafts:
        rule = rule_for(bright_spot)
        destination = destinations.setdefault(
            rule.recipient_id, Destination(rule.recipient, rule.via, rule.copy_to, [])
        )
        destination.bright_spots.append(bright_spot)
    return list(destinations.values())
