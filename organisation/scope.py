"""What a user may see and do: the union of their scoped roles (SPEC §1, R30).

A user's roles are read once per request and kept on the user object. Access helpers in
`registry.selectors` (and the other apps' selectors) ask the scope; views never decide access
themselves.
"""

from dataclasses import dataclass
from functools import cached_property

from django.db.models import Q
from django.utils import timezone

from organisation.models import Committee, RoleAssignment, Unit

Role = RoleAssignment.Role


@dataclass(frozen=True)
class Scope:
    official_units: tuple[Unit, ...] = ()
    committees: tuple[Committee, ...] = ()
    provincial_province_ids: frozenset[int] = frozenset()
    admin_province_ids: frozenset[int] = frozenset()
    is_superuser: bool = False

    # --- what kind of user is this --------------------------------------------------------------
    @property
    def is_official(self) -> bool:
        return bool(self.official_units)

    @property
    def is_committee_staff(self) -> bool:
        return bool(self.committees)

    @property
    def is_provincial(self) -> bool:
        return bool(self.provincial_province_ids)

    @property
    def is_admin(self) -> bool:
        return self.is_superuser or bool(self.admin_province_ids)

    @property
    def is_anonymous(self) -> bool:
        return not (
            self.is_official or self.is_committee_staff or self.is_provincial or self.is_admin
        )

    @cached_property
    def committee_ids(self) -> frozenset[int]:
        return frozenset(c.pk for c in self.committees)

    @cached_property
    def reading_province_ids(self) -> frozenset[int]:
        """Provinces whose every unit this user may read (provincial staff, administrators)."""
        return self.provincial_province_ids | self.admin_province_ids

    # --- units ----------------------------------------------------------------------------------
    def units_q(self, prefix: str = "") -> Q:
        """Q selecting units this user may read. `prefix` reaches a unit from another model,
        e.g. units_q("unit__") on bright spots."""
        if self.is_superuser:
            return Q()
        q = Q(pk__in=[])
        path = f"{prefix}path__startswith"
        for unit in self.official_units:
            q |= Q(**{path: unit.path})
        for committee in self.committees:
            q |= Q(**{path: committee.level_unit.path})
        for heritage in self.heritage_paths:
            q |= Q(**{path: heritage})
        if self.reading_province_ids:
            q |= Q(**{f"{prefix}province_id__in": self.reading_province_ids})
        return q

    @cached_property
    def heritage_paths(self) -> tuple[str, ...]:
        """Units merged into the user's units, or split among them with a share (R2): their
        history stays readable to every successor."""
        paths, frontier, seen = [], [u.pk for u in self.official_units], set()
        while frontier:
            merged = list(
                Unit.objects.filter(
                    Q(successor_id__in=frontier) | Q(successions__successor_id__in=frontier)
                )
                .exclude(pk__in=seen)
                .values_list("pk", "path")
                .distinct()
            )
            seen.update(pk for pk, _path in merged)
            paths += [path for _pk, path in merged]
            frontier = [pk for pk, _path in merged]
        return tuple(paths)

    # --- bright spots ---------------------------------------------------------------------------
    def can_read_bright_spot(self, bright_spot) -> bool:
        if self.acts_for_unit(bright_spot.unit) or any(
            bright_spot.unit.path.startswith(path) for path in self.heritage_paths
        ):
            return True
        if bright_spot.status == "draft":
            return False
        routed = {bright_spot.recipient_id, bright_spot.via_id, bright_spot.copy_to_id}
        return (
            self.is_superuser
            or bool(routed & self.committee_ids)
            or bright_spot.province_id in self.reading_province_ids
        )

    def can_read_unit(self, unit: Unit) -> bool:
        return (
            self.is_superuser
            or unit.province_id in self.reading_province_ids
            or any(unit.is_within(u) for u in self.official_units)
            or any(unit.is_within(c.level_unit) for c in self.committees)
            or any(unit.path.startswith(path) for path in self.heritage_paths)
        )

    def acts_for_unit(self, unit: Unit) -> bool:
        """True when the user is an official of this unit or of one above it."""
        return any(unit.is_within(u) for u in self.official_units)

    # --- committees -----------------------------------------------------------------------------
    def can_read_committee(self, committee: Committee) -> bool:
        return (
            self.is_superuser
            or committee.pk in self.committee_ids
            or committee.province_id in self.reading_province_ids
        )

    def acts_for_committee(self, committee: Committee) -> bool:
        return committee.pk in self.committee_ids

    # --- provinces ------------------------------------------------------------------------------
    @cached_property
    def province_ids(self) -> frozenset[int]:
        """Every province the user has any role in."""
        return (
            self.reading_province_ids
            | {u.province_id for u in self.official_units}
            | {c.province_id for c in self.committees}
        )


ANONYMOUS = Scope()


def scope_for(user) -> Scope:
    """The user's scope, loaded with one query and cached on the user object."""
    if not getattr(user, "is_authenticated", False):
        return ANONYMOUS
    cached = getattr(user, "_scope", None)
    if cached is not None:
        return cached
    assignments = list(
        RoleAssignment.objects.filter(user=user)
        .filter(Q(unit=None) | Q(unit__valid_to=None) | Q(unit__valid_to__gte=_today()))
        .select_related("unit", "committee__level_unit")
    )
    scope = Scope(
        official_units=tuple(a.unit for a in assignments if a.role == Role.UNIT_OFFICIAL),
        committees=tuple(
            a.committee
            for a in assignments
            if a.role == Role.COMMITTEE_STAFF and a.committee.active
        ),
        provincial_province_ids=frozenset(
            a.province_id for a in assignments if a.role == Role.PROVINCIAL_STAFF
        ),
        admin_province_ids=frozenset(
            a.province_id for a in assignments if a.role == Role.ADMINISTRATOR
        ),
        is_superuser=user.is_superuser,
    )
    user._scope = scope
    return scope


def _today():
    return timezone.localdate()
