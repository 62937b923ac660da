"""The area of a summary: what one summary covers — a province, a subtree of it, the fields, and
for committee staff the bright spots routed to their committee (R23, R30).

An area is not a user's scope (organisation.scope: the roles a user holds); it is what a report
is about. `reporting.selectors.get_area_for_user` builds one from what a user asked for, after
checking with their scope that they may read it; everything below trusts the area it is given.
"""

from dataclasses import dataclass
from functools import cached_property

from django.db.models import Q
from django.utils.translation import gettext as _

from organisation.models import Committee, Field, Province, Unit
from registry.models import BrightSpot
from registry.selectors import NOT_DRAFT_LIVE
from reporting.units import UnitMap

# A summary counts what units submitted; drafts never leak into it. Withdrawn bright spots were
# submitted, so they are counted as such, apart from the registered ones.
COUNTED = (
    BrightSpot.Status.SUBMITTED,
    BrightSpot.Status.RETURNED,
    BrightSpot.Status.ACCEPTED,
    BrightSpot.Status.WITHDRAWN,
)
REGISTERED = NOT_DRAFT_LIVE


@dataclass(frozen=True)
class Area:
    """What one summary covers; `label()` is how pages and downloads state it."""

    province: Province
    root: Unit
    fields: tuple[str, ...] = tuple(Field.values)
    committee: Committee | None = None

    @property
    def whole_province(self) -> bool:
        return self.root.parent_id is None and self.committee is None

    @property
    def all_fields(self) -> bool:
        return set(self.fields) == set(Field.values)

    @cached_property
    def units(self) -> UnitMap:
        return UnitMap.of_province(self.province)

    def preload(self, units: UnitMap) -> "Area":
        """Give the area its province's map already read (the country's page reads every
        province's map at once)."""
        self.__dict__["units"] = units
        return self

    @cached_property
    def unit_ids(self) -> set[int]:
        """The units whose figures this area counts (with the units merged into them)."""
        return self.units.ids_in(self.units[self.root.pk])

    def label(self) -> str:
        """How downloads and pages state the area, e.g. "Tỉnh Nghệ An" or a committee."""
        if self.committee is not None:
            return _("%(committee)s (%(fields)s), %(province)s") % {
                "committee": self.committee.name,
                "fields": ", ".join(f.upper() for f in self.fields),
                "province": self.province.name,
            }
        if self.root.parent_id is None:
            return self.root.name
        return _("%(unit)s, %(province)s") % {
            "unit": self.root.name,
            "province": self.province.name,
        }

    def query(self) -> dict:
        """The query string that brings a page back to this area."""
        params = {}
        if self.committee is not None:
            params["committee"] = self.committee.pk
        else:
            params["province"] = self.province.pk
            if self.root.parent_id is not None:
                params["unit"] = self.root.pk
        return params

    # --- querysets ----------------------------------------------------------------------------
    def bright_spots(self, years):
        """Submitted bright spots (withdrawn included) of the area in `years`: the base of every
        bright spot figure and of the lists the figures link to."""
        queryset = BrightSpot.objects.filter(
            province=self.province, year__in=list(years), status__in=COUNTED
        )
        if self.root.parent_id is not None:
            queryset = queryset.filter(unit_id__in=sorted(self.unit_ids))
        if not self.all_fields:
            queryset = queryset.filter(field__in=self.fields)
        if self.committee is not None:
            c = self.committee
            queryset = queryset.filter(Q(recipient=c) | Q(via=c) | Q(copy_to=c))
        return queryset

    def unit_filter(self, model_queryset, prefix: str = ""):
        """Restrict rows of another model (registrations, reports…) to the area's units."""
        if self.root.parent_id is None:
            return model_queryset.filter(**{f"{prefix}province": self.province})
        return model_queryset.filter(**{f"{prefix}unit_id__in": sorted(self.unit_ids)})

    def expected_unit(self, unit) -> bool:
        """Units that must register (R7): not the province itself, nor a committee's own level."""
        if unit.kind == Unit.Kind.PROVINCE:
            return False
        return not (self.committee is not None and unit.pk == self.committee.level_unit_id)
