"""The figures of a summary as counts of groups (R23).

Each bright spot falls in one group (field, level, status, timeliness, progress recorded, the
fate of its dossier, its commendation, the Council's outcome); each unit-year in one group
(registered both fields / one / none, registration on time / under an extension / not submitted,
annual report). A `Tally` holds how many of each; a figure is "how many match these filters",
and the page it links to lists the bright spots or units matching the same filters
(`filters.py`), so a figure, its row and its total cannot disagree.
"""

import functools
from collections import Counter

from organisation.models import Field
from reporting.areas import REGISTERED

# The dimensions of a bright spot group, in this order.
SPOT_KEY = ("field", "level", "status", "timeliness", "progress", "dossier", "commended", "council")
# The dimensions of a unit-year.
UNIT_KEY = ("compliance", "registration", "report")

BOTH, ONE, NONE = "both", "one", "none"
ON_TIME, EXTENDED, NOT_SUBMITTED = "on_time", "extended", "not_submitted"
MISSING, NOT_DUE = "missing", "not_due"
RECORDED, NOT_RECORDED = "recorded", "not_recorded"
# A bright spot's dossier (R17–R19): none (or still a draft), under review, decided.
NO_DOSSIER, IN_REVIEW, RECOGNIZED, NOT_RECOGNIZED = (
    "none",
    "in_review",
    "recognized",
    "not_recognized",
)
DOSSIER_SUBMITTED = "submitted"  # any dossier sent: under review or decided
SUBMITTED_DOSSIERS = (IN_REVIEW, RECOGNIZED, NOT_RECOGNIZED)
COMMENDED, NOT_COMMENDED = "commended", "not_commended"


class Tally:
    """Additive figures of a group of bright spots and unit-years (a row, a locality, a total)."""

    __slots__ = ("spots", "units", "progress_sum")

    def __init__(self):
        self.spots: Counter = Counter()  # SPOT_KEY tuple → bright spots
        self.units: Counter = Counter()  # UNIT_KEY tuple → unit-years
        self.progress_sum = 0  # sum of the progress (%) of registered bright spots

    def __iadd__(self, other: "Tally") -> "Tally":
        self.spots.update(other.spots)
        self.units.update(other.units)
        self.progress_sum += other.progress_sum
        return self

    def count(self, status: str = "registered", **filters) -> int:
        """Bright spots matching `filters` (by default the registered ones: R7's list, not
        withdrawn). `status="counted"` takes every submitted one, withdrawn included."""
        return self.count_wanted(spots_wanted(status=status, **filters))

    def unit_count(self, **filters) -> int:
        return self.unit_count_wanted(units_wanted(**filters))

    def count_wanted(self, wanted: tuple) -> int:
        """`count` for filters already prepared by `spots_wanted` (a figure prepares its own)."""
        return sum(n for key, n in self.spots.items() if _spot_matches(wanted, key))

    def unit_count_wanted(self, wanted: tuple) -> int:
        return sum(n for key, n in self.units.items() if _unit_matches(wanted, key))

    def counts_wanted(self, wanteds: tuple) -> list[int]:
        """`count_wanted` for several prepared filters at once, reading the groups once."""
        return _totals(self.spots, wanteds, _spot_hits)

    def unit_counts_wanted(self, wanteds: tuple) -> list[int]:
        return _totals(self.units, wanteds, _unit_hits)

    @property
    def registered(self) -> int:
        return self.count()

    @property
    def qcdc(self) -> int:
        return self.count(field=Field.QCDC)

    @property
    def dvcq(self) -> int:
        return self.count(field=Field.DVCQ)

    @property
    def unit_total(self) -> int:
        return sum(self.units.values())

    @property
    def mean_progress(self) -> int | None:
        registered = self.registered
        return round(self.progress_sum / registered) if registered else None


def spots_wanted(status: str = "registered", **filters) -> tuple:
    return (status, tuple(sorted(filters.items())))


def units_wanted(**filters) -> tuple:
    return tuple(sorted(filters.items()))


# Whether a group's key matches a figure's filters, remembered: the keys are few (fields × levels
# × statuses × …) and the national workbook asks millions of times.
@functools.cache
def _spot_matches(wanted: tuple, key: tuple) -> bool:
    status, filters = wanted
    if not status_matches(key[2], status):
        return False
    for name, value in filters:
        found = key[SPOT_KEY.index(name)]
        if name == "dossier" and value == DOSSIER_SUBMITTED:
            if found not in SUBMITTED_DOSSIERS:
                return False
        elif found != value:
            return False
    return True


@functools.cache
def _unit_matches(wanted: tuple, key: tuple) -> bool:
    return all(key[UNIT_KEY.index(name)] == value for name, value in wanted)


def status_matches(status: str, wanted: str) -> bool:
    if wanted == "registered":
        return status in REGISTERED
    if wanted == "counted":
        return True
    return status == wanted


@functools.cache
def _spot_hits(wanteds: tuple, key: tuple) -> tuple:
    """Which of several prepared filters a group's key matches, remembered like each match."""
    return tuple(i for i, wanted in enumerate(wanteds) if _spot_matches(wanted, key))


@functools.cache
def _unit_hits(wanteds: tuple, key: tuple) -> tuple:
    return tuple(i for i, wanted in enumerate(wanteds) if _unit_matches(wanted, key))


def _totals(groups: Counter, wanteds: tuple, hits) -> list[int]:
    totals = [0] * len(wanteds)
    for key, n in groups.items():
        for i in hits(wanteds, key):
            totals[i] += n
    return totals
