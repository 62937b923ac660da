"""Dossiers: who may read and act on them (R30), and what their pages show."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q
from django.http import Http404

from organisation.models import AuditEntry, RoleAssignment, User
from organisation.scope import scope_for
from recognition.checklist import dossier_checklist
from recognition.deadlines import recognition_period_for, recognition_period_of_unit, window_of
from recognition.models import Assessment, Dossier, Recognition, Review, Score
from registry.models import BrightSpot, Extension
from registry.selectors import get_bright_spot_for_user

Status = Dossier.Status


def _on_unit_side(scope, unit) -> bool:
    """Officials of the unit (or above it), and of the unit a merged one became (R2)."""
    return scope.acts_for_unit(unit) or any(unit.path.startswith(p) for p in scope.heritage_paths)


def can_read_dossier(scope, dossier: Dossier) -> bool:
    """The unit reads its dossiers from the first draft; the committee reviewing it, provincial
    staff and administrators of the province once it is submitted (R30)."""
    if _on_unit_side(scope, dossier.unit):
        return True
    if dossier.status == Status.DRAFT:
        return False
    return (
        scope.is_superuser
        or dossier.committee_id in scope.committee_ids
        or dossier.province_id in scope.reading_province_ids
    )


def get_dossier_for_user(user, pk: int, *, write: bool = False) -> Dossier:
    """The dossier if the user may read it (404 otherwise); with write=True only the unit's
    officials, who prepare it (403 for other readers)."""
    dossier = (
        Dossier.objects.select_related(
            "unit",
            "province",
            "bright_spot__unit",
            "committee__level_unit",
            "criteria_set",
            "decision",
        )  # fmt: skip
        .filter(pk=pk)
        .first()
    )
    scope = scope_for(user)
    if dossier is None or not can_read_dossier(scope, dossier):
        raise Http404
    if write and not scope.acts_for_unit(dossier.unit):
        raise PermissionDenied
    return dossier


def acts_for_dossier_committee(user, dossier: Dossier) -> bool:
    scope = scope_for(user)
    return scope.acts_for_committee(dossier.committee) and dossier.committee.handles(dossier.field)


def get_dossier_for_committee(user, pk: int) -> Dossier:
    """The dossier for its reviewing committee's staff (R18): a committee of the other field
    never reads it (404); provincial staff and the unit read but do not review (403)."""
    dossier = get_dossier_for_user(user, pk)
    if not acts_for_dossier_committee(user, dossier):
        raise PermissionDenied
    return dossier


def get_review_for_user(user, pk: int) -> Review:
    """The user's own review of the dossier `pk` (R18): assigned reviewers only."""
    dossier = get_dossier_for_committee(user, pk)
    review = Review.objects.filter(dossier=dossier, reviewer=user).first()
    if review is None:
        raise PermissionDenied
    review.dossier = dossier
    return review


def get_bright_spot_for_dossier(user, pk: int) -> BrightSpot:
    """The bright spot whose dossier a unit official starts (R17): the unit's own."""
    return get_bright_spot_for_user(user, pk, write=True)


# --- pages ------------------------------------------------------------------------------------
@dataclass
class DossierPage:
    dossier: Dossier
    assessments: list
    checklist: list
    reviews: list
    grid: list  # per criterion: (assessment, [score or None for each review])
    recognitions: list
    timeline: list
    follow_ups: list
    closed_period: object = None  # a draft outside its window: the window it missed or awaits
    incomplete: bool = False  # in the committee's hands with parts missing: no step goes on


def dossier_assessments(dossier: Dossier) -> list[Assessment]:
    return list(
        dossier.assessments.select_related("criterion__criteria_set").order_by(
            "criterion__group", "criterion__number"
        )
    )


def dossier_page(dossier: Dossier) -> DossierPage:
    """Everything the dossier's page shows, in a fixed number of queries."""
    assessments = dossier_assessments(dossier)
    reviews = list(
        dossier.reviews.select_related("reviewer").prefetch_related(
            Prefetch("scores", queryset=Score.objects.all())
        )
    )
    by_review = [{s.criterion_id: s for s in r.scores.all()} for r in reviews]
    grid = [(a, [scores.get(a.criterion_id) for scores in by_review]) for a in assessments]
    recognitions = list(
        Recognition.objects.filter(dossier=dossier)
        .select_related("decision", "certificate")
        .order_by("-decision__date")
    )
    checklist = dossier_checklist(dossier, assessments)
    closed_period = None
    if dossier.status == Dossier.Status.DRAFT:
        period = recognition_period_for(
            dossier.province, dossier.year, dossier.committee.level_unit
        )
        if not window_of(period).admit(dossier.unit).allowed:
            closed_period = period
    return DossierPage(
        dossier=dossier,
        assessments=assessments,
        checklist=checklist,
        closed_period=closed_period,
        incomplete=dossier.status in (Dossier.Status.SUBMITTED, Dossier.Status.PROPOSED)
        and not all(part.done for part in checklist),
        reviews=reviews,
        grid=grid,
        recognitions=recognitions,
        timeline=list(dossier_timeline(dossier)),
        follow_ups=follow_ups_of(dossier),
    )


def lapsed_follow_up(dossier: Dossier):
    """The follow-up at which the bright spot was found no longer a model, if any (R40)."""
    return dossier.follow_ups.filter(outcome="no_longer_model").first()


def follow_ups_of(dossier: Dossier) -> list:
    """The yearly follow-up reviews of a recognized bright spot, latest first (R40)."""
    return list(dossier.follow_ups.select_related("recorded_by"))


def dossier_timeline(dossier: Dossier):
    return (
        AuditEntry.objects.filter(
            target_type=ContentType.objects.get_for_model(Dossier), target_id=dossier.pk
        )
        .select_related("actor")
        .order_by("at", "pk")
    )


# --- a unit's recognition year ----------------------------------------------------------------
@dataclass
class UnitRecognition:
    unit: object
    year: int
    period: object
    open_now: bool
    can_submit: bool
    extension: Extension | None
    bright_spots: list  # accepted bright spots of the year, each with .dossier_or_none


def unit_recognition(unit, year: int, *, with_drafts: bool = True) -> UnitRecognition:
    """The unit's accepted bright spots of the year and the state of their dossiers (R16, R17).

    Without `with_drafts` (a reader who does not act for the unit) a dossier still in draft is
    the unit's own work: its bright spot shows as not started, as in the registry (R30)."""
    period = recognition_period_of_unit(unit, year)
    window = window_of(period)
    admission = window.admit(unit)
    bright_spots = list(
        BrightSpot.objects.filter(unit=unit, year=year, status=BrightSpot.Status.ACCEPTED)
        .select_related("dossier__decision")
        .order_by("field", "name_sort")
    )
    recognized = [
        b.dossier.decision_id for b in bright_spots if _dossier(b) and b.dossier.decision_id
    ]
    certificates = {
        r.dossier_id: getattr(r, "certificate", None)
        for r in Recognition.objects.filter(decision__in=recognized).select_related("certificate")
    }
    for bright_spot in bright_spots:
        dossier = _dossier(bright_spot)
        hidden = dossier is not None and not with_drafts and dossier.status == Dossier.Status.DRAFT
        bright_spot.dossier_or_none = None if hidden else dossier
        bright_spot.certificate = certificates.get(dossier.pk) if dossier else None
    return UnitRecognition(
        unit=unit,
        year=year,
        period=period,
        open_now=window.is_open(),
        can_submit=admission.allowed,
        extension=admission.extension,  # set whenever an extension decides the admission
        bright_spots=bright_spots,
    )


def _dossier(bright_spot):
    try:
        return bright_spot.dossier
    except Dossier.DoesNotExist:
        return None


def committee_dossiers(committee):
    """Submitted dossiers the committee reviews, with their review counts (R18)."""
    return (
        Dossier.objects.filter(committee=committee)
        .exclude(status=Status.DRAFT)
        .select_related("bright_spot", "unit")
        .annotate(
            reviews_total=Count("reviews", distinct=True),
            reviews_done=Count(
                "reviews", filter=Q(reviews__completed_at__isnull=False), distinct=True
            ),
        )
    )


def committee_staff(committee):
    """The people who may review for a committee: its staff."""
    return User.objects.filter(
        role_assignments__role=RoleAssignment.Role.COMMITTEE_STAFF,
        role_assignments__committee=committee,
        is_active=True,
    ).distinct()


def reviewer_choices(committee):
    return committee_staff(committee).order_by("full_name", "username")


def dossiers_to_complete(units, year: int):
    """Accepted bright spots of the units without a submitted dossier, and dossiers sent back
    for a supplement: what the home page asks officials to do (R17, R18)."""
    accepted = BrightSpot.objects.filter(
        unit__in=units, year=year, status=BrightSpot.Status.ACCEPTED
    )
    return {
        "without_dossier": accepted.filter(dossier__isnull=True).count(),
        "drafts": Dossier.objects.filter(unit__in=units, year=year, status=Status.DRAFT).count(),
        "supplements": list(
            Dossier.objects.filter(unit__in=units, status=Status.SUPPLEMENT)
            .select_related("bright_spot")
            .order_by("supplement_due")[:5]
        ),
        "not_recognized": Dossier.objects.filter(
            unit__in=units, year=year, status=Status.NOT_RECOGNIZED
        ).count(),
    }


def dossiers_to_review(committee, user, year: int) -> dict:
    base = Dossier.objects.filter(committee=committee, year=year)
    return base.aggregate(
        submitted=Count("pk", filter=Q(status=Status.SUBMITTED), distinct=True),
        mine=Count(
            "pk",
            filter=Q(
                status=Status.SUBMITTED,
                reviews__reviewer=user,
                reviews__completed_at__isnull=True,
            ),
            distinct=True,
        ),
        proposed=Count("pk", filter=Q(status=Status.PROPOSED), distinct=True),
        recognized=Count("pk", filter=Q(status=Status.RECOGNIZED), distinct=True),
    )
