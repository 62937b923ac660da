"""Each level's yearly plan (seed 000 §V, R40): a commune's, a department's or the province's
committee records its plan — number, date, targets per field, document; the level's summary
sets what was registered, accepted and recognized against it; the province sees which levels
issued a plan."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.tests.upload_samples import PDF
from organisation.tests.levels import build_levels
from recognition.tests.factories import accepted_pair, at
from registry import services
from registry.models import LevelPlan


@pytest.fixture
def levels(cast):
    return build_levels(cast)


def save(levels, **changes):
    values = {
        "committee": levels.combined, "year": 2026, "number": "12/KH-UBND",
        "date": date(2026, 1, 15), "target_qcdc": 3, "target_dvcq": 2,
        "by": levels.combined_staff, **changes,
    }  # fmt: skip
    with at(2026, 3, 10):
        return services.level_plan_save(**values)


def test_a_ward_records_and_corrects_its_plan(levels):
    plan = save(levels)
    assert (plan.level_unit, plan.number, plan.target_qcdc) == (levels.ward, "12/KH-UBND", 3)
    save(levels, number="12/KH-UBND", target_qcdc=4)
    assert LevelPlan.objects.get().target_qcdc == 4


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"number": "  "}, "number"),
        ({"date": date(2024, 12, 31)}, "date"),
        ({"date": date(2026, 5, 1)}, "date"),  # after today (10 March)
        ({"target_dvcq": -1}, "target_dvcq"),
    ],
)
def test_bad_plans_are_refused_at_the_field(levels, changes, field):
    with pytest.raises(ValidationError) as refused:
        save(levels, **changes)
    assert field in refused.value.message_dict
    assert not LevelPlan.objects.exists()


def test_the_page_records_for_staff_and_shows_to_readers(cast, levels, client_of):
    url = reverse("registry:committee-plan", args=[levels.combined.pk]) + "?year=2026"
    data = {"number": "12/KH-UBND", "date": "15/01/2026", "target_qcdc": "3", "target_dvcq": "2",
            "document": SimpleUploadedFile("ke-hoach.pdf", PDF, "application/pdf")}  # fmt: skip
    with at(2026, 3, 10):
        assert client_of(levels.commune_qcdc_staff).get(url).status_code == 404
        assert client_of(cast.provincial).post(url, data).status_code == 403
        refused = client_of(levels.combined_staff).post(url, {**data, "target_qcdc": "x"})
        assert refused.status_code == 200 and not LevelPlan.objects.exists()
        data["document"].seek(0)
        assert client_of(levels.combined_staff).post(url, data).status_code == 302
        page = client_of(cast.provincial).get(url)
    assert 'data-testid="plan"' in page.text and "12/KH-UBND" in page.text
    plan = LevelPlan.objects.get()
    document = reverse("registry:plan-document", args=[plan.pk])
    assert client_of(cast.provincial).get(document).status_code == 200
    assert client_of(levels.commune_qcdc_staff).get(document).status_code == 404


def test_the_summary_sets_the_work_against_the_plan(cast, levels, client_of):
    save(levels)
    official = levels.school.role_assignments.first().user
    staff = {"qcdc": levels.combined_staff, "dvcq": levels.combined_staff}
    accepted_pair(levels.school, official, staff, level="commune")
    page = client_of(levels.combined_staff).get(reverse("reporting:summary"), {"year": 2026})
    section = page.text.split('data-testid="level-plan"')[1].split("</section>")[0]
    assert "12/KH-UBND" in section
    province = client_of(cast.provincial).get(reverse("reporting:summary"), {"year": 2026}).text
    issued = province.split('data-testid="plans-issued"')[1].split("</ul>")[0]
    assert "Phường Thành Vinh" in issued
    missing = province.split('data-testid="plans-missing"')[1].split("</p>")[0]
    assert "Xã Nghĩa Đồng" in missing and "Phường Thành Vinh" not in missing
