"""Registrations in bulk, for the demo province and the benchmark dataset.

Builds a year of a province's registrations the way they happen: every unit submits a list with
both fields before the deadline (a few late under an extension, a few not at all in the current
year); committees accept most bright spots and return some; plans progress during the year and
units report in November. Rows go in with bulk inserts, with the audit entries a page shows.
"""

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from core.text import fold, sort_key
from demo.bulk import copy
from organisation.models import AuditEntry, Field, Level, Unit
from organisation.routing import level_units, route
from recognition.models import Criterion
from registry.deadlines import period_for
from registry.models import (
    AnnualReport,
    AnnualReportItem,
    BrightSpot,
    Extension,
    Milestone,
    ProgressEntry,
    Registration,
    StaffInCharge,
)

QCDC_NAMES = [
    "Hội nghị đối thoại định kỳ giữa người đứng đầu cấp ủy, chính quyền với Nhân dân",
    "Công khai, minh bạch thu chi các khoản đóng góp xây dựng nông thôn mới",
    "Nhân dân bàn và quyết định mở rộng đường giao thông nông thôn",
    "Hòm thư góp ý điện tử tiếp nhận ý kiến của Nhân dân",
    "Thực hiện tốt Quy chế dân chủ trong hội nghị cán bộ, công chức, viên chức",
    "Tổ hòa giải ở cơ sở tiêu biểu",
    "Hội nghị người lao động và đối thoại tại nơi làm việc",
    "Dân chủ - Đồng thuận - Phát triển",
    "Ban Thanh tra nhân dân giám sát công trình xây dựng cơ bản",
    "Lấy ý kiến Nhân dân về quy hoạch khu dân cư",
]
DVCQ_NAMES = [
    "Bộ phận một cửa thân thiện, không hẹn lần hai",
    "Cán bộ, công chức gần dân, trọng dân, vì dân",
    "Dân vận khéo trong giải phóng mặt bằng",
    "Chính quyền thân thiện, phục vụ Nhân dân",
    "Ngày thứ Bảy cùng dân",
    "Nhóm Zalo “Kết nối chính quyền với Nhân dân”",
    "Vận động Nhân dân hiến đất mở rộng đường làng",
    "Tiếp công dân định kỳ tại nhà văn hóa",
    "Số hóa hồ sơ thủ tục hành chính, giảm giấy tờ cho người dân",
    "Chung tay xóa nhà tạm, nhà dột nát",
]
PLACES = ["xóm 1", "xóm 3", "xóm 5", "thôn Tân Hòa", "thôn Yên Lạc", "khối Trung Mỹ", "tổ dân phố số 4",
          "bản Na Ngoi", "thôn Đông Sơn", "khối 7"]  # fmt: skip
PEOPLE = ["Nguyễn Văn Hùng", "Trần Thị Hương", "Lê Văn Sơn", "Phạm Thị Thu", "Hoàng Văn Nam", "Võ Thị Lan",
          "Đặng Văn Tuấn", "Bùi Thị Hà", "Hồ Văn Bình", "Ngô Thị Mai"]  # fmt: skip
PROGRESS_NOTES = [
    "Tổ chức hội nghị triển khai, 100% hộ gia đình được tuyên truyền.",
    "Đã đối thoại với Nhân dân, tiếp nhận và giải quyết 12 kiến nghị.",
    "Hoàn thành sơ kết, đề xuất nhân rộng ra các thôn, xóm khác.",
    "Niêm yết công khai tại nhà văn hóa và trên loa truyền thanh.",
]
POSITIONS = ["Phó Chủ tịch UBND", "Chủ tịch Ủy ban MTTQ", "Công chức Văn phòng - Thống kê", "Phó Giám đốc",
             "Chánh Văn phòng", "Trưởng phòng Tổ chức"]  # fmt: skip


@dataclass
class YearPlan:
    """How a province's year went. Shares are fractions of units or of bright spots."""

    year: int
    targets: dict = field(default_factory=dict)  # field → number of bright spots wanted
    per_unit: float = 1.4  # bright spots per unit and field when no target is given
    not_submitted: float = 0.0  # units with no list at all
    one_field_only: float = 0.0  # units whose list lacks a field (cannot submit: left in draft)
    late_extended: float = 0.03
    returned: float = 0.06
    still_submitted: float = 0.04  # not reviewed yet
    withdrawn: float = 0.01
    reports: float = 1.0  # units whose annual report is submitted
    progress: tuple = (70, 100)
    milestones: int = 3
    now: datetime | None = None
    always_submit: frozenset = frozenset()  # unit ids that certainly submit a complete list


@dataclass
class Built:
    bright_spots: list = field(default_factory=list)
    registrations: list = field(default_factory=list)
    counts: dict = field(default_factory=dict)


def _at(day: date, hour: int = 9) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=timezone.get_default_timezone())


class _Routes:
    """Routing looked up once per (unit, level, field)."""

    def __init__(self, on: date, units=()):
        self.on, self.cache, self.levels, self.reviewers = on, {}, {}, {}
        self.known = {u.pk: u for u in units} or None  # ancestors read from memory

    def levels_of(self, unit):
        if unit.pk not in self.levels:
            self.levels[unit.pk] = level_units(unit, self.on, self.known)
        return self.levels[unit.pk]

    def rule(self, unit, level, field_value):
        key = (self.levels_of(unit)[level].pk, field_value)
        if key not in self.cache:
            self.cache[key] = route(
                unit=unit, level=level, field=field_value, on=self.on, known=self.known
            )
        return self.cache[key]


def _level_for(unit, routes, rng) -> str:
    levels = routes.levels_of(unit)
    # A commune's units and a department's are mostly recognized by that commune or department.
    for local in (Level.COMMUNE, Level.AGENCY):
        if local in levels and rng.random() < 0.85:
            return local
    if Level.DISTRICT in levels and rng.random() < 0.25:
        return Level.DISTRICT
    return Level.PROVINCE if Level.PROVINCE in levels else next(iter(levels))


def register_year(
    *, province, units: list[Unit], officials: dict, reviewer, plan: YearPlan, rng: random.Random,
    reviewers: dict | None = None,
) -> Built:  # fmt: skip
    """Create one year's registrations for `units` (active on the deadline). `officials` maps a
    unit id to the user who registers for it; `reviewer` reviews for every committee not in
    `reviewers` (committee id → its staff member)."""
    period = period_for(province, plan.year)
    deadline = period.deadline
    now = plan.now or timezone.now()
    routes = _Routes(deadline, units)
    routes.reviewers = reviewers or {}
    units = [u for u in units if u.kind != Unit.Kind.PROVINCE and u.is_active_on(deadline)]
    rng.shuffle(units)
    units.sort(key=lambda u: u.pk in plan.always_submit)  # the sure ones last: never silent
    silent = {u.pk for u in units[: int(len(units) * plan.not_submitted)]}
    partial = {
        u.pk for u in units[len(silent) : len(silent) + int(len(units) * plan.one_field_only)]
    }

    wishes = _how_many(units, plan, silent, partial, rng)
    built = Built()
    registrations = {}
    for unit in units:
        if unit.pk in silent:
            continue
        submitted = unit.pk not in partial and deadline <= timezone.localdate(now)
        late = submitted and rng.random() < plan.late_extended
        registrations[unit.pk] = Registration(
            province=province, unit=unit, year=plan.year,
            status=Registration.Status.SUBMITTED if submitted else Registration.Status.DRAFT,
            submitted_at=_at(deadline + timedelta(days=3) if late else deadline - timedelta(days=rng.randint(0, 40)), rng.randint(8, 16)) if submitted else None,
            submitted_by=officials.get(unit.pk) if submitted else None,
            timeliness=("extended" if late else "on_time") if submitted else "",
        )  # fmt: skip
    copy.insert(Registration, registrations.values())
    _extensions(registrations.values(), reviewer, plan.year, deadline)

    rows = []
    for unit in units:
        registration = registrations.get(unit.pk)
        if registration is None:
            continue
        for field_value, count in wishes[unit.pk].items():
            for _ in range(count):
                rows.append(
                    _bright_spot(
                        unit, registration, field_value, routes, plan, rng, officials, reviewer, now
                    )
                )
    copy.insert(BrightSpot, rows)
    built.bright_spots, built.registrations = rows, list(registrations.values())
    _children(rows, plan, rng, now)
    _audit(rows, province)
    _reports(province, built.registrations, rows, plan, rng, now)
    built.counts = {
        f: sum(1 for b in rows if b.field == f and b.status != "draft") for f in Field.values
    }
    return built


def _how_many(units, plan, silent, partial, rng) -> dict:
    """Bright spots per unit and field: one of each, then extras until the targets are met."""
    wishes = {}
    for unit in units:
        if unit.pk in silent:
            continue
        fields = [rng.choice(Field.values)] if unit.pk in partial else Field.values
        wishes[unit.pk] = dict.fromkeys(fields, 1)
    for field_value in Field.values:
        eligible = [pk for pk, w in wishes.items() if field_value in w and pk not in partial]
        target = plan.targets.get(field_value) or int(len(eligible) * plan.per_unit)
        have = len(eligible)
        while have < target and eligible:
            wishes[rng.choice(eligible)][field_value] += 1
            have += 1
    return wishes


def _bright_spot(
    unit, registration, field_value, routes, plan, rng, officials, reviewer, now
) -> BrightSpot:
    names = QCDC_NAMES if field_value == Field.QCDC else DVCQ_NAMES
    name = f"{rng.choice(names)} {rng.choice(PLACES)}, {unit.name}"
    submitted = registration.status == Registration.Status.SUBMITTED
    level = _level_for(unit, routes, rng)
    spot = BrightSpot(
        province=unit.province, unit=unit, registration=registration, year=plan.year, field=field_value,
        level=level, name=name, address=f"{rng.choice(PLACES).capitalize()}, {unit.name}",
        objectives="Phát huy quyền làm chủ của Nhân dân, tạo đồng thuận trong thực hiện nhiệm vụ chính trị.",
        plan="Quý I: khảo sát, xây dựng kế hoạch. Quý II–III: triển khai. Quý IV: sơ kết, đánh giá.",
        created_by=officials.get(unit.pk) or reviewer, search_text=fold(name), name_sort=sort_key(name),
    )  # fmt: skip
    if not submitted:
        return spot
    rule = routes.rule(unit, level, field_value)
    spot.recipient_id, spot.via_id, spot.copy_to_id = (
        rule.recipient_id,
        rule.via_id,
        rule.copy_to_id,
    )
    spot.submitted_at, spot.timeliness = registration.submitted_at, registration.timeliness
    reviewer = routes.reviewers.get(rule.recipient_id, reviewer)
    roll = rng.random()
    reviewed_at = min(spot.submitted_at + timedelta(days=rng.randint(5, 30)), now)
    if roll < plan.withdrawn:
        spot.status = BrightSpot.Status.WITHDRAWN
    elif roll < plan.withdrawn + plan.still_submitted:
        spot.status = BrightSpot.Status.SUBMITTED
    elif roll < plan.withdrawn + plan.still_submitted + plan.returned:
        spot.status, spot.reviewed_at, spot.reviewed_by = (
            BrightSpot.Status.RETURNED,
            reviewed_at,
            reviewer,
        )
        spot.review_comment = (
            "Đề nghị bổ sung kế hoạch chi tiết theo từng quý và phân công người phụ trách."
        )
    else:
        spot.status, spot.reviewed_at, spot.reviewed_by = (
            BrightSpot.Status.ACCEPTED,
            reviewed_at,
            reviewer,
        )
    if spot.status in (BrightSpot.Status.ACCEPTED, BrightSpot.Status.SUBMITTED):
        spot.progress = rng.randint(*plan.progress)
    return spot


def _children(rows, plan, rng, now) -> None:
    staff, milestones = [], []
    criteria = _criteria_ids(plan.year)
    links = []
    through = BrightSpot.criteria.through
    for spot in rows:
        person = rng.choice(PEOPLE)
        staff.append(
            StaffInCharge(
                bright_spot=spot,
                name=person,
                position=rng.choice(POSITIONS),
                phone=f"09{rng.randint(10_000_000, 99_999_999)}",
            )
        )
        for n in range(plan.milestones):
            due = date(plan.year, 3 + 3 * n, 28) if n < 3 else date(plan.year, 11, 30)
            percent = min(100, spot.progress + rng.randint(-10, 10)) if spot.progress else 0
            done = percent >= 100 or (due < timezone.localdate(now) and spot.progress >= 90)
            milestones.append(Milestone(
                bright_spot=spot, title=["Khảo sát, xây dựng kế hoạch", "Tổ chức triển khai", "Sơ kết, đánh giá, nhân rộng"][n % 3],
                due=due, status="done" if done else ("in_progress" if percent else "not_started"), percent=100 if done else max(0, percent),
            ))  # fmt: skip
        for criterion_id in rng.sample(criteria[spot.field], k=min(3, len(criteria[spot.field]))):
            links.append(through(brightspot_id=spot.pk, criterion_id=criterion_id))
    copy.insert(StaffInCharge, staff)
    copy.insert(Milestone, milestones)
    entries = [
        ProgressEntry(
            bright_spot=m.bright_spot,
            milestone=m,
            day=min(m.due, timezone.localdate(now)),
            text=rng.choice(PROGRESS_NOTES),
            created_by=m.bright_spot.created_by,
        )  # fmt: skip
        for m in milestones
        if m.percent and rng.random() < 0.5
    ]
    copy.insert(ProgressEntry, entries)
    copy.insert(through, links)


def _criteria_ids(year: int) -> dict:
    ids = {f: [] for f in Field.values}
    for criterion_id, field_value in Criterion.objects.filter(
        criteria_set__province=None
    ).values_list("pk", "criteria_set__field"):
        ids[field_value].append(criterion_id)
    return ids


def _extensions(registrations, reviewer, year, deadline) -> None:
    rows = [
        Extension(
            province=r.province,
            unit=r.unit,
            year=year,
            kind=Extension.Kind.REGISTRATION,
            until=deadline + timedelta(days=7),
            reason="Đơn vị mới kiện toàn bộ máy sau sắp xếp.",
            granted_by=reviewer,
            granted_at=_at(deadline + timedelta(days=1)),
        )  # fmt: skip
        for r in registrations
        if r.timeliness == "extended"
    ]
    copy.insert(Extension, rows)


def _audit(rows, province) -> None:
    content_type = ContentType.objects.get_for_model(BrightSpot)
    entries = []
    for spot in rows:
        common = {"province": province, "bright_spot_id": spot.pk, "target_type": content_type, "target_id": spot.pk,
                  "target_label": spot.name[:300]}  # fmt: skip
        created = (spot.submitted_at or timezone.now()) - timedelta(days=10)
        entries.append(
            AuditEntry(
                actor=spot.created_by,
                at=created,
                action="bright_spot.created",
                to_state="draft",
                **common,
            )
        )
        if spot.submitted_at:
            entries.append(AuditEntry(actor=spot.created_by, at=spot.submitted_at, action="bright_spot.submitted",
                                      from_state="draft", to_state="submitted", **common))  # fmt: skip
        if spot.reviewed_at:
            action = "bright_spot.accepted" if spot.status == "accepted" else "bright_spot.returned"
            entries.append(AuditEntry(actor=spot.reviewed_by, at=spot.reviewed_at, action=action, from_state="submitted",
                                      to_state=spot.status, comment=spot.review_comment, **common))  # fmt: skip
    copy.insert(AuditEntry, entries)


def _reports(province, registrations, rows, plan, rng, now) -> None:
    report_deadline = period_for(province, plan.year).report_deadline
    reports, items = [], []
    by_unit = {}
    for spot in rows:
        if spot.status in (
            BrightSpot.Status.SUBMITTED,
            BrightSpot.Status.ACCEPTED,
            BrightSpot.Status.RETURNED,
        ):
            by_unit.setdefault(spot.unit_id, []).append(spot)
    for registration in registrations:
        spots = by_unit.get(registration.unit_id)
        if not spots or rng.random() > plan.reports:
            continue
        submitted = report_deadline <= timezone.localdate(now)
        report = AnnualReport(
            province=province, unit=registration.unit, year=plan.year,
            summary="Các điểm sáng được triển khai đúng kế hoạch, tạo chuyển biến rõ nét, được Nhân dân đồng tình.",
            next_year_plan="Tiếp tục duy trì, nhân rộng mô hình ra các thôn, xóm khác.",
            status="submitted" if submitted else "draft",
            submitted_at=_at(report_deadline - timedelta(days=rng.randint(0, 20))) if submitted else None,
            submitted_by=registration.submitted_by if submitted else None, timeliness="on_time" if submitted else "",
        )  # fmt: skip
        reports.append(report)
        items += [
            AnnualReportItem(
                report=report, bright_spot=s, results="Đạt và vượt các chỉ tiêu đề ra."
            )
            for s in spots
        ]
    copy.insert(AnnualReport, reports)
    copy.insert(AnnualReportItem, items)
