"""A national-scale dataset for benchmarks, built with bulk inserts.

`generate_organisation` builds, per province: the root, departments with affiliated units and
enterprises, former districts with their old communes (ended 30 Jun 2025) and the new communes
they merged into (from 1 Jul 2025), committees and routing as in the demo, and users. Later
parts of the generator (registrations, recognition) add their rows to the same provinces.
"""

import random
from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from core.text import fold, sort_key
from demo.bulk import copy
from demo.bulk import registry as bulk
from organisation.models import (
    Committee,
    Field,
    Province,
    RoleAssignment,
    RoutingRule,
    Unit,
    User,
)

# The 34 provinces and cities since 12 Jun 2025, with their official two-digit codes.
PROVINCES = [
    ("01", "Hà Nội"), ("04", "Cao Bằng"), ("08", "Tuyên Quang"), ("11", "Điện Biên"),
    ("12", "Lai Châu"), ("14", "Sơn La"), ("15", "Lào Cai"), ("19", "Thái Nguyên"),
    ("20", "Lạng Sơn"), ("22", "Quảng Ninh"), ("24", "Bắc Ninh"), ("25", "Phú Thọ"),
    ("31", "Hải Phòng"), ("33", "Hưng Yên"), ("37", "Ninh Bình"), ("38", "Thanh Hóa"),
    ("40", "Nghệ An"), ("42", "Hà Tĩnh"), ("44", "Quảng Trị"), ("46", "Huế"),
    ("48", "Đà Nẵng"), ("51", "Quảng Ngãi"), ("52", "Gia Lai"), ("56", "Khánh Hòa"),
    ("66", "Đắk Lắk"), ("68", "Lâm Đồng"), ("75", "Đồng Nai"), ("79", "Hồ Chí Minh"),
    ("80", "Tây Ninh"), ("82", "Đồng Tháp"), ("86", "Vĩnh Long"), ("91", "An Giang"),
    ("92", "Cần Thơ"), ("96", "Cà Mau"),
]  # fmt: skip
SYLLABLES = [
    "An",
    "Bình",
    "Phú",
    "Thịnh",
    "Hòa",
    "Đông",
    "Tây",
    "Nam",
    "Bắc",
    "Hưng",
    "Lộc",
    "Sơn",
    "Thành",
    "Tân",
    "Yên",
    "Quang",
    "Minh",
    "Trung",
    "Hải",
    "Long",
    "Nghĩa",
    "Đức",
    "Kim",
    "Phúc",
    "Xuân",
    "Thượng",
    "Hạ",
    "Vĩnh",
    "Thanh",
    "Hợp",
    "Lâm",
    "Đồng",
    "Châu",
    "Giang",
    "Thủy",
    "Mỹ",
    "Lợi",
    "Hiệp",
    "Quỳnh",
    "Diễn",
    "Đại",
    "Tiến",
    "Cường",
    "Khánh",
    "Hồng",
    "Ngọc",
    "Lạc",
    "Thái",
    "Thuận",
    "Tường",
    "Vân",
    "Liên",
    "Hà",
    "Cẩm",
    "Định",
    "Mường",
    "Ea",
    "Krông",
]
DEPARTMENTS = [
    "Sở Nội vụ", "Sở Tư pháp", "Công an tỉnh", "Sở Tài chính", "Sở Giáo dục và Đào tạo", "Sở Y tế",
    "Sở Xây dựng", "Sở Công Thương", "Sở Nông nghiệp và Môi trường", "Sở Khoa học và Công nghệ",
    "Sở Văn hóa, Thể thao và Du lịch", "Sở Dân tộc và Tôn giáo", "Thanh tra tỉnh", "Văn phòng UBND tỉnh",
    "Sở Ngoại vụ", "Ban Quản lý Khu kinh tế", "Đài Phát thanh và Truyền hình", "Bộ Chỉ huy Quân sự tỉnh",
]  # fmt: skip
MERGER_DAY, LAST_DISTRICT_DAY = date(2025, 7, 1), date(2025, 6, 30)
PASSWORD = "bench-password"


@dataclass
class ProvinceData:
    province: Province
    root: Unit
    units: list[Unit] = field(default_factory=list)
    committees: dict = field(default_factory=dict)
    officials: dict = field(default_factory=dict)  # unit id → user


def _row(province, parent, kind, name, *, code="", valid_from=None, valid_to=None) -> Unit:
    return Unit(
        province=province, parent=parent, kind=kind, name=name, code=code,
        valid_from=valid_from, valid_to=valid_to, name_folded=fold(name), name_sort=sort_key(name),
    )  # fmt: skip


def _insert(units: list[Unit]) -> list[Unit]:
    """Bulk insert units whose parents already have paths, with their own paths: on PostgreSQL
    the keys are drawn first, so each row goes in once, complete."""
    copy.allocate(Unit, units)
    if all(unit.pk for unit in units):
        for unit in units:
            unit.path = f"{unit.parent.path if unit.parent else ''}{unit.pk}."
        return copy.insert(Unit, units)
    copy.insert(Unit, units)
    for unit in units:
        unit.path = f"{unit.parent.path if unit.parent else ''}{unit.pk}."
    Unit.objects.bulk_update(units, ["path"], batch_size=2000)
    return units


def _place(rng: random.Random, used: set) -> str:
    while True:
        name = f"{rng.choice(SYLLABLES)} {rng.choice(SYLLABLES)}"
        if name not in used:
            used.add(name)
            return name


def generate_organisation(
    *, provinces: int, units_per_province: int, seed: int = 1
) -> list[ProvinceData]:
    rng = random.Random(seed)
    password = make_password(PASSWORD)
    built = []
    for number, (code, name) in enumerate(PROVINCES[:provinces]):
        province = Province.objects.create(code=code, name=name, place_name=name)
        root = _insert([_row(province, None, Unit.Kind.PROVINCE, f"Tỉnh {name}", code=code)])[0]
        data = ProvinceData(province=province, root=root)
        _units(data, rng, units_per_province, commune_code_base=10000 + number * 2000)
        _committees(data)
        _users(data, password)
        built.append(data)
    return built


def _units(data: ProvinceData, rng, total: int, commune_code_base: int) -> None:
    province, root, used = data.province, data.root, set()
    departments = _insert(
        [_row(province, root, Unit.Kind.DEPARTMENT, n) for n in DEPARTMENTS[: max(3, total // 20)]]
    )
    affiliated = _insert(
        [_row(province, rng.choice(departments), Unit.Kind.AFFILIATED, f"Trung tâm {_place(rng, used)}") for _ in range(total // 20)]
        + [_row(province, root, Unit.Kind.ENTERPRISE, f"Công ty TNHH MTV {_place(rng, used)}") for _ in range(max(1, total // 100))]
    )  # fmt: skip
    remaining = total - 1 - len(departments) - len(affiliated)
    district_count = max(1, remaining // 20)
    new_count = max(1, remaining * 25 // 100)
    old_count = max(new_count, remaining - district_count - new_count)
    districts = _insert([
        _row(province, root, Unit.Kind.DISTRICT, f"Huyện {_place(rng, used)}", valid_to=LAST_DISTRICT_DAY)
        for _ in range(district_count)
    ])  # fmt: skip
    code = iter(range(commune_code_base, commune_code_base + 2000))
    new = _insert([
        _row(province, root, Unit.Kind.WARD if i % 5 == 0 else Unit.Kind.COMMUNE,
             f"{'Phường' if i % 5 == 0 else 'Xã'} {_place(rng, used)}", code=f"{next(code):05d}", valid_from=MERGER_DAY)
        for i in range(new_count)
    ])  # fmt: skip
    old = []
    for i in range(old_count):
        successor = new[i % new_count]
        unit = _row(
            province, districts[i % district_count], Unit.Kind.COMMUNE, f"Xã {_place(rng, used)}",
            code=f"{next(code):05d}", valid_to=LAST_DISTRICT_DAY,
        )  # fmt: skip
        unit.successor = successor
        old.append(unit)
    _insert(old)
    data.units = [root, *departments, *affiliated, *districts, *new, *old]


def _committees(data: ProvinceData) -> None:
    province, root, name = data.province, data.root, data.province.name
    steering, agency = Committee.Kind.STEERING, Committee.Kind.AGENCY
    qcdc, dvcq, party, home = copy.insert(Committee, [
        Committee(province=province, level_unit=root, name=f"Ban Chỉ đạo thực hiện QCDC ở cơ sở tỉnh {name}", kind=steering, handles_qcdc=True),
        Committee(province=province, level_unit=root, name=f"Ban Chỉ đạo công tác dân vận chính quyền tỉnh {name}", kind=steering, handles_dvcq=True),
        Committee(province=province, level_unit=root, name=f"Ban Tuyên giáo và Dân vận Tỉnh ủy {name}", kind=agency, handles_qcdc=True, handles_dvcq=True, oversight=True),
        Committee(province=province, level_unit=root, name=f"Sở Nội vụ tỉnh {name}", kind=agency, handles_dvcq=True, oversight=True),
    ])  # fmt: skip
    copy.insert(RoutingRule, [
        RoutingRule(province=province, level_unit=root, field=Field.QCDC, recipient=qcdc, via=party),
        RoutingRule(province=province, level_unit=root, field=Field.DVCQ, recipient=dvcq, via=home, copy_to=party),
    ])  # fmt: skip
    data.committees = {"qcdc": qcdc, "dvcq": dvcq, "party": party, "home_affairs": home}


def _users(data: ProvinceData, password: str) -> None:
    code = data.province.code
    Role = RoleAssignment.Role
    staff = [
        ("qcdc", Role.COMMITTEE_STAFF),
        ("dvcq", Role.COMMITTEE_STAFF),
        ("provincial", Role.PROVINCIAL_STAFF),
    ]
    active = [u for u in data.units if u.valid_to is None and u.kind != Unit.Kind.PROVINCE]
    users = copy.insert(User,
        [User(username=f"p{code}.{key}", full_name=f"Cán bộ {key} {code}", password=password) for key, _ in staff]
        + [User(username=f"p{code}.u{unit.pk}", full_name=f"Cán bộ {unit.name}", email=f"u{unit.pk}@example.vn", password=password) for unit in active],
        batch_size=2000,
    )  # fmt: skip
    assignments = [
        RoleAssignment(
            user=user, role=role, province=data.province, committee=data.committees.get(key)
        )
        for user, (key, role) in zip(users, staff, strict=False)
    ]
    for user, unit in zip(users[len(staff) :], active, strict=True):
        assignments.append(
            RoleAssignment(user=user, role=Role.UNIT_OFFICIAL, province=data.province, unit=unit)
        )
        data.officials[unit.pk] = user
    copy.insert(RoleAssignment, assignments)


def generate_registrations(data: ProvinceData, *, years: list[int], per_year: int, rng) -> int:
    """Each year's registrations of one province, about `per_year` bright spots a year."""
    reviewer = User.objects.get(username=f"p{data.province.code}.qcdc")
    units = list(Unit.objects.filter(province=data.province).select_related("parent"))
    fallback = reviewer
    officials = {unit.pk: data.officials.get(unit.pk, fallback) for unit in units}
    this_year = max(years)
    total = 0
    for year in years:
        plan = bulk.YearPlan(
            year=year,
            targets={"qcdc": per_year // 2, "dvcq": per_year - per_year // 2},
            not_submitted=0.05 if year == this_year else 0.0,
            one_field_only=0.05 if year == this_year else 0.0,
            still_submitted=0.15 if year == this_year else 0.0,
            reports=0.4 if year == this_year else 0.95,
            milestones=1,
        )
        built = bulk.register_year(
            province=data.province,
            units=units,
            officials=officials,
            reviewer=reviewer,
            plan=plan,
            rng=rng,
        )
        total += len(built.bright_spots)
    return total


def generate(context: dict) -> None:
    """The registry's part of `manage.py generate_dataset` (see that command)."""
    options = context["options"]
    rng = random.Random(options["seed"])
    context["provinces"] = generate_organisation(
        provinces=options["provinces"],
        units_per_province=options["units_per_province"],
        seed=options["seed"],
    )
    context["step"]("organisation", f"{Unit.objects.count()} units, {User.objects.count()} users")
    last = timezone.localdate().year
    years = list(range(last - options["years"] + 1, last + 1))
    total = 0
    for data in context["provinces"]:
        total += generate_registrations(
            data, years=years, per_year=options["bright_spots_per_year"], rng=rng
        )
    context["years"] = years
    context["step"]("registrations", f"{total} bright spots over {len(years)} years")
