"""A generated dataset with known counts (issue 5): two provinces built by the benchmark's
generator — departments, former districts with the communes merged on 1 Jul 2025, the new
communes — and three years of registrations, with drafts, withdrawals, extensions, reports and
progress entries. The tests count everything again straight from the database."""

import random
from datetime import date
from types import SimpleNamespace

import pytest
from django.utils import timezone

from demo.dataset import recognition as recognition_dataset
from demo.dataset import registry as dataset
from organisation.models import RoleAssignment, Unit
from organisation.tests.factories import UserFactory, assign
from recognition import criteria_data
from recognition.models import (
    CommendationEntry,
    CommendationProposal,
    CriteriaSet,
    Criterion,
    Recognition,
    UnitCommendation,
)
from registry.models import BrightSpot, ProgressEntry
from tests.snapshot import Snapshot

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


def _recognition(provinces, rng) -> None:
    """A year of recognition as the benchmark builds it (dossiers at every stage, Decisions),
    and the commendations: units' own of the year, the Council's five-year outcomes."""
    recognition_dataset.generate(
        {"options": {"seed": 5}, "provinces": provinces, "years": YEARS, "step": lambda *a: None}
    )
    for data in provinces:
        recognized = list(
            Recognition.objects.filter(decision__province=data.province).select_related(
                "dossier__bright_spot"
            )
        )
        commended = rng.sample(recognized, k=len(recognized) // 2)
        UnitCommendation.objects.bulk_create(
            UnitCommendation(
                province=data.province, unit=r.dossier.unit, bright_spot=r.dossier.bright_spot,
                year=r.dossier.year, form="Giấy khen của Chủ tịch UBND", recorded_by=r.decision.recorded_by,
            )
            for r in commended
        )  # fmt: skip
        proposal = CommendationProposal.objects.create(
            province=data.province, committee=data.committees["qcdc"], period_start=2021,
            period_end=2025, council="Hội đồng Thi đua - Khen thưởng tỉnh", status="sent",
            sent_at=timezone.now(), created_by=recognized[0].decision.recorded_by,
        )  # fmt: skip
        outcomes = ["merit", "commendation", "none", "pending"]
        CommendationEntry.objects.bulk_create(
            CommendationEntry(proposal=proposal, recognition=r, position=i, outcome=outcomes[i % 4])
            for i, r in enumerate(x for x in recognized if x.dossier.year < 2026)
        )


def _build() -> SimpleNamespace:
    # A transactional test (browser, worker) emptied the database before: the shipped criteria
    # the dossiers are assessed against are installed again (idempotent).
    criteria_data.install(CriteriaSet, Criterion)
    rng = random.Random(5)
    provinces = dataset.generate_organisation(provinces=2, units_per_province=60, seed=5)
    for data in provinces:
        dataset.generate_registrations(data, years=YEARS, per_year=90, rng=rng)
        _late_drafts(data.province)
        _progress_entries(data.province, rng)
    _recognition(provinces, rng)
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


# Built once per test process (the first test that asks), its rows inserted again in the others.
_GENERATED = Snapshot(_build)


@pytest.fixture
def generated(db):
    return _GENERATED.load()
