"""Levels below the province in the demo (R3, R8, R40): two communes after the 2025 merger, each
with one combined committee and its People's Committee, and the old communes they took over,
with theirs; their villages, schools and health stations; and Sở Tư pháp with its committee,
its head's authority (QĐ-STP) and its affiliated units. Safe to run again."""

from django.db import transaction

from demo import names as data
from organisation.models import Committee, Field, RoleAssignment, RoutingRule, Unit, User
from recognition.models import IssuingAuthority

Kind = Unit.Kind


def _unit(province, parent, kind, name, *, valid_from=None, valid_to=None) -> Unit:
    unit, _ = Unit.objects.get_or_create(
        province=province, parent=parent, kind=kind, name=name,
        defaults={"valid_from": valid_from, "valid_to": valid_to},
    )  # fmt: skip
    return unit


def _committee(province, level_unit, name, *, kind=Committee.Kind.STEERING) -> Committee:
    committee, _ = Committee.objects.get_or_create(
        province=province, level_unit=level_unit, name=name,
        defaults={"kind": kind, "handles_qcdc": True, "handles_dvcq": True},
    )  # fmt: skip
    return committee


def _route(province, level_unit, recipient, via=None) -> None:
    for field in Field.values:
        RoutingRule.objects.get_or_create(
            level_unit=level_unit, field=field,
            defaults={"province": province, "recipient": recipient, "via": via},
        )  # fmt: skip


def _authority(province, level_unit, **values) -> IssuingAuthority:
    authority, _ = IssuingAuthority.objects.get_or_create(
        province=province, level_unit=level_unit, name=values.pop("name"), defaults=values
    )
    return authority


def _commune_authority(province, level_unit, name, place, signer) -> IssuingAuthority:
    return _authority(
        province, level_unit, name=name, place_name=place, decision_symbol="QĐ-UBND",
        signing_form="TM. ỦY BAN NHÂN DÂN", signer_title="CHỦ TỊCH", signer_name=signer,
        legal_bases="Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\n"
        "Căn cứ Luật Thực hiện dân chủ ở cơ sở ngày 10 tháng 11 năm 2022;",
    )  # fmt: skip


def _user(username, full_name, position) -> User:
    user, created = User.objects.get_or_create(
        username=username,
        defaults={"full_name": full_name, "position": position,
                  "email": f"{username}@diemsang.local", "language": "vi"},
    )  # fmt: skip
    if created:
        user.set_password(data.PASSWORD)
        user.save()
    return user


def _staff(user, committee) -> None:
    RoleAssignment.objects.get_or_create(
        user=user, role=RoleAssignment.Role.COMMITTEE_STAFF, province=committee.province,
        committee=committee,
    )  # fmt: skip


@transaction.atomic
def build_levels(org: dict) -> dict:
    """Adds to the organisation; answers {"local_committees": {committee id: [staff]},
    "local_authorities": {committee id: authority}} and the new logins."""
    province, root = org["province"], org["root"]
    people = {u: _user(u, name, position) for u, name, position in data.LOCAL_USERS}
    staff_of, authorities, logins = {}, {}, []
    for commune in data.LOCAL_COMMUNES:
        new = Unit.objects.get(province=province, name=commune["unit"], valid_to=None)
        old = Unit.objects.get(province=province, name=commune["before"], successor=new)
        staff = people[commune["staff"]]
        for level_unit, suffix in ((new, ""), (old, "_before")):
            committee = _committee(province, level_unit, commune[f"committee{suffix}"])
            adviser = _committee(
                province, level_unit, commune[f"adviser{suffix}"], kind=Committee.Kind.AGENCY
            )
            _route(province, level_unit, committee, via=adviser)
            _staff(staff, committee)
            staff_of[committee.pk] = [staff]
            authorities[committee.pk] = _commune_authority(
                province, level_unit, *commune[f"authority{suffix}"]
            )
        for kind, name in commune["units"]:
            # Units are never moved (R2): the old commune's school hands over to the new one's.
            before = _unit(province, old, kind, name, valid_to=data.LAST_DAY_OF_DISTRICTS)
            after = _unit(province, new, kind, name, valid_from=data.MERGER_DAY)
            if before.successor_id != after.pk:
                before.successor = after
                before.save(update_fields=["successor"])
        logins.append((commune["staff"], data.PASSWORD, _described(commune["committee"])))

    department = data.LOCAL_DEPARTMENT
    dept = Unit.objects.get(province=province, name=department["unit"], parent=root)
    committee = _committee(province, dept, department["committee"])
    _route(province, dept, committee)
    staff = people[department["staff"]]
    _staff(staff, committee)
    staff_of[committee.pk] = [staff]
    authorities[committee.pk] = _authority(province, dept, **dict(department["authority"]))
    for name in department["units"]:
        _unit(province, dept, Kind.AFFILIATED, name)
    logins.append((department["staff"], data.PASSWORD, _described(department["committee"])))

    username, full_name, position, unit_name = data.SCHOOL_OFFICIAL
    school = Unit.objects.get(province=province, name=unit_name, valid_to=None)
    official = _user(username, full_name, position)
    RoleAssignment.objects.get_or_create(
        user=official, role=RoleAssignment.Role.UNIT_OFFICIAL, province=province, unit=school
    )
    logins.append(
        (username, data.PASSWORD, f"{RoleAssignment.Role.UNIT_OFFICIAL.label} — {school}")
    )
    return {"local_committees": staff_of, "local_authorities": authorities, "local_logins": logins}


def _described(committee_name: str) -> str:
    return f"{RoleAssignment.Role.COMMITTEE_STAFF.label} — {committee_name}"
