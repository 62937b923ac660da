"""The organisation's import kinds (R39): units, committees, routing, people.

Rows are matched to what exists by official code (units), by name and level (committees), by
level and field (routing) and by username (people), so a second import of the same file finds
every row unchanged.
"""

import re

from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_noop

from core.text import fold, nfc, sort_key
from organisation.imports.base import (
    YES_NO,
    Action,
    Column,
    ImportKind,
    Plan,
    Refusal,
    RowRefused,
    choice,
    day,
    register,
    show,
    text,
    vi,
    vietnamese,
    yes_no,
)
from organisation.models import (
    Committee,
    Field,
    RoleAssignment,
    RoutingRule,
    Unit,
    UnitSuccession,
    User,
)
from organisation.services.people import role_assign, user_welcome

UNIT_KINDS = lambda: {vietnamese(label): value for value, label in Unit.Kind.choices}  # noqa: E731
COMMITTEE_KINDS = lambda: {vietnamese(label): value for value, label in Committee.Kind.choices}  # noqa: E731
FIELDS = lambda: {"QCDC": Field.QCDC, "DVCQ": Field.DVCQ}  # noqa: E731
ROLES = lambda: {vietnamese(label): value for value, label in RoleAssignment.Role.choices}  # noqa: E731
PROVINCE_CODE = re.compile(r"^\d{2}$")
COMMUNE_CODE = re.compile(r"^\d{5}$")
SHARE = re.compile(r"^(?P<ref>.+?)\s*:\s*(?P<share>\S+)$")


class UnitIndex:
    """The province's units, loaded once, found by official code or by name."""

    def __init__(self, province):
        self.units = list(
            Unit.objects.filter(province=province).only(
                "id", "code", "name", "kind", "parent_id", "successor_id", "valid_from",
                "valid_to", "province_id", "path",
            )
        )  # fmt: skip
        self.by_id = {unit.pk: unit for unit in self.units}
        self.by_code = {unit.code: unit for unit in self.units if unit.code}
        self.by_name: dict[str, list[Unit]] = {}
        for unit in self.units:
            self.by_name.setdefault(fold(unit.name), []).append(unit)
        # A split unit's successors: predecessor id → {successor id: share (%)}.
        self.shares: dict[int, dict[int, int]] = {}
        for pk, successor, share in UnitSuccession.objects.filter(
            predecessor__province=province
        ).values_list("predecessor_id", "successor_id", "share_percent"):
            self.shares.setdefault(pk, {})[successor] = share

    def find(self, reference: str, column: Column) -> Unit:
        """The unit a cell names (its code, or its name when no other unit has that name)."""
        if reference in self.by_code:
            return self.by_code[reference]
        named = self.by_name.get(fold(reference), [])
        if len(named) == 1:
            return named[0]
        if len(named) > 1:
            raise RowRefused(
                column,
                vi(gettext_noop("Several units are named “%(name)s”; give its code."),
                   name=reference),
            )  # fmt: skip
        raise RowRefused(
            column,
            vi(gettext_noop("No unit of this province has the code or name “%(value)s”."),
               value=reference),
        )  # fmt: skip


class UnitsImport(ImportKind):
    name = "units"
    label = gettext_noop("Units")
    order = 10
    columns = [
        Column("code", "Mã đơn vị", example="17011",
               note="Mã hành chính (Quyết định 19/2025/QĐ-TTg): 2 chữ số cho tỉnh, 5 cho xã."),
        Column("name", "Tên đơn vị", required=True, example="Xã Nghĩa Dũng"),
        Column("kind", "Loại đơn vị", required=True, choices=lambda: list(UNIT_KINDS()),
               example="Xã"),
        Column("parent", "Đơn vị cấp trên", example="40",
               note="Mã hoặc tên của đơn vị cấp trên; để trống cho tỉnh."),
        Column("valid_from", "Hiệu lực từ", example="01/07/2025", note="dd/mm/yyyy"),
        Column("valid_to", "Hiệu lực đến", note="dd/mm/yyyy; để trống nếu còn hiệu lực."),
        Column("successor", "Đơn vị kế thừa",
               note="Mã hoặc tên đơn vị mà đơn vị này sáp nhập vào. Nếu chia cho nhiều đơn vị: "
                    "mã:tỷ lệ %, cách nhau bởi dấu chấm phẩy, tổng 100 (17011:60; 17014:40)."),
    ]  # fmt: skip

    def plan(self, header, rows, province, by) -> Plan:
        plan = Plan()
        records = self.records(header, rows, plan)
        index = UnitIndex(province)
        col = self.column
        parsed = []  # (row, values) for rows that read correctly
        in_file: dict[str, dict] = {}  # code or folded name → parsed row
        for number, values in records:
            try:
                row = self._read(values, province)
            except RowRefused as refusal:
                plan.refusals.append(Refusal(number, refusal.column.header, refusal.message))
                continue
            row["row"] = number
            key = row["code"] or f"name:{fold(row['name'])}:{fold(row['parent_ref'])}"
            if key in in_file:
                plan.refusals.append(Refusal(number, col("code" if row["code"] else "name").header,
                    vi(gettext_noop("Duplicate of row %(row)s."), row=in_file[key]["row"])))  # fmt: skip
                continue
            in_file[key] = row
            parsed.append(row)
        by_code = {row["code"]: row for row in parsed if row["code"]}
        by_name: dict[str, list[dict]] = {}
        for row in parsed:
            by_name.setdefault(fold(row["name"]), []).append(row)

        def resolve(reference: str, column: Column):
            """A row of the file, or a unit of the database."""
            if reference in by_code:
                return by_code[reference]
            named = by_name.get(fold(reference), [])
            if len(named) == 1 and reference not in index.by_code:
                return named[0]
            return index.find(reference, column)

        ready = []
        for row in parsed:
            try:
                row["parent"] = (
                    resolve(row["parent_ref"], col("parent")) if row["parent_ref"] else None
                )
                shares = [
                    (resolve(ref, col("successor")), share) for ref, share in row["successor_refs"]
                ]
                # The largest share carries the unit's bright spots one by one (R2).
                row["successor"] = shares[0][0] if shares else None
                row["shares"] = shares if len(shares) > 1 else []
                if row["kind"] != Unit.Kind.PROVINCE and row["parent"] is None:
                    raise RowRefused(
                        col("parent"),
                        vi(gettext_noop("A unit other than the province needs its parent unit.")),
                    )
                if row["kind"] == Unit.Kind.PROVINCE and row["parent"] is not None:
                    raise RowRefused(
                        col("parent"), vi(gettext_noop("The province has no parent unit."))
                    )
                row["existing"] = self._existing(row, index)
                if row["existing"] is not None:
                    row["had_shares"] = index.shares.get(row["existing"].pk, {})
            except RowRefused as refusal:
                plan.refusals.append(Refusal(row["row"], refusal.column.header, refusal.message))
                continue
            ready.append(row)
        if plan.refusals:
            return plan
        # Parents first, whatever order the file lists them in.
        placed, ordered = set(), []

        def place(row, depth=0):
            if id(row) in placed or depth > 50:
                return
            if isinstance(row["parent"], dict):
                place(row["parent"], depth + 1)
            placed.add(id(row))
            ordered.append(row)

        for row in ready:
            place(row)
        for row in sorted(ready, key=lambda r: r["row"]):
            plan.actions.append(self._action(row))
        plan.steps = [
            lambda: self._create_all([r for r in ordered if r["existing"] is None], province, plan),
            *[lambda row=row: self._save(row) for row in ordered if row["existing"] is not None],
            lambda: self._link_all([r for r in ordered if r["successor"] is not None]),
        ]
        return plan

    def _create_all(self, rows, province, plan):
        """New units in bulk, a generation at a time (parents before children): 13,000 units
        in seconds rather than one INSERT and one UPDATE each."""
        depth = {}

        def depth_of(row):
            if id(row) not in depth:
                parent = row["parent"]
                new_parent = isinstance(parent, dict) and parent["existing"] is None
                depth[id(row)] = depth_of(parent) + 1 if new_parent else 0
            return depth[id(row)]

        generations: dict[int, list] = {}
        for row in rows:
            generations.setdefault(depth_of(row), []).append(row)
        for level in sorted(generations):
            units = []
            for row in generations[level]:
                name = nfc(row["name"]).strip()
                unit = Unit(
                    province=province, code=row["code"], name=name, kind=row["kind"],
                    valid_from=row["valid_from"], valid_to=row["valid_to"],
                    parent=self._object(row["parent"]) if row["parent"] is not None else None,
                    name_folded=fold(name), name_sort=sort_key(name), path="",
                )  # fmt: skip
                row["object"] = unit
                units.append(unit)
            for start in range(0, len(units), 1000):  # a thousand at a time, reported
                batch = units[start : start + 1000]
                Unit.objects.bulk_create(batch)
                for unit in batch:
                    unit.path = f"{unit.parent.path if unit.parent_id else ''}{unit.pk}."
                Unit.objects.bulk_update(batch, ["path"])
                plan.advance(len(batch))

    def _link_all(self, rows):
        linked, split, resplit = [], [], []
        for row in rows:
            unit, successor = row["object"], self._object(row["successor"])
            if unit.successor_id != successor.pk:
                unit.successor_id = successor.pk
                linked.append(unit)
            wanted = {self._object(ref).pk: share for ref, share in row["shares"]}
            if wanted != row.get("had_shares", {}):
                resplit.append(unit.pk)
                split += [
                    UnitSuccession(predecessor=unit, successor_id=pk, share_percent=share)
                    for pk, share in wanted.items()
                ]
        Unit.objects.bulk_update(linked, ["successor"], batch_size=1000)
        UnitSuccession.objects.filter(predecessor_id__in=resplit).delete()
        UnitSuccession.objects.bulk_create(split, batch_size=1000)

    def _read(self, values, province) -> dict:
        col = self.column
        kind = choice(values, col("kind"), UNIT_KINDS())
        code = text(values, col("code"), max_length=10)
        if kind == Unit.Kind.PROVINCE:
            if not PROVINCE_CODE.match(code):
                raise RowRefused(
                    col("code"),
                    vi(gettext_noop("A province's code has 2 digits (Decision 19/2025/QĐ-TTg).")),
                )
            if code != province.code:
                raise RowRefused(
                    col("code"),
                    vi(
                        gettext_noop("This file is for the province with code %(code)s."),
                        code=province.code,
                    ),
                )
        elif kind in Unit.COMMUNE_LEVEL and code and not COMMUNE_CODE.match(code):
            raise RowRefused(
                col("code"),
                vi(gettext_noop("A commune's code has 5 digits (Decision 19/2025/QĐ-TTg).")),
            )
        valid_from, valid_to = day(values, col("valid_from")), day(values, col("valid_to"))
        if valid_from and valid_to and valid_to < valid_from:
            raise RowRefused(
                col("valid_to"), vi(gettext_noop("The end of validity is before its start."))
            )
        return {
            "code": code,
            "name": nfc(text(values, col("name"), max_length=255)),
            "kind": kind,
            "parent_ref": text(values, col("parent")),
            "valid_from": valid_from,
            "valid_to": valid_to,
            "successor_refs": self._successors(text(values, col("successor"))),
        }  # fmt: skip

    def _successors(self, cell: str) -> list[tuple[str, int]]:
        """ "17011" (merged whole) or "17011:60; 17014:40" (split, shares summing to 100), the
        largest share first."""
        column = self.column("successor")
        parts = [part.strip() for part in cell.split(";") if part.strip()]
        if len(parts) <= 1 and not (parts and SHARE.match(parts[0])):
            return [(parts[0], 100)] if parts else []
        found, seen = [], set()
        for part in parts:
            match = SHARE.match(part)
            share = match["share"].rstrip("%") if match else ""
            if not share.isdigit() or not 1 <= int(share) <= 100:
                raise RowRefused(column, vi(gettext_noop(
                    "Write each successor as code:share, the share a whole percentage from 1 "
                    "to 100 (“%(value)s”)."), value=part))  # fmt: skip
            if match["ref"] in seen:
                raise RowRefused(column, vi(gettext_noop("“%(value)s” is listed twice."),
                                            value=match["ref"]))  # fmt: skip
            seen.add(match["ref"])
            found.append((match["ref"], int(share)))
        total = sum(share for _ref, share in found)
        if total != 100:
            raise RowRefused(column, vi(gettext_noop(
                "The successors' shares sum to %(total)s%%, not 100%%."), total=total))  # fmt: skip
        return sorted(found, key=lambda item: -item[1])

    def _existing(self, row, index: UnitIndex) -> Unit | None:
        if row["code"]:
            return index.by_code.get(row["code"])
        parent = row["parent"]
        if parent is None or isinstance(parent, dict):
            return None
        for unit in index.by_name.get(fold(row["name"]), []):
            if unit.parent_id == parent.pk and not unit.code:
                return unit
        return None

    @staticmethod
    def _target_id(reference):
        if reference is None:
            return None
        if isinstance(reference, dict):
            existing = reference.get("existing")
            return existing.pk if existing is not None else "new"
        return reference.pk

    def _action(self, row) -> Action:
        unit = row["existing"]
        if unit is None:
            return Action(row["row"], "created", row["name"])
        changes = {}
        wanted = {
            "name": row["name"], "kind": row["kind"], "valid_from": row["valid_from"],
            "valid_to": row["valid_to"],
        }  # fmt: skip
        for name, value in wanted.items():
            if getattr(unit, name) != value:
                changes[name] = [show(getattr(unit, name)), show(value)]
        for name in ("parent", "successor"):
            target = self._target_id(row[name])
            if getattr(unit, f"{name}_id") != target:
                changes[name] = [show(getattr(unit, f"{name}_id")), show(self._label(row[name]))]
        had = row.get("had_shares", {})
        wanted = {self._target_id(ref): share for ref, share in row["shares"]}
        if had != wanted:
            changes["successors"] = [
                "; ".join(f"{pk}:{share}" for pk, share in had.items()) or None,
                "; ".join(f"{self._label(ref)}:{share}" for ref, share in row["shares"]) or None,
            ]
            changes["successors"] = [show(v) for v in changes["successors"]]
        row["changed"] = bool(changes)
        return Action(row["row"], "changed" if changes else "unchanged", row["name"], changes)

    @staticmethod
    def _label(reference):
        if reference is None:
            return None
        return reference["name"] if isinstance(reference, dict) else reference.name

    @staticmethod
    def _object(reference):
        if isinstance(reference, dict):
            return reference["object"]
        return reference

    def _save(self, row):
        unit = row["existing"]
        if not row.get("changed"):
            row["object"] = unit
            return
        unit = Unit.objects.get(pk=unit.pk)
        unit.code, unit.name, unit.kind = row["code"] or unit.code, row["name"], row["kind"]
        unit.valid_from, unit.valid_to = row["valid_from"], row["valid_to"]
        unit.parent = self._object(row["parent"]) if row["parent"] is not None else None
        unit.save()
        row["object"] = unit


register(UnitsImport())


class CommitteesImport(ImportKind):
    name = "committees"
    label = gettext_noop("Committees")
    order = 20
    columns = [
        Column("name", "Tên ban chỉ đạo hoặc cơ quan", required=True,
               example="Ban Chỉ đạo QCDC xã Nghĩa Dũng"),
        Column("level", "Cấp (mã hoặc tên đơn vị)", required=True, example="17011"),
        Column("kind", "Loại", choices=lambda: list(COMMITTEE_KINDS()), example="Ban chỉ đạo"),
        Column("qcdc", "Phụ trách QCDC", choices=lambda: YES_NO, example="Có"),
        Column("dvcq", "Phụ trách DVCQ", choices=lambda: YES_NO, example="Không"),
        Column("active", "Đang hoạt động", choices=lambda: YES_NO, example="Có"),
    ]  # fmt: skip

    def plan(self, header, rows, province, by) -> Plan:
        plan, index, col = Plan(), UnitIndex(province), self.column
        existing = {
            (fold(c.name), c.level_unit_id): c for c in Committee.objects.filter(province=province)
        }
        seen, steps = {}, []
        for number, values in self.records(header, rows, plan):
            try:
                name = nfc(text(values, col("name")))
                level = index.find(text(values, col("level")), col("level"))
                kind = choice(values, col("kind"), COMMITTEE_KINDS()) or Committee.Kind.STEERING
                qcdc, dvcq = yes_no(values, col("qcdc")), yes_no(values, col("dvcq"))
                active = yes_no(values, col("active"), default=True)
                if not (qcdc or dvcq):
                    raise RowRefused(
                        col("qcdc"), vi(gettext_noop("A committee handles QCDC, DVCQ or both."))
                    )
            except RowRefused as refusal:
                plan.refusals.append(Refusal(number, refusal.column.header, refusal.message))
                continue
            key = (fold(name), level.pk)
            if plan.refuse_duplicate(number, col("name"), seen, key):
                continue
            wanted = {
                "name": name,
                "kind": kind,
                "handles_qcdc": qcdc,
                "handles_dvcq": dvcq,
                "active": active,
            }
            committee = existing.get(key)
            if committee is None:
                plan.actions.append(Action(number, "created", name))
                steps.append(
                    lambda w=wanted, level=level: Committee.objects.create(
                        province=province, level_unit=level, **w
                    )
                )
                continue
            changes = {
                k: [show(getattr(committee, k)), show(v)]
                for k, v in wanted.items()
                if getattr(committee, k) != v
            }
            plan.actions.append(
                Action(number, "changed" if changes else "unchanged", name, changes)
            )
            if changes:
                steps.append(lambda c=committee, w=wanted: _update(c, w))
        plan.steps = steps
        return plan  # fmt: skip


def _update(instance, values: dict):
    for name, value in values.items():
        setattr(instance, name, value)
    instance.save()


register(CommitteesImport())


class CommitteeIndex:
    def __init__(self, province):
        self.by_name: dict[str, list[Committee]] = {}
        for committee in Committee.objects.filter(province=province).select_related("level_unit"):
            self.by_name.setdefault(fold(committee.name), []).append(committee)

    def find(self, name: str, column: Column, level: Unit) -> Committee:
        named = self.by_name.get(fold(name), [])
        if len(named) > 1:  # the same name at several levels: the level's own, or above it
            named = [c for c in named if level.is_within(c.level_unit)] or named
            named = sorted(named, key=lambda c: -len(c.level_unit.path))[:1]
        if not named:
            raise RowRefused(
                column,
                vi(gettext_noop("No committee of this province is named “%(name)s”."), name=name),
            )
        return named[0]  # fmt: skip


class RoutingImport(ImportKind):
    name = "routing"
    label = gettext_noop("Routing")
    order = 30
    columns = [
        Column("level", "Cấp (mã hoặc tên đơn vị)", required=True, example="17011"),
        Column("field", "Lĩnh vực", required=True, choices=lambda: list(FIELDS()), example="QCDC"),
        Column("recipient", "Ban chỉ đạo nhận", required=True,
               example="Ban Chỉ đạo QCDC xã Nghĩa Dũng"),
        Column("via", "Qua cơ quan tham mưu"),
        Column("copy_to", "Đồng gửi"),
    ]  # fmt: skip

    def plan(self, header, rows, province, by) -> Plan:
        plan, units, committees, col = (
            Plan(),
            UnitIndex(province),
            CommitteeIndex(province),
            self.column,
        )
        existing = {
            (r.level_unit_id, r.field): r for r in RoutingRule.objects.filter(province=province)
        }
        seen, steps = {}, []
        for number, values in self.records(header, rows, plan):
            try:
                level = units.find(text(values, col("level")), col("level"))
                field = choice(values, col("field"), FIELDS())
                wanted = {}
                for name in ("recipient", "via", "copy_to"):
                    value = text(values, col(name))
                    wanted[name] = committees.find(value, col(name), level) if value else None
                if not wanted["recipient"].handles(field):
                    raise RowRefused(
                        col("recipient"),
                        vi(
                            gettext_noop("This committee does not handle %(field)s."),
                            field=field.upper(),
                        ),
                    )
            except RowRefused as refusal:
                plan.refusals.append(Refusal(number, refusal.column.header, refusal.message))
                continue
            key = (level.pk, field)
            label = f"{level.name} · {field.upper()}"
            if plan.refuse_duplicate(number, col("field"), seen, key):
                continue
            rule = existing.get(key)
            if rule is None:
                plan.actions.append(Action(number, "created", label))
                steps.append(
                    lambda w=wanted, level=level, field=field: RoutingRule.objects.create(
                        province=province, level_unit=level, field=field, **w
                    )
                )
                continue
            changes = {
                k: [show(getattr(rule, f"{k}_id")), show(v and v.name)]
                for k, v in wanted.items()
                if getattr(rule, f"{k}_id") != (v and v.pk)
            }
            plan.actions.append(
                Action(number, "changed" if changes else "unchanged", label, changes)
            )
            if changes:
                steps.append(lambda r=rule, w=wanted: _update(r, w))
        plan.steps = steps
        return plan  # fmt: skip


register(RoutingImport())


class PeopleImport(ImportKind):
    name = "people"
    label = gettext_noop("People and roles")
    order = 40
    columns = [
        Column("username", "Tên đăng nhập", required=True, example="nguyenvanan"),
        Column("full_name", "Họ và tên", required=True, example="Nguyễn Văn An"),
        Column("email", "Thư điện tử", example="an.nv@nghean.gov.vn",
               note="Người dùng nhận thư mời đặt mật khẩu ở địa chỉ này."),
        Column("position", "Chức vụ", example="Công chức Văn phòng - Thống kê"),
        Column("phone", "Điện thoại", example="0912345678"),
        Column("role", "Vai trò", required=True, choices=lambda: list(ROLES()),
               example=vietnamese(RoleAssignment.Role.UNIT_OFFICIAL.label)),
        Column("scope", "Phạm vi (đơn vị hoặc ban)", example="17011",
               note="Mã hoặc tên đơn vị (cán bộ đơn vị), tên ban (cán bộ ban chỉ đạo); "
                    "để trống cho cán bộ tỉnh và quản trị viên."),
    ]  # fmt: skip

    def plan(self, header, rows, province, by) -> Plan:
        plan, units, committees, col = (
            Plan(),
            UnitIndex(province),
            CommitteeIndex(province),
            self.column,
        )
        records = self.records(header, rows, plan)
        usernames = {str(values.get("username", "")).strip() for _n, values in records}
        users = {u.username: u for u in User.objects.filter(username__in=usernames)}
        held = set(
            RoleAssignment.objects.filter(user__in=users.values()).values_list(
                "user_id", "role", "unit_id", "committee_id", "province_id"
            )
        )
        root = units.by_code.get(province.code) or (units.units[0] if units.units else None)
        seen, people, steps = {}, {}, []
        validate_username = UnicodeUsernameValidator()
        Role = RoleAssignment.Role
        for number, values in records:
            try:
                username = text(values, col("username"), max_length=150)
                try:
                    validate_username(username)
                except ValidationError:
                    raise RowRefused(
                        col("username"),
                        vi(gettext_noop("A username has only letters, digits and @ . + - _.")),
                    ) from None
                person = {
                    "full_name": nfc(text(values, col("full_name"), max_length=150)),
                    "email": text(values, col("email"), max_length=254).lower(),
                    "position": text(values, col("position"), max_length=150),
                    "phone": text(values, col("phone"), max_length=30),
                }
                if person["email"]:
                    try:
                        validate_email(person["email"])
                    except ValidationError:
                        raise RowRefused(
                            col("email"),
                            vi(
                                gettext_noop("“%(value)s” is not an e-mail address."),
                                value=person["email"],
                            ),
                        ) from None
                role = choice(values, col("role"), ROLES())
                scope = text(values, col("scope"))
                unit = committee = None
                if role == Role.UNIT_OFFICIAL:
                    if not scope:
                        raise RowRefused(
                            col("scope"), vi(gettext_noop("A unit official needs the unit."))
                        )
                    unit = units.find(scope, col("scope"))
                elif role == Role.COMMITTEE_STAFF:
                    if not scope:
                        raise RowRefused(
                            col("scope"), vi(gettext_noop("Committee staff need the committee."))
                        )
                    if root is None:
                        raise RowRefused(
                            col("scope"), vi(gettext_noop("Import the province's units first."))
                        )
                    committee = committees.find(scope, col("scope"), root)
                elif scope:
                    raise RowRefused(
                        col("scope"),
                        vi(
                            gettext_noop(
                                "Provincial staff and administrators act for the whole province; leave this cell empty."
                            )
                        ),
                    )
            except RowRefused as refusal:
                plan.refusals.append(Refusal(number, refusal.column.header, refusal.message))
                continue
            key = (username.lower(), role, unit and unit.pk, committee and committee.pk)
            if plan.refuse_duplicate(number, col("username"), seen, key):
                continue
            label = f"{person['full_name']} ({username}) · {vietnamese(Role(role).label)}"
            user = users.get(username)
            first_row = username not in people
            people.setdefault(username, person)
            if user is None:
                plan.actions.append(Action(number, "created" if first_row else "changed", label))
                if first_row:
                    steps.append(lambda u=username, p=person: _person_create(u, p, by))
                steps.append(
                    lambda u=username, r=role, unit=unit, c=committee: role_assign(
                        user=User.objects.get(username=u),
                        role=r,
                        unit=unit,
                        committee=c,
                        province=province,
                        by=by,
                    )
                )
                continue
            changes = {}
            if first_row:
                changes = {
                    k: [show(getattr(user, k)), show(v)]
                    for k, v in person.items()
                    if getattr(user, k) != v
                }
            if (
                user.pk,
                role,
                unit and unit.pk,
                committee and committee.pk,
                province.pk,
            ) not in held:
                changes["role"] = ["—", label]
                steps.append(
                    lambda user=user, r=role, unit=unit, c=committee: role_assign(
                        user=user, role=r, unit=unit, committee=c, province=province, by=by
                    )
                )
            if first_row and len(changes) > ("role" in changes):
                steps.append(lambda user=user, p=person: _update(user, p))
            plan.actions.append(
                Action(number, "changed" if changes else "unchanged", label, changes)
            )
        plan.steps = steps
        return plan  # fmt: skip


def _person_create(username: str, person: dict, by) -> None:
    """A new account without a password: the welcome e-mail links to choosing one (R39)."""
    user = User(username=username, **person)
    user.set_unusable_password()
    user.save()
    user_welcome(user=user, by=by)


register(PeopleImport())
