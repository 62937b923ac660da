"""An old commune split among several new communes (R2, issue 15): by today's units its
figures are divided by the successors' shares, with cumulative rounding so that the parts are
whole numbers adding up exactly to the whole; as registered, it keeps its own row."""

from datetime import date

import pytest

from organisation.models import Unit, UnitSuccession
from organisation.tests.factories import UnitFactory, UserFactory, assign
from recognition.tests.factories import at
from registry import services
from registry.tests.factories import make_bright_spot
from reporting.areas import Area
from reporting.summary import summarize
from reporting.units import CURRENT, HISTORICAL, divide


@pytest.mark.parametrize(
    ("whole", "shares", "parts"),
    [
        (5, [60, 40], [3, 2]),
        (1, [60, 40], [1, 0]),
        (10, [33, 33, 34], [3, 4, 3]),
        (7, [50, 50], [4, 3]),
        (0, [70, 30], [0, 0]),
        (101, [1, 99], [1, 100]),
    ],
)
def test_cumulative_rounding_gives_whole_parts_summing_to_the_whole(whole, shares, parts):
    assert divide(whole, shares) == parts
    assert sum(divide(whole, shares)) == whole


@pytest.fixture
def split(cast):
    """Xã Nghĩa Hưng (until 30 June 2025) registered 5 bright spots in 2024, then was divided:
    60% to Phường Đông Vĩnh (unit B, its `successor`), 40% to Xã Nghĩa Dũng (unit A)."""
    old = UnitFactory(
        province=cast.province, parent=cast.root, name="Xã Nghĩa Hưng", code="17022",
        valid_to=date(2025, 6, 30),
    )  # fmt: skip
    official = UserFactory(username="canbo_nghiahung")
    assign(official, "unit_official", unit=old)
    with at(2024, 3, 10):
        for index in range(3):
            make_bright_spot(old, year=2024, field="qcdc", name=f"Mô hình QCDC {index}")
        for index in range(2):
            make_bright_spot(old, year=2024, field="dvcq", name=f"Mô hình DVCQ {index}")
        services.registration_submit(unit=old, year=2024, by=official)
    Unit.objects.filter(pk=old.pk).update(successor=cast.unit_b)
    UnitSuccession.objects.create(predecessor=old, successor=cast.unit_b, share_percent=60)
    UnitSuccession.objects.create(predecessor=old, successor=cast.unit_a, share_percent=40)
    return old


def test_by_todays_units_a_split_communes_figures_are_divided_by_the_shares(cast, split):
    area = Area(province=cast.province, root=cast.root)
    today = summarize(area, [2024], CURRENT)[2024]
    before = summarize(Area(province=cast.province, root=cast.root), [2024], HISTORICAL)[2024]
    assert before.rows[split.pk].tally.registered == 5
    assert split.pk not in today.rows
    b, a = today.rows[cast.unit_b.pk].tally, today.rows[cast.unit_a.pk].tally
    assert (b.registered, a.registered) == (3, 2)  # 60% and 40% of 5
    assert (b.count(field="qcdc"), a.count(field="qcdc")) == (2, 1)  # of 3: 1.8 → 2, 3 − 2
    assert (b.count(field="dvcq"), a.count(field="dvcq")) == (1, 1)  # of 2: 1.2 → 1, 2 − 1
    assert today.total.registered == before.total.registered == 5
    # The old commune's one unit-year goes whole to the larger share, not to both.
    assert b.unit_count() == before.rows[cast.unit_b.pk].tally.unit_count() + 1
    assert a.unit_count() == before.rows[cast.unit_a.pk].tally.unit_count()
    assert today.total.unit_count() == before.total.unit_count()
    assert split.pk in today.rows[cast.unit_a.pk].members


def test_a_successors_own_summary_counts_its_share(cast, split):
    """Xã Nghĩa Dũng's summary by today's units has its 40% of the old commune, not all of it."""
    mine = summarize(Area(province=cast.province, root=cast.unit_a), [2024], CURRENT)[2024]
    assert mine.total.registered == 2
    theirs = summarize(Area(province=cast.province, root=cast.unit_b), [2024], CURRENT)[2024]
    assert theirs.total.registered == 3


def test_every_successor_of_a_split_commune_reads_its_history(cast, split):
    """R2: the 40% successor's officials read the old commune's bright spots, as the 60% one's."""
    from organisation.scope import scope_for

    spot = split.bright_spots.first()
    assert scope_for(cast.official_a).can_read_bright_spot(spot)
    assert scope_for(cast.official_b).can_read_bright_spot(spot)
    UnitSuccession.objects.filter(successor=cast.unit_a).delete()
    again = type(cast.official_a).objects.get(pk=cast.official_a.pk)  # a new request's user
    assert not scope_for(again).can_read_bright_spot(spot)
