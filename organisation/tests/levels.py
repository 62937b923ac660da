"""Committees below the province for tests (R3, R8, R40): on top of the standard cast, two
communes with their own committees and grassroots units, a department with its affiliated unit,
and a commune without committees of its own.

- Phường Thành Vinh: one combined committee for both fields, through the ward's mass
  mobilization committee, DVCQ with a copy to the ward's office;
- Xã Nghĩa Đồng: a QCDC and a DVCQ committee, each through its own adviser;
- Sở Tư pháp (the cast's department): one combined committee of the department;
- Xã Nghĩa Dũng (the cast's unit A): no committee, so its units fall back to the province's.
"""

from types import SimpleNamespace

from organisation.models import Committee, Field, RoleAssignment, Unit
from organisation.tests.factories import (
    CommitteeFactory,
    RoutingRuleFactory,
    UnitFactory,
    UserFactory,
    assign,
)

Role = RoleAssignment.Role
Kind = Unit.Kind


def _unit(cast, parent, kind, name, username):
    unit = UnitFactory(province=cast.province, parent=parent, kind=kind, name=name)
    assign(
        UserFactory(username=username, full_name=f"Cán bộ {name}"), Role.UNIT_OFFICIAL, unit=unit
    )
    return unit


def _staff(committee, username):
    user = UserFactory(username=username, full_name=f"Cán bộ {committee.name}")
    assign(user, Role.COMMITTEE_STAFF, committee=committee)
    return user


def build_levels(cast) -> SimpleNamespace:
    root = cast.root
    ward = _unit(cast, root, Kind.WARD, "Phường Thành Vinh", "canbo_thanhvinh")
    school = _unit(cast, ward, Kind.SCHOOL, "Trường Tiểu học Thành Vinh", "canbo_truong")
    health = _unit(cast, ward, Kind.HEALTH_STATION, "Trạm Y tế phường Thành Vinh", "canbo_tramyte")
    commune = _unit(cast, root, Kind.COMMUNE, "Xã Nghĩa Đồng", "canbo_nghiadong")
    village = _unit(cast, commune, Kind.VILLAGE, "Xóm Tân Hương", "canbo_xom")
    lone_village = _unit(cast, cast.unit_a, Kind.VILLAGE, "Xóm Đồng Tâm", "canbo_dongtam")
    department = cast.department
    assign(UserFactory(username="canbo_stp"), Role.UNIT_OFFICIAL, unit=department)
    affiliated = _unit(cast, department, Kind.AFFILIATED, "Phòng Công chứng số 1", "canbo_ccn")

    combined = CommitteeFactory(
        level_unit=ward,
        name="Ban Chỉ đạo “Dân vận khéo” và QCDC phường Thành Vinh",
        handles_qcdc=True,
        handles_dvcq=True,
    )
    ward_party = CommitteeFactory(
        level_unit=ward,
        name="Ban Dân vận Đảng ủy phường Thành Vinh",
        kind=Committee.Kind.AGENCY,
        handles_qcdc=True,
        handles_dvcq=True,
    )
    ward_office = CommitteeFactory(
        level_unit=ward,
        name="Văn phòng HĐND và UBND phường Thành Vinh",
        kind=Committee.Kind.AGENCY,
        handles_qcdc=False,
        handles_dvcq=True,
    )
    RoutingRuleFactory(level_unit=ward, field=Field.QCDC, recipient=combined, via=ward_party)
    RoutingRuleFactory(
        level_unit=ward, field=Field.DVCQ, recipient=combined, via=ward_party, copy_to=ward_office
    )

    commune_qcdc = CommitteeFactory(
        level_unit=commune, name="Ban Chỉ đạo QCDC xã Nghĩa Đồng", handles_qcdc=True
    )
    commune_dvcq = CommitteeFactory(
        level_unit=commune,
        name="Ban Chỉ đạo DVCQ xã Nghĩa Đồng",
        handles_qcdc=False,
        handles_dvcq=True,
    )
    commune_party = CommitteeFactory(
        level_unit=commune,
        name="Ban Dân vận Đảng ủy xã Nghĩa Đồng",
        kind=Committee.Kind.AGENCY,
        handles_qcdc=True,
        handles_dvcq=True,
    )
    RoutingRuleFactory(level_unit=commune, field=Field.QCDC, recipient=commune_qcdc)
    RoutingRuleFactory(
        level_unit=commune, field=Field.DVCQ, recipient=commune_dvcq, copy_to=commune_party
    )

    department_committee = CommitteeFactory(
        level_unit=department,
        name="Ban Chỉ đạo QCDC và DVCQ Sở Tư pháp",
        handles_qcdc=True,
        handles_dvcq=True,
    )
    for field in Field.values:
        RoutingRuleFactory(level_unit=department, field=field, recipient=department_committee)

    return SimpleNamespace(
        ward=ward,
        school=school,
        health=health,
        commune=commune,
        village=village,
        lone_village=lone_village,
        department=department,
        affiliated=affiliated,
        combined=combined,
        ward_party=ward_party,
        ward_office=ward_office,
        commune_qcdc=commune_qcdc,
        commune_dvcq=commune_dvcq,
        commune_party=commune_party,
        department_committee=department_committee,
        combined_staff=_staff(combined, "bcd_thanhvinh"),
        commune_qcdc_staff=_staff(commune_qcdc, "bcd_qcdc_nghiadong"),
        commune_dvcq_staff=_staff(commune_dvcq, "bcd_dvcq_nghiadong"),
        department_staff=_staff(department_committee, "bcd_stp"),
    )
