"""Builds the demo province: organisation, people and five years of registrations. Safe to run
again: nothing is duplicated."""

import random
from datetime import timedelta

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone

from demo import names as data
from demo.bulk import registry as bulk
from demo.province import levels
from organisation.models import (
    Committee,
    Field,
    Province,
    RoleAssignment,
    RoutingRule,
    Unit,
    User,
)
from registry.models import Registration

Kind = Unit.Kind


def _kind_of(name: str) -> str:
    for prefix, kind in (
        ("Phường", Kind.WARD),
        ("Thị trấn", Kind.TOWNSHIP),
        ("Đặc khu", Kind.SPECIAL_ZONE),
    ):
        if name.startswith(prefix):
            return kind
    return Kind.COMMUNE


def _unit(province, parent, kind, name, *, code="", valid_from=None, valid_to=None) -> Unit:
    unit, _ = Unit.objects.get_or_create(
        province=province,
        parent=parent,
        kind=kind,
        name=name,
        valid_from=valid_from,
        defaults={"code": code, "valid_to": valid_to},
    )
    return unit


def _committee(
    province,
    level_unit,
    name,
    *,
    kind=Committee.Kind.STEERING,
    qcdc=False,
    dvcq=False,
    oversight=False,
):
    committee, _ = Committee.objects.update_or_create(
        province=province,
        name=name,
        create_defaults={
            "level_unit": level_unit,
            "kind": kind,
            "handles_qcdc": qcdc,
            "handles_dvcq": dvcq,
            "oversight": oversight,
        },
        defaults={"oversight": oversight},
    )
    return committee


@transaction.atomic
def build_organisation() -> dict:
    province, _ = Province.objects.get_or_create(
        code=data.PROVINCE["code"],
        defaults={"name": data.PROVINCE["name"], "place_name": data.PROVINCE["place_name"]},
    )
    root = _unit(province, None, Kind.PROVINCE, data.PROVINCE["root"], code=data.PROVINCE["code"])
    units = {root.name: root}

    for department, affiliated in data.DEPARTMENTS.items():
        dept = units[department] = _unit(province, root, Kind.DEPARTMENT, department)
        for name in affiliated:
            units[name] = _unit(province, dept, Kind.AFFILIATED, name)
    for new_name, old_names in data.DEPARTMENT_MERGERS.items():
        new = units[new_name] = _unit(
            province, root, Kind.DEPARTMENT, new_name, valid_from=data.DEPARTMENT_MERGER_DAY
        )
        for old_name in old_names:
            old = units[old_name] = _unit(province, root, Kind.DEPARTMENT, old_name)
            _close(old, successor=new, last_day=data.DEPARTMENT_MERGER_DAY - timedelta(days=1))
    for name in data.ENTERPRISES:
        units[name] = _unit(province, root, Kind.ENTERPRISE, name)

    old_code, new_code = 16600, 17000
    for (district_name, district_code), new_communes in data.DISTRICTS.items():
        district = _unit(
            province,
            root,
            Kind.DISTRICT,
            district_name,
            code=district_code,
            valid_to=data.LAST_DAY_OF_DISTRICTS,
        )
        units[district_name] = district
        for new_name, old_names in new_communes.items():
            new_code += 3
            new = _unit(
                province,
                root,
                _kind_of(new_name),
                new_name,
                code=str(new_code),
                valid_from=data.MERGER_DAY,
            )
            units[new_name] = new
            for old_name in old_names:
                old_code += 3
                old = _unit(
                    province,
                    district,
                    _kind_of(old_name),
                    old_name,
                    code=str(old_code),
                    valid_to=data.LAST_DAY_OF_DISTRICTS,
                )
                _close(old, successor=new, last_day=data.LAST_DAY_OF_DISTRICTS)
                units.setdefault(old_name, old)  # "Xã Tân Phú" old and new: the new one wins

    committees = _build_committees(province, root, units)
    return {"province": province, "root": root, "units": units, "committees": committees}


def _close(unit: Unit, *, successor: Unit, last_day) -> None:
    if unit.successor_id != successor.pk or unit.valid_to != last_day:
        unit.successor, unit.valid_to = successor, last_day
        unit.save()


def _build_committees(province, root, units) -> dict:
    names = data.COMMITTEES
    committees = {
        "qcdc": _committee(province, root, names["qcdc"], qcdc=True),
        "dvcq": _committee(province, root, names["dvcq"], dvcq=True),
        "party": _committee(
            province,
            root,
            names["party"],
            kind=Committee.Kind.AGENCY,
            qcdc=True,
            dvcq=True,
            oversight=True,
        ),
        "home_affairs": _committee(
            province,
            root,
            names["home_affairs"],
            kind=Committee.Kind.AGENCY,
            dvcq=True,
            oversight=True,
        ),
    }
    # R8: DVCQ goes to the DVCQ committee through Home Affairs with a copy to the Party's mass
    # mobilization committee; QCDC goes to the QCDC committee through the Party committee.
    _route(province, root, Field.QCDC, committees["qcdc"], via=committees["party"])
    _route(
        province,
        root,
        Field.DVCQ,
        committees["dvcq"],
        via=committees["home_affairs"],
        copy_to=committees["party"],
    )

    # Communes' and departments' own committees are built by demo.province.levels.
    for district_name, _code in data.DISTRICTS:
        district = units[district_name]
        place = district_name[0].lower() + district_name[1:]  # "huyện Tân Kỳ"
        qcdc = _committee(
            province, district, f"Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở {place}", qcdc=True
        )
        dvcq = _committee(
            province, district, f"Ban Chỉ đạo công tác dân vận chính quyền {place}", dvcq=True
        )
        _route(province, district, Field.QCDC, qcdc)
        _route(province, district, Field.DVCQ, dvcq)
    return committees


def _route(province, level_unit, field, recipient, *, via=None, copy_to=None) -> None:
    RoutingRule.objects.get_or_create(
        level_unit=level_unit,
        field=field,
        defaults={"province": province, "recipient": recipient, "via": via, "copy_to": copy_to},
    )


@transaction.atomic
def build_users(org: dict) -> list[tuple[str, str, str]]:
    """Create the demo logins; returns (username, password, what the login is for)."""
    province, units, committees = org["province"], org["units"], org["committees"]
    administrators = _administrators_group()
    logins = []
    for username, full_name, position, role, scope in data.USERS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "full_name": full_name,
                "position": position,
                "email": f"{username}@diemsang.local",
                "language": "vi",
            },
        )
        if created:
            user.set_password(data.PASSWORD)
            user.save()
        if role == "administrator":
            user.is_staff = user.is_superuser = True
            user.save(update_fields=["is_staff", "is_superuser"])
            user.groups.add(administrators)
            _assign(user, RoleAssignment.Role.ADMINISTRATOR, province)
            described = str(province)
        elif role == "unit_official":
            _assign(user, RoleAssignment.Role.UNIT_OFFICIAL, province, unit=units[scope])
            described = scope
        elif role == "committee_staff":
            _assign(
                user, RoleAssignment.Role.COMMITTEE_STAFF, province, committee=committees[scope]
            )
            described = committees[scope].name
        else:  # provincial staff who also staff the agency receiving registrations (R8)
            _assign(user, RoleAssignment.Role.PROVINCIAL_STAFF, province)
            _assign(
                user, RoleAssignment.Role.COMMITTEE_STAFF, province, committee=committees[scope]
            )
            described = committees[scope].name
        logins.append((username, data.PASSWORD, f"{RoleAssignment.Role(role).label} — {described}"))
    return logins


def _assign(user, role, province, *, unit=None, committee=None) -> None:
    RoleAssignment.objects.get_or_create(
        user=user, role=role, province=province, unit=unit, committee=committee
    )


def _administrators_group() -> Group:
    group, _ = Group.objects.get_or_create(name="Administrators")
    group.permissions.set(
        Permission.objects.filter(
            content_type__app_label__in=["registry", "recognition", "reporting"]
        )
    )
    return group


@transaction.atomic
def build_registrations(org: dict, local_staff: dict) -> dict:
    """Five years of registrations, 2022 to the current year, at Nghe An's scale (2022: 135 QCDC
    and 136 DVCQ bright spots). Built once: a second run finds them and adds nothing."""
    province = org["province"]
    if Registration.objects.filter(province=province).exists():
        return {}
    rng = random.Random(40)
    units = list(Unit.objects.filter(province=province).select_related("parent"))
    officials = _demo_officials(province, units)
    reviewer = User.objects.get(username="bcd.qcdc")
    this_year = timezone.localdate().year
    counts = {}
    for year in range(2022, this_year + 1):
        plan = bulk.YearPlan(
            year=year,
            targets={"qcdc": 135, "dvcq": 136} if year == 2022 else {},
            per_unit=1.6 if year < 2026 else 2.2,
            not_submitted=0.08 if year == this_year else 0.0,
            one_field_only=0.06 if year == this_year else 0.0,
            still_submitted=0.12 if year == this_year else 0.0,
            returned=0.08 if year == this_year else 0.02,
            reports=0.35 if year == this_year else 1.0,
            progress=(35, 85) if year == this_year else (85, 100),
            always_submit=frozenset(
                u for u, user in officials.items() if user.username.startswith("canbo.")
            ),
        )
        counts[year] = bulk.register_year(
            province=province,
            units=units,
            officials=officials,
            reviewer=reviewer,
            plan=plan,
            rng=rng,
            reviewers={pk: staff[0] for pk, staff in local_staff.items()},
        ).counts
    return counts


def _demo_officials(province, units) -> dict:
    """Who registers for each unit: the demo official where there is one, else a made-up one."""
    assigned = {
        a.unit_id: a.user
        for a in RoleAssignment.objects.filter(
            province=province, role=RoleAssignment.Role.UNIT_OFFICIAL
        )
    }
    fallback = User.objects.get(username="admin")
    return {unit.pk: assigned.get(unit.pk, fallback) for unit in units}


def build(context: dict) -> None:
    """The registry's part of `manage.py load_demo` (see that command)."""
    org = build_organisation()
    context.update(org)
    context["logins"] = build_users(org)
    local = levels.build_levels(org)
    context.update(local)
    context["logins"] += local["local_logins"]
    context["registrations"] = build_registrations(org, local["local_committees"])
