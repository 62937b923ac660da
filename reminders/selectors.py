"""Reads for reminders, and the access helpers every reminders view asks first (R30)."""

from collections import defaultdict
from datetime import date

from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, OuterRef, Q
from django.http import Http404

from organisation.models import Committee, Province, RoleAssignment, Unit, User
from organisation.scope import scope_for
from recognition.models import Dossier, Review
from registry.models import AnnualReport, BrightSpot, Extension
from registry.selectors import NOT_DRAFT_LIVE, non_compliant_units
from reminders.kinds import MESSAGE_KINDS, SPECS, Kind
from reminders.models import Delivery, MessageChoice, MessageDefault, Reminder, ReminderSetting

Role = RoleAssignment.Role


# --- settings -------------------------------------------------------------------------------------
def settings_for(province: Province) -> dict[str, ReminderSetting]:
    """Every kind's setting for the province: the stored row, or the standard one unsaved."""
    stored = {s.kind: s for s in ReminderSetting.objects.filter(province=province)}
    return {kind: stored.get(kind) or standard_setting(province, kind) for kind in SPECS}


def setting_for(province: Province, kind: str) -> ReminderSetting:
    return ReminderSetting.objects.filter(province=province, kind=kind).first() or standard_setting(
        province, kind
    )


def standard_setting(province: Province, kind: str) -> ReminderSetting:
    return ReminderSetting(
        province=province, kind=kind, enabled=True, milestones=list(SPECS[kind].milestones)
    )


def get_province_for_admin(user, pk: int) -> Province:
    """A province whose reminders the user administers; 404 outside their provinces, 403 for a
    user of the province who is not its administrator."""
    province = Province.objects.filter(pk=pk).first()
    scope = scope_for(user)
    if province is None or not (scope.is_superuser or province.pk in scope.province_ids):
        raise Http404
    if not (scope.is_superuser or province.pk in scope.admin_province_ids):
        raise PermissionDenied
    return province


def admin_provinces(user):
    """Provinces whose reminder settings the user may change; 403 for everyone else."""
    scope = scope_for(user)
    if not scope.is_admin:
        raise PermissionDenied
    provinces = Province.objects.order_by("name")
    return provinces if scope.is_superuser else provinces.filter(pk__in=scope.admin_province_ids)


def get_kind(kind: str) -> str:
    if kind not in SPECS:
        raise Http404
    return Kind(kind)


# --- notifications --------------------------------------------------------------------------------
def notifications_for_user(user):
    """The user's own reminders, newest first. Nobody reads another person's notifications."""
    return Reminder.objects.filter(recipient=user).order_by("-created_at", "-pk")


def get_notification_for_user(user, pk: int) -> Reminder:
    reminder = (
        Reminder.objects.filter(pk=pk, recipient=user).first() if user.is_authenticated else None
    )
    if reminder is None:
        raise Http404
    return reminder


def unread_count(user) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return Reminder.objects.filter(recipient=user, read_at=None).count()


# --- how each person receives each kind (R36) ------------------------------------------------------
def default_deliveries(province_id: int | None) -> dict[str, str]:
    """Kind → the province administrators' default, "each" where they set none."""
    stored = dict(
        MessageDefault.objects.filter(province_id=province_id).values_list("kind", "delivery")
    )
    return {kind: stored.get(kind, Delivery.EACH) for kind, _label in MESSAGE_KINDS}


def home_province_id(user) -> int | None:
    """The province whose defaults a person's choices page starts from: the one they work in."""
    scope = scope_for(user)
    ids = sorted(scope.reading_province_ids) or sorted(
        {u.province_id for u in scope.official_units} | {c.province_id for c in scope.committees}
    )
    return ids[0] if ids else None


def deliveries_of(user) -> dict[str, str]:
    """Kind → how `user` receives it by e-mail: their own choice, else their province's default."""
    chosen = dict(MessageChoice.objects.filter(user=user).values_list("kind", "delivery"))
    defaults = default_deliveries(home_province_id(user))
    return {kind: chosen.get(kind, default) for kind, default in defaults.items()}


UNSUBSCRIBE_SALT = "reminders.unsubscribe"


def get_unsubscribe_for_token(token: str):
    """The person and kinds a signed unsubscribe token names; 404 for a forged or broken one,
    or one naming no kind we know."""
    try:
        payload = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        user = User.objects.filter(pk=int(payload["u"]), is_active=True).first()
        kinds = [str(kind) for kind in payload["k"]]
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise Http404 from None
    known = dict(MESSAGE_KINDS)
    if user is None or not kinds or any(kind not in known for kind in kinds):
        raise Http404
    return user, kinds


def delivery_for(user, kind: str, province) -> str:
    """How one message of `kind` from `province` reaches `user` by e-mail (R36)."""
    chosen = MessageChoice.objects.filter(user=user, kind=kind).values_list("delivery", flat=True)
    for delivery in chosen:
        return delivery
    stored = MessageDefault.objects.filter(province=province, kind=kind)
    return next(iter(stored.values_list("delivery", flat=True)), Delivery.EACH)


# --- who is due -----------------------------------------------------------------------------------
def units_without_complete_list(province: Province, year: int) -> list[Unit]:
    """Units expected to register that have no submitted list holding both fields (R7).

    The registry's own rule (`non_compliant_units`), asked of the highest steering committees of
    the province: their scopes together cover every unit expected to register.
    """
    covered, units = [], {}
    for committee in steering_committees(province):
        path = committee.level_unit.path
        if any(path.startswith(done) for done in covered):
            continue
        covered.append(path)
        for unit in non_compliant_units(committee, year):
            units[unit.pk] = unit
    return sorted(units.values(), key=lambda unit: unit.name_sort)


def units_without_annual_report(province: Province, year: int, on: date) -> list[Unit]:
    """Active units with submitted bright spots this year and no submitted annual report (R11)."""
    registered = BrightSpot.objects.filter(
        unit=OuterRef("pk"), year=year, status__in=NOT_DRAFT_LIVE
    )
    reported = AnnualReport.objects.filter(
        unit=OuterRef("pk"), year=year, status=AnnualReport.Status.SUBMITTED
    )
    return list(
        Unit.objects.filter(province=province)
        .active_on(on)
        .filter(Exists(registered))
        .exclude(Exists(reported))
        .order_by("name_sort")
    )


def units_with_accepted_bright_spots(province: Province, year: int, on: date) -> list[Unit]:
    """Active units with bright spots accepted this year, annotated with how many (R16)."""
    accepted = Q(bright_spots__year=year, bright_spots__status=BrightSpot.Status.ACCEPTED)
    return list(
        Unit.objects.filter(province=province)
        .active_on(on)
        .annotate(accepted=Count("bright_spots", filter=accepted))
        .filter(accepted__gt=0)
        .order_by("name_sort")
    )


def units_with_draft_dossiers(province: Province, year: int) -> list[Unit]:
    """Units with recognition dossiers of the year still in draft, annotated with how many."""
    drafts = Q(dossiers__year=year, dossiers__status=Dossier.Status.DRAFT)
    return list(
        Unit.objects.filter(province=province)
        .annotate(drafts=Count("dossiers", filter=drafts))
        .filter(drafts__gt=0)
        .order_by("name_sort", "pk")
    )


def dossiers_awaiting_supplement(province: Province, due_dates: list[date]) -> list[Dossier]:
    """Dossiers sent back for a supplement (R18) due on one of `due_dates`."""
    return list(
        Dossier.objects.filter(
            province=province, status=Dossier.Status.SUPPLEMENT, supplement_due__in=due_dates
        )
        .select_related("unit", "bright_spot")
        .order_by("supplement_due", "pk")
    )


def extensions_beyond(province: Province, year: int, kind: str, closes: date) -> dict[int, date]:
    """Unit id → the date of its extension, for extensions that end after the deadline."""
    return dict(
        Extension.objects.filter(
            province=province, year=year, kind=kind, until__gt=closes
        ).values_list("unit_id", "until")
    )


def officials_of(unit_ids) -> dict[int, list]:
    """Unit id → the unit's own officials who can receive an e-mail."""
    found = defaultdict(list)
    assignments = (
        RoleAssignment.objects.filter(role=Role.UNIT_OFFICIAL, unit_id__in=list(unit_ids))
        .filter(user__is_active=True)
        .exclude(user__email="")
        .select_related("user")
        .order_by("user__username")
    )
    for assignment in assignments:
        found[assignment.unit_id].append(assignment.user)
    return found


def steering_committees(province: Province):
    return (
        Committee.objects.filter(province=province, kind=Committee.Kind.STEERING, active=True)
        .select_related("level_unit", "province")
        .order_by("level_unit__path", "name")
    )


def staff_of(committee: Committee) -> list:
    """The committee's staff who can receive an e-mail."""
    return [
        assignment.user
        for assignment in RoleAssignment.objects.filter(
            role=Role.COMMITTEE_STAFF, committee=committee, user__is_active=True
        )
        .exclude(user__email="")
        .select_related("user")
        .order_by("user__username")
    ]


def registration_extensions(units, year: int) -> dict[int, date]:
    return dict(
        Extension.objects.filter(
            unit__in=units, year=year, kind=Extension.Kind.REGISTRATION
        ).values_list("unit_id", "until")
    )


def reviewers_with_unscored(province: Province, year: int) -> list[tuple]:
    """(reviewer, committee, number of dossiers) for assigned reviewers who have not scored
    dossiers of the year that are still under review (R18, R36)."""
    rows = (
        Review.objects.filter(
            dossier__province=province,
            dossier__year=year,
            dossier__status=Dossier.Status.SUBMITTED,
            completed_at=None,
            reviewer__is_active=True,
        )
        .values("reviewer_id", "dossier__committee_id")
        .annotate(count=Count("pk"))
        .order_by("reviewer_id", "dossier__committee_id")
    )
    rows = list(rows)
    users = {u.pk: u for u in _users(r["reviewer_id"] for r in rows)}
    committees = Committee.objects.in_bulk({r["dossier__committee_id"] for r in rows})
    return [
        (users[r["reviewer_id"]], committees[r["dossier__committee_id"]], r["count"])
        for r in rows
        if r["reviewer_id"] in users
    ]


def _users(ids):
    return User.objects.filter(pk__in=set(ids)).exclude(email="")
