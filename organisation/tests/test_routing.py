"""Routing at every level (R3, R8, R40): a bright spot goes to the committee of the level that
recognizes it — a commune's village, school or health station to the commune's committee
(combined or one per field), a department's affiliated unit to the department's, a commune's or
department's own to the province — with that level's intermediary and copy recipients; and a
commune's committees never see another commune's bright spots."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from organisation.models import Field, Level, RoutingRule, Unit
from organisation.routing import level_units, recognizing_level, route
from organisation.tests.factories import CommitteeFactory, UnitFactory
from organisation.tests.levels import build_levels
from registry import services
from registry.models import BrightSpot
from registry.tests.factories import make_bright_spot

ICT = ZoneInfo("Asia/Ho_Chi_Minh")
TODAY = date(2026, 3, 10)


@pytest.fixture
def levels(cast):
    return build_levels(cast)


def _names(found: dict) -> dict:
    return {level: unit.name for level, unit in found.items()}


def test_each_unit_is_recognized_by_the_levels_above_it_nearest_first(cast, levels):
    assert list(_names(level_units(levels.school, TODAY)).items()) == [
        (Level.COMMUNE, "Phường Thành Vinh"),
        (Level.PROVINCE, "Tỉnh Nghệ An"),
    ]
    assert list(level_units(levels.affiliated, TODAY)) == [Level.AGENCY, Level.PROVINCE]
    assert level_units(levels.affiliated, TODAY)[Level.AGENCY] == levels.department
    # A commune's or department's own bright spots go to the province.
    assert list(level_units(levels.ward, TODAY)) == [Level.PROVINCE]
    assert list(level_units(levels.department, TODAY)) == [Level.PROVINCE]
    assert recognizing_level(levels.village, TODAY) == Level.COMMUNE
    assert recognizing_level(levels.affiliated, TODAY) == Level.AGENCY
    assert recognizing_level(cast.unit_b, TODAY) == Level.PROVINCE


def test_before_the_2025_merger_the_district_recognizes_its_communes(cast):
    district = UnitFactory(
        province=cast.province, parent=cast.root, kind=Unit.Kind.DISTRICT,
        name="Huyện Tân Kỳ", valid_to=date(2025, 6, 30),
    )  # fmt: skip
    old = UnitFactory(province=cast.province, parent=district, name="Xã Nghĩa Hợp")
    hamlet = UnitFactory(province=cast.province, parent=old, kind=Unit.Kind.VILLAGE, name="Xóm 1")
    assert list(level_units(old, date(2024, 3, 30))) == [Level.DISTRICT, Level.PROVINCE]
    assert list(level_units(hamlet, date(2024, 3, 30))) == [
        Level.COMMUNE,
        Level.DISTRICT,
        Level.PROVINCE,
    ]
    assert list(level_units(old, date(2025, 7, 1))) == [Level.PROVINCE]


def _route(unit, level, field):
    rule = route(unit=unit, level=level, field=field, on=TODAY)
    return rule.recipient, rule.via, rule.copy_to


@pytest.mark.parametrize("field", Field.values)
@pytest.mark.parametrize("unit_name", ["school", "health"])
def test_a_ward_units_bright_spots_go_to_the_wards_combined_committee(levels, unit_name, field):
    recipient, via, copy_to = _route(getattr(levels, unit_name), Level.COMMUNE, field)
    assert recipient == levels.combined
    assert via == levels.ward_party
    assert copy_to == (levels.ward_office if field == Field.DVCQ else None)


def test_a_communes_separate_committees_each_receive_their_field(levels):
    assert _route(levels.village, Level.COMMUNE, Field.QCDC) == (levels.commune_qcdc, None, None)
    assert _route(levels.village, Level.COMMUNE, Field.DVCQ) == (
        levels.commune_dvcq,
        None,
        levels.commune_party,
    )


@pytest.mark.parametrize("field", Field.values)
def test_an_affiliated_units_bright_spots_go_to_its_department(levels, field):
    assert _route(levels.affiliated, Level.AGENCY, field) == (
        levels.department_committee,
        None,
        None,
    )


@pytest.mark.parametrize("unit_name", ["ward", "commune", "department", "school"])
def test_province_level_bright_spots_go_to_the_provinces_committees(cast, levels, unit_name):
    unit = getattr(levels, unit_name)
    assert _route(unit, Level.PROVINCE, Field.QCDC) == (cast.qcdc, cast.party, None)
    assert _route(unit, Level.PROVINCE, Field.DVCQ) == (cast.dvcq, cast.home_affairs, cast.party)


def test_a_commune_without_committees_falls_back_to_the_province(cast, levels):
    assert _route(levels.lone_village, Level.COMMUNE, Field.QCDC) == (cast.qcdc, cast.party, None)


def test_a_unit_cannot_take_a_level_it_does_not_belong_to(levels):
    with pytest.raises(ValidationError) as refused:
        route(unit=levels.ward, level=Level.COMMUNE, field=Field.QCDC, on=TODAY)
    assert "level" in refused.value.message_dict
    with pytest.raises(ValidationError):
        route(unit=levels.school, level=Level.AGENCY, field=Field.QCDC, on=TODAY)


def test_a_rule_must_stay_within_its_level_and_field(cast, levels):
    """The administrator edits routing per level: a commune's rule cannot send its bright spots
    to another commune's committee, nor to a committee that does not handle the field."""
    foreign = RoutingRule(
        province=cast.province, level_unit=levels.commune, field=Field.QCDC,
        recipient=levels.combined,
    )  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        foreign.full_clean(validate_constraints=False)
    assert "recipient" in refused.value.message_dict
    wrong_field = RoutingRule(
        province=cast.province, level_unit=levels.ward, field=Field.QCDC,
        recipient=levels.combined, copy_to=levels.ward_office,
    )  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        wrong_field.full_clean(validate_constraints=False)
    assert "copy_to" in refused.value.message_dict
    upward = RoutingRule(
        province=cast.province, level_unit=levels.ward, field=Field.QCDC,
        recipient=levels.combined, copy_to=cast.party,
    )  # fmt: skip
    upward.full_clean(validate_constraints=False)  # a copy to the province is fine


def test_an_inactive_committee_of_the_level_gives_way_to_the_next_level(cast, levels):
    levels.combined.active = False
    levels.combined.save()
    assert _route(levels.school, Level.COMMUNE, Field.QCDC)[0] == cast.qcdc


@pytest.fixture
def submitted(levels):
    """The school and the village each submit one bright spot of each field for the commune."""
    with time_machine.travel(datetime(2026, 3, 10, 9, 0, tzinfo=ICT), tick=False):
        for unit in (levels.school, levels.village):
            for field in Field.values:
                make_bright_spot(
                    unit, field=field, level=Level.COMMUNE, name=f"{field} của {unit.name}"
                )
            services.registration_submit(
                unit=unit, year=2026, by=unit.role_assignments.first().user
            )
    return {b.name: b for b in BrightSpot.objects.all()}


def test_submission_routes_each_bright_spot_to_its_communes_committee(levels, submitted):
    school, village = levels.school.name, levels.village.name
    assert submitted[f"qcdc của {school}"].recipient == levels.combined
    assert submitted[f"dvcq của {school}"].recipient == levels.combined
    assert submitted[f"dvcq của {school}"].copy_to == levels.ward_office
    assert submitted[f"qcdc của {village}"].recipient == levels.commune_qcdc
    assert submitted[f"dvcq của {village}"].recipient == levels.commune_dvcq


def test_committees_of_one_commune_never_see_anothers(levels, submitted, client_of):
    school_spot = submitted[f"qcdc của {levels.school.name}"]
    village_spot = submitted[f"qcdc của {levels.village.name}"]
    ward_client = client_of(levels.combined_staff)
    commune_client = client_of(levels.commune_qcdc_staff)

    year = {"year": 2026}  # the 2026 lists, whichever year is open today (R37)
    inbox = ward_client.get(
        reverse("registry:committee-inbox", args=[levels.combined.pk]), year
    ).text
    assert school_spot.name in inbox and village_spot.name not in inbox
    inbox = commune_client.get(
        reverse("registry:committee-inbox", args=[levels.commune_qcdc.pk]), year
    ).text
    assert village_spot.name in inbox and school_spot.name not in inbox

    detail = reverse("registry:bright-spot-detail", args=[school_spot.pk])
    assert ward_client.get(detail).status_code == 200
    assert commune_client.get(detail).status_code == 404
    other_inbox = reverse("registry:committee-inbox", args=[levels.combined.pk])
    assert commune_client.get(other_inbox).status_code == 404
    assert client_of(levels.department_staff).get(detail).status_code == 404


def test_only_the_recipient_decides_the_intermediary_reads(levels, submitted, client_of):
    from organisation.tests.factories import UserFactory, assign

    spot = submitted[f"dvcq của {levels.school.name}"]
    review = reverse("registry:bright-spot-review", args=[spot.pk])
    adviser = UserFactory(username="bdv_thanhvinh")
    assign(adviser, "committee_staff", committee=levels.ward_party)
    adviser_client = client_of(adviser)
    assert (
        adviser_client.get(reverse("registry:bright-spot-detail", args=[spot.pk])).status_code
        == 200
    )
    data = {"decision": "accept", "comment": "Đạt", "version": spot.version}
    assert adviser_client.post(review, data).status_code == 403
    response = client_of(levels.combined_staff).post(review, data)
    assert response.status_code == 302
    spot.refresh_from_db()
    assert spot.status == BrightSpot.Status.ACCEPTED


def test_a_committee_of_the_wrong_level_is_not_offered(cast, levels):
    """A committee must sit at the rule's level or above it."""
    other_commune = UnitFactory(province=cast.province, parent=cast.root, name="Xã Nghĩa Hợp")
    stray = CommitteeFactory(level_unit=other_commune, name="Ban Chỉ đạo xã Nghĩa Hợp")
    rule = RoutingRule(
        province=cast.province, level_unit=levels.ward, field=Field.QCDC, recipient=stray
    )
    with pytest.raises(ValidationError):
        rule.full_clean(validate_constraints=False)
