"""Supervision and inspection (seed 000 §V, R40): the Mass Mobilization Committee's and Home
Affairs' staff record an inspection of a unit or a bright spot; the unit sees it and answers;
the summary counts inspections; an overdue follow-up shows in the inspector's home counts."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from organisation.tests.factories import UserFactory, assign
from recognition.tests.factories import at
from registry import services
from registry.models import Inspection
from registry.tests.factories import make_bright_spot


@pytest.fixture
def inspector(cast):
    """Staff of the Provincial Party Committee's Mass Mobilization Committee (an agency)."""
    user = UserFactory(username="bdv_inspector", full_name="Hồ Thị Thanh")
    assign(user, "committee_staff", committee=cast.party)
    return user


def record(cast, inspector, **changes):
    values = {
        "committee": cast.party, "unit": cast.unit_a, "date": date(2026, 3, 5),
        "team": "Đoàn kiểm tra số 2 Ban Dân vận Tỉnh ủy",
        "findings": "Đơn vị triển khai đúng kế hoạch; hồ sơ lưu trữ chưa đầy đủ.",
        "requests": "Bổ sung biên bản hội nghị đối thoại.", "follow_up_due": date(2026, 3, 8),
        "by": inspector, **changes,
    }  # fmt: skip
    with at(2026, 3, 10):
        return services.inspection_record(**values)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"date": date(2026, 3, 11)}, "date"),
        ({"follow_up_due": date(2026, 3, 1)}, "follow_up_due"),
        ({"team": " "}, "team"),
        ({"findings": ""}, "findings"),
    ],
)
def test_bad_inspections_are_refused_at_the_field(cast, inspector, changes, field):
    with pytest.raises(ValidationError) as refused:
        record(cast, inspector, **changes)
    assert field in refused.value.message_dict


def test_only_units_of_the_agencys_level_and_their_bright_spots(cast, inspector):
    with pytest.raises(ValidationError) as refused:
        record(cast, inspector, unit=cast.other_unit)
    assert "unit" in refused.value.message_dict
    with at(2026, 3, 1):
        spot_b = make_bright_spot(cast.unit_b)
    with pytest.raises(ValidationError) as refused:
        record(cast, inspector, bright_spot=spot_b)
    assert "bright_spot" in refused.value.message_dict


def test_the_unit_sees_and_answers_once(cast, inspector, client_of):
    inspection = record(cast, inspector)
    url = reverse("registry:inspection-detail", args=[inspection.pk])
    with at(2026, 3, 10):
        home = client_of(cast.official_a).get(reverse("home")).text
        assert 'data-testid="inspections-to-answer"' in home
        assert client_of(cast.official_b).get(url).status_code == 404
        assert client_of(inspector).post(url, {"answer": "x"}).status_code == 403
        refused = client_of(cast.official_a).post(url, {"answer": "  "})
        assert refused.status_code == 200 and not Inspection.objects.get().answered_at
        sent = client_of(cast.official_a).post(url, {"answer": "Đã bổ sung biên bản."})
    assert sent.status_code == 302
    inspection.refresh_from_db()
    assert inspection.answer == "Đã bổ sung biên bản." and inspection.answered_by == cast.official_a
    with pytest.raises(ValidationError):
        services.inspection_answer(inspection=inspection, answer="Lần hai", by=cast.official_a)


def test_an_overdue_follow_up_shows_in_the_inspectors_home(cast, inspector, client_of):
    record(cast, inspector)
    with at(2026, 3, 10):
        home = client_of(inspector).get(reverse("home")).text
        page = client_of(inspector).get(
            reverse("registry:committee-inspections", args=[cast.party.pk]), {"year": 2026}
        )
    assert 'data-testid="overdue-inspections"' in home and "1 quá hạn" in home
    assert 'data-testid="overdue"' in page.text


def test_the_page_records_for_the_agency_only(cast, inspector, client_of):
    url = reverse("registry:committee-inspections", args=[cast.party.pk]) + "?year=2026"
    data = {"unit": str(cast.unit_a.pk), "date": "05/03/2026", "team": "Đoàn kiểm tra",
            "findings": "Đúng kế hoạch", "requests": "", "follow_up_due": ""}  # fmt: skip
    with at(2026, 3, 10):
        assert client_of(cast.official_a).get(url).status_code == 404
        assert client_of(cast.provincial).post(url, data).status_code == 403
        refused = client_of(inspector).post(url, {**data, "unit": str(cast.other_unit.pk)})
        assert refused.status_code == 200 and not Inspection.objects.exists()
        assert client_of(inspector).post(url, data).status_code == 302
    assert Inspection.objects.get().unit == cast.unit_a


def test_the_summary_counts_inspections(cast, inspector, client_of):
    record(cast, inspector)
    page = client_of(cast.provincial).get(reverse("reporting:summary"), {"year": 2026}).text
    count = page.split('data-testid="inspection-count"')[1].split("</p>")[0]
    assert "1" in count and "0" in count


def test_only_the_oversight_committees_inspect(cast, inspector, client_of):
    """A steering committee's staff read their committee's page, but neither see the form nor
    may record: only the Mass Mobilization Committee and Home Affairs inspect (R40)."""
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        record(cast, cast.qcdc_staff, committee=cast.qcdc)
    url = reverse("registry:committee-inspections", args=[cast.qcdc.pk]) + "?year=2026"
    data = {"unit": str(cast.unit_a.pk), "date": "05/03/2026", "team": "Đoàn kiểm tra",
            "findings": "Đúng kế hoạch", "requests": "", "follow_up_due": ""}  # fmt: skip
    steering = client_of(cast.qcdc_staff)
    with at(2026, 3, 10):
        page = steering.get(url).text
        assert 'name="findings"' not in page
        assert steering.post(url, data).status_code == 403
        assert 'data-testid="inspections-link"' not in steering.get(reverse("home")).text
        assert 'data-testid="inspections-link"' in client_of(inspector).get(reverse("home")).text
        inspector_page = client_of(inspector).get(
            reverse("registry:committee-inspections", args=[cast.party.pk]), {"year": 2026}
        )
        assert 'name="findings"' in inspector_page.text
    assert not Inspection.objects.exists()
