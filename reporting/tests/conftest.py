"""A generated dataset with known counts (issue 5): two provinces built by the benchmark's
generator — departments, former districts with the communes merged on 1 Jul 2025, the new
communes — and three years of registrations, with drafts, withdrawals, extensions, reports and
progress entries. The tests count everything again straight from the database."""

import random
from datetime import date
from types import SimpleNamespace

import pytest

from registry import dataset
from registry.models import BrightSpot, ProgressEntry, RoleAssignment, Unit
from registry.tests.factories import UserFactory, assign

YEARS = [2024, 2025, 2026]


def _progress_entries(province, rng) -> None:
    """Progress recorded on some bright spots, drafts included (they must not count)."""
    spots = list(BrightSpot.objects.filter(province=province).order_by("pk"))
    chosen = rng.sample(spots, k=len(spots) // 5)
    ProgressEntry.objects.bulk_create(
        ProgressEntry(
            bright_spot=spot, day=date(spot.year, 6, 1), text="Đã tổ chức hội nghị triển khai.",
            created_by=spot.created_by,
        )
        for spot in chosen
    )  # fmt: skip


def _late_drafts(province, per_year: int = 6) -> None:
    """Drafts added after the list was submitted: they stay with the unit, never in a summary."""
    accepted = BrightSpot.objects.filter(province=province, status="accepted").order_by("pk")
    for spot in [s for year in YEARS for s in accepted.filter(year=year)[:per_year]]:
        spot.pk, spot.status, spot.submitted_at, spot.recipient = None, "draft", None, None
        spot.reviewed_at = spot.reviewed_by = spot.via = spot.copy_to = None
        spot.timeliness, spot.progress, spot.name = "", 50, f"Bản nháp {spot.name}"
        spot.save()


@pytest.fixture
def generated(db):
    rng = random.Random(5)
    provinces = dataset.generate_organisation(provinces=2, units_per_province=60, seed=5)
    for data in provinces:
        dataset.generate_registrations(data, years=YEARS, per_year=90, rng=rng)
        _late_drafts(data.province)
        _progress_entries(data.province, rng)
    first, second = provinces
    provincial = UserFactory(username="gen.provincial", full_name="Cán bộ Ban Dân vận")
    assign(provincial, RoleAssignment.Role.PROVINCIAL_STAFF, province=first.province)
    qcdc_staff = RoleAssignment.objects.get(
        committee=first.committees["qcdc"], role="committee_staff"
    ).user
    merged = Unit.objects.filter(province=first.province, successor__isnull=False).first()
    return SimpleNamespace(
        province=first.province,
        root=first.root,
        data=first,
        other=second.province,
        provincial=provincial,
        qcdc_staff=qcdc_staff,
        qcdc=first.committees["qcdc"],
        merged=merged,
        new_commune=merged.successor,
        official_of_new=RoleAssignment.objects.get(unit=merged.successor).user,
    )
