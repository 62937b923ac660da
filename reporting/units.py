"""A province's unit tree in memory, for grouping figures by unit and locality across the 2025
merger (R1, R2).

A summary counts each bright spot once, under one row. Two views choose the row:

- ``as registered`` (HISTORICAL): the unit that registered it, as the tree stood that year — a
  2023 bright spot of an old commune stays under that commune and its former district;
- ``by today's units`` (CURRENT): the unit that carries that unit's history today, following the
  ``successor`` links to the end (an old commune → the new commune it was merged into). An old
  commune split among several new ones (``UnitSuccession``) has its figures divided by the
  shares, with cumulative rounding so that the parts add up exactly to the whole (`divide`);
  a list of single bright spots shows each under the successor with the largest share.

Both views group the same bright spots and the same unit-years, so their totals are equal.
"""

import functools
from datetime import date
from typing import NamedTuple

from django.utils.translation import get_language

from organisation.models import Unit, UnitSuccession

HISTORICAL = "historical"
CURRENT = "current"
VIEWS = (HISTORICAL, CURRENT)


class UnitInfo(NamedTuple):
    """One unit as a summary needs it: a named tuple, being made some 13,000 times for the
    country's page (a frozen dataclass takes several times longer to make)."""

    pk: int
    parent_id: int | None
    path: str
    kind: str
    name: str
    code: str
    name_sort: str
    valid_from: date | None
    valid_to: date | None
    successor_id: int | None

    def is_active_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or self.valid_to >= day
        )

    @property
    def ids(self) -> list[int]:
        return [int(part) for part in self.path.split(".") if part]

    @property
    def kind_label(self) -> str:
        return _kind_label(self.kind, get_language())


@functools.cache
def _kind_label(kind: str, language: str) -> str:
    """A unit type's name in `language` (the active one, which the label follows), remembered:
    the national workbook asks once per unit row."""
    return str(Unit.Kind(kind).label) if kind in Unit.Kind.values else kind


_FIELDS = (
    "pk", "parent_id", "path", "kind", "name", "code", "name_sort", "valid_from", "valid_to",
    "successor_id",
)  # fmt: skip


class UnitMap:
    """Every unit of one province (one query), and the groupings a summary needs."""

    def __init__(self, units, shares=None):
        self.units: dict[int, UnitInfo] = {u.pk: u for u in units}
        self._current: dict[int, int] = {}
        # A split unit → [(successor id, share %)], the largest share first (R2).
        self.shares: dict[int, list[tuple[int, int]]] = shares or {}

    @classmethod
    def of_province(cls, province) -> "UnitMap":
        return cls.of_provinces([province])[province.pk]

    @classmethod
    def of_provinces(cls, provinces) -> dict[int, "UnitMap"]:
        """Each province's map (province id → map), read in two queries for all of them."""
        ids = [p.pk for p in provinces]
        units: dict[int, list] = {pk: [] for pk in ids}
        for province_id, *row in Unit.objects.filter(province_id__in=ids).values_list(
            "province_id", *_FIELDS
        ):
            units[province_id].append(UnitInfo(*row))
        shares: dict[int, dict] = {pk: {} for pk in ids}
        for province_id, pk, successor, share in (
            UnitSuccession.objects.filter(predecessor__province_id__in=ids)
            .order_by("predecessor_id", "-share_percent", "successor_id")
            .values_list("predecessor__province_id", "predecessor_id", "successor_id",
                         "share_percent")
        ):  # fmt: skip
            shares[province_id].setdefault(pk, []).append((successor, share))
        return {pk: cls(units[pk], shares[pk]) for pk in ids}

    def __getitem__(self, pk: int) -> UnitInfo:
        return self.units[pk]

    def __contains__(self, pk: int) -> bool:
        return pk in self.units

    def current(self, pk: int) -> int:
        """The unit carrying `pk`'s history today: the end of its successor chain (R2)."""
        found = self._current.get(pk)
        if found is not None:
            return found
        chain, unit, seen = [], pk, set()
        while unit not in seen:
            seen.add(unit)
            chain.append(unit)
            successor = self.units[unit].successor_id if unit in self.units else None
            if successor is None or successor not in self.units:
                break
            unit = successor
        for link in chain:
            self._current[link] = unit
        return unit

    def row(self, pk: int, view: str) -> int:
        """The unit a bright spot of unit `pk` is counted under in `view`."""
        return self.current(pk) if view == CURRENT else pk

    def parts(self, pk: int, view: str) -> list[tuple[int, int]]:
        """The rows unit `pk`'s figures go to in `view`, with each one's share (%): one row with
        100, or by today's units the successors of a split unit with their shares (R2)."""
        if view == CURRENT and pk in self.shares:
            return [(self.current(successor), share) for successor, share in self.shares[pk]]
        return [(self.row(pk, view), 100)]

    def locality(self, pk: int, root: UnitInfo) -> int:
        """The locality (or agency) directly under `root` that holds `pk`; `pk` itself when it is
        the root or lies outside the root's subtree (a former unit merged into it)."""
        ids = self.units[pk].ids
        if root.pk in ids:
            position = ids.index(root.pk)
            return ids[position + 1] if position + 1 < len(ids) else root.pk
        return pk

    def ids_in(self, root: UnitInfo) -> set[int]:
        """Units of `root`'s subtree, and the units merged into them with their own subtrees:
        the history of today's units belongs to them (R2)."""
        inside = {pk for pk, unit in self.units.items() if unit.path.startswith(root.path)}
        heritage = [
            self.units[pk].path
            for pk in self.units
            if pk not in inside
            and (
                self.current(pk) in inside
                or any(self.current(s) in inside for s, _share in self.shares.get(pk, ()))
            )
        ]
        if heritage:
            inside |= {
                pk
                for pk, unit in self.units.items()
                if any(unit.path.startswith(path) for path in heritage)
            }
        return inside


def divide(whole: int, shares: list[int]) -> list[int]:
    """`whole` divided by `shares` (percentages summing to 100) with cumulative rounding: each
    part is the rounded running total minus the previous one, so the parts are whole numbers
    that add up exactly to `whole` (60/40 of 5 → 3, 2; of 1 → 1, 0; 33/33/34 of 10 → 3, 4, 3)."""
    parts, running, before = [], 0, 0
    for share in shares:
        running += share
        upto = (2 * whole * running + 100) // 200  # whole × running / 100, halves rounded up
        parts.append(upto - before)
        before = upto
    return parts
