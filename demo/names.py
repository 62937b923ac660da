"""The demo province's organisation, modelled on Nghe An.

The former districts and the 1 July 2025 merger follow the shape of the real reform (several old
communes and wards become one new commune or ward under the province); names are real place
names of Nghe An, while the merger groupings and the official codes are illustrative.
"""

from datetime import date

PROVINCE = {"code": "40", "name": "Nghệ An", "place_name": "Nghệ An", "root": "Tỉnh Nghệ An"}
MERGER_DAY = date(2025, 7, 1)
LAST_DAY_OF_DISTRICTS = date(2025, 6, 30)

# Provincial departments and agencies, with their affiliated units and enterprises.
DEPARTMENTS = {
    "Sở Nội vụ": ["Ban Thi đua - Khen thưởng tỉnh"],
    "Sở Tư pháp": ["Trung tâm Trợ giúp pháp lý nhà nước tỉnh"],
    "Công an tỉnh": [
        "Phòng Cảnh sát giao thông",
        "Phòng Cảnh sát quản lý hành chính về trật tự xã hội",
    ],
    "Sở Tài chính": [],
    "Sở Giáo dục và Đào tạo": ["Trường THPT chuyên Phan Bội Châu", "Trường THPT Huỳnh Thúc Kháng"],
    "Sở Y tế": ["Bệnh viện Hữu nghị Đa khoa Nghệ An", "Trung tâm Kiểm soát bệnh tật tỉnh"],
    "Sở Xây dựng": [],
    "Sở Văn hóa, Thể thao và Du lịch": ["Bảo tàng Nghệ An"],
    "Sở Công Thương": [],
    "Thanh tra tỉnh": [],
}
# Departments merged on 1 March 2025 into a new one (R2 applies to agencies too).
DEPARTMENT_MERGERS = {
    "Sở Nông nghiệp và Môi trường": [
        "Sở Nông nghiệp và Phát triển nông thôn",
        "Sở Tài nguyên và Môi trường",
    ],
}
DEPARTMENT_MERGER_DAY = date(2025, 3, 1)
ENTERPRISES = ["Công ty TNHH MTV Thủy lợi Bắc Nghệ An", "Công ty Cổ phần Cấp nước Nghệ An"]

# Former districts (until 30 Jun 2025) → new commune-level units (from 1 Jul 2025) → the old
# communes, wards and townships merged into each.
DISTRICTS = {
    ("Thành phố Vinh", "412"): {
        "Phường Trường Vinh": [
            "Phường Bến Thủy",
            "Phường Trung Đô",
            "Phường Trường Thi",
            "Phường Hưng Phúc",
        ],
        "Phường Thành Vinh": [
            "Phường Lê Mao",
            "Phường Quang Trung",
            "Phường Cửa Nam",
            "Phường Đội Cung",
            "Phường Hà Huy Tập",
        ],
        "Phường Vinh Hưng": ["Phường Hưng Bình", "Phường Hưng Dũng", "Xã Hưng Đông"],
        "Phường Vinh Phú": ["Phường Đông Vĩnh", "Phường Quán Bàu", "Xã Nghi Phú"],
        "Phường Vinh Lộc": ["Xã Hưng Lộc", "Phường Vinh Tân", "Xã Hưng Hòa"],
    },
    ("Huyện Tân Kỳ", "423"): {
        "Xã Tân Kỳ": ["Thị trấn Tân Kỳ", "Xã Kỳ Sơn", "Xã Kỳ Tân"],
        "Xã Nghĩa Đồng": ["Xã Nghĩa Đồng", "Xã Nghĩa Dũng", "Xã Nghĩa Thái"],
        "Xã Tân Phú": ["Xã Tân Phú", "Xã Tân Xuân", "Xã Tân Hợp"],
        "Xã Tân An": ["Xã Tân An", "Xã Tân Long", "Xã Nghĩa Hợp"],
        "Xã Nghĩa Hành": ["Xã Nghĩa Hành", "Xã Phú Sơn", "Xã Hương Sơn"],
        "Xã Tiên Đồng": ["Xã Tiên Kỳ", "Xã Đồng Văn"],
    },
    ("Huyện Nam Đàn", "429"): {
        "Xã Nam Đàn": ["Thị trấn Nam Đàn", "Xã Vân Diên", "Xã Xuân Hòa"],
        "Xã Kim Liên": ["Xã Kim Liên", "Xã Nam Cát", "Xã Hùng Tiến"],
        "Xã Vạn An": ["Xã Nam Thanh", "Xã Nam Hưng", "Xã Nam Nghĩa"],
        "Xã Đại Huệ": ["Xã Nam Anh", "Xã Nam Xuân", "Xã Nam Lĩnh"],
        "Xã Thiên Nhẫn": ["Xã Nam Kim", "Xã Khánh Sơn", "Xã Trung Phúc Cường"],
    },
    ("Huyện Diễn Châu", "421"): {
        "Xã Diễn Châu": ["Thị trấn Diễn Châu", "Xã Diễn Thành", "Xã Diễn Phúc"],
        "Xã Hải Châu": ["Xã Diễn Hải", "Xã Diễn Kim", "Xã Diễn Bích"],
        "Xã An Châu": ["Xã Diễn An", "Xã Diễn Trung", "Xã Diễn Thịnh"],
        "Xã Minh Châu": ["Xã Minh Châu", "Xã Diễn Lợi", "Xã Diễn Phú"],
    },
    ("Huyện Quỳ Hợp", "417"): {
        "Xã Quỳ Hợp": ["Thị trấn Quỳ Hợp", "Xã Châu Quang", "Xã Thọ Hợp"],
        "Xã Tam Hợp": ["Xã Tam Hợp", "Xã Châu Đình"],
        "Xã Châu Lộc": ["Xã Châu Lộc", "Xã Liên Hợp"],
        "Xã Mường Ham": ["Xã Châu Tiến", "Xã Châu Thành"],
    },
}

COMMITTEES = {
    "qcdc": "Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở tỉnh Nghệ An",
    "dvcq": "Ban Chỉ đạo công tác dân vận chính quyền tỉnh Nghệ An",
    "party": "Ban Tuyên giáo và Dân vận Tỉnh ủy Nghệ An",
    "home_affairs": "Sở Nội vụ (cơ quan thường trực công tác dân vận chính quyền)",
}
# A ward that runs one combined committee for both fields (R3).
COMBINED_COMMITTEE_UNIT = "Phường Thành Vinh"
COMBINED_COMMITTEE = (
    "Ban Chỉ đạo phong trào thi đua “Dân vận khéo” và thực hiện quy chế dân chủ ở cơ sở "
    "phường Thành Vinh"
)

PASSWORD = "diemsang2026"
# username, full name, position, role, scope (unit name, or committee key), also provincial staff
USERS = [
    ("admin", "Quản trị hệ thống", "Chuyên viên công nghệ thông tin", "administrator", None),
    (
        "canbo.thanhvinh",
        "Nguyễn Thị Lan",
        "Công chức Văn phòng - Thống kê",
        "unit_official",
        "Phường Thành Vinh",
    ),
    ("canbo.nghiadong", "Trần Văn Đức", "Phó Chủ tịch UBND xã", "unit_official", "Xã Nghĩa Đồng"),
    ("canbo.sotuphap", "Lê Thị Hồng", "Chánh Văn phòng Sở", "unit_official", "Sở Tư pháp"),
    ("bcd.qcdc", "Phan Văn Hải", "Chuyên viên Ban Chỉ đạo QCDC", "committee_staff", "qcdc"),
    ("bcd.dvcq", "Đặng Thị Mai", "Chuyên viên Ban Chỉ đạo DVCQ", "committee_staff", "dvcq"),
    (
        "bandanvan",
        "Hoàng Minh Tuấn",
        "Chuyên viên Ban Tuyên giáo và Dân vận",
        "provincial_staff",
        "party",
    ),
    ("sonoivu", "Võ Thị Thu", "Chuyên viên Sở Nội vụ", "provincial_staff", "home_affairs"),
]

# Levels below the province that run their own programme (R40). Each commune-level unit after
# the 2025 merger has one combined committee, and so had the old commune it took over; their
# villages, schools and health stations register with them, and their People's Committee
# recognizes them. A department recognizes its affiliated units.
LOCAL_COMMUNES = [
    {
        "unit": "Phường Thành Vinh",
        "before": "Phường Lê Mao",
        "committee": COMBINED_COMMITTEE,
        "committee_before": (
            "Ban Chỉ đạo phong trào thi đua “Dân vận khéo” và thực hiện quy chế dân chủ ở cơ "
            "sở phường Lê Mao"
        ),
        "adviser": "Ban Dân vận Đảng ủy phường Thành Vinh",
        "adviser_before": "Ban Dân vận Đảng ủy phường Lê Mao",
        "authority": ("ỦY BAN NHÂN DÂN PHƯỜNG THÀNH VINH", "Thành Vinh", "Lê Thị Minh Hằng"),
        "authority_before": ("ỦY BAN NHÂN DÂN PHƯỜNG LÊ MAO", "Vinh", "Nguyễn Văn Sơn"),
        "units": [
            ("village", "Khối Yên Vinh"),
            ("school", "Trường Tiểu học Lê Mao"),
            ("health_station", "Trạm Y tế phường Thành Vinh"),
        ],
        "staff": "bcd.thanhvinh",
    },
    {
        "unit": "Xã Nghĩa Đồng",
        "before": "Xã Nghĩa Đồng",
        "committee": (
            "Ban Chỉ đạo phong trào thi đua “Dân vận khéo” và thực hiện quy chế dân chủ ở cơ "
            "sở xã Nghĩa Đồng"
        ),
        "committee_before": (
            "Ban Chỉ đạo thực hiện quy chế dân chủ ở cơ sở và dân vận chính quyền xã Nghĩa Đồng "
            "(huyện Tân Kỳ)"
        ),
        "adviser": "Ban Dân vận Đảng ủy xã Nghĩa Đồng",
        "adviser_before": "Ban Dân vận Đảng ủy xã Nghĩa Đồng (huyện Tân Kỳ)",
        "authority": ("ỦY BAN NHÂN DÂN XÃ NGHĨA ĐỒNG", "Nghĩa Đồng", "Hồ Đức Thịnh"),
        "authority_before": ("ỦY BAN NHÂN DÂN XÃ NGHĨA ĐỒNG", "Tân Kỳ", "Phạm Văn Quý"),
        "units": [
            ("village", "Xóm Tân Hương"),
            ("school", "Trường THCS Nghĩa Đồng"),
            ("health_station", "Trạm Y tế xã Nghĩa Đồng"),
        ],
        "staff": "bcd.nghiadong",
    },
]
LOCAL_DEPARTMENT = {
    "unit": "Sở Tư pháp",
    "committee": "Ban Chỉ đạo thực hiện quy chế dân chủ và dân vận chính quyền Sở Tư pháp",
    "authority": {
        "name": "SỞ TƯ PHÁP",
        "parent_name": "UBND TỈNH NGHỆ AN",
        "place_name": "Nghệ An",
        "decision_symbol": "QĐ-STP",
        "signing_form": "",
        "signer_title": "GIÁM ĐỐC",
        "signer_name": "Trần Văn Hùng",
    },
    "units": ["Phòng Công chứng số 1", "Trung tâm Dịch vụ đấu giá tài sản"],
    "staff": "bcd.sotuphap",
}
LOCAL_USERS = [
    ("bcd.thanhvinh", "Trần Thị Thu Hiền", "Công chức Văn phòng HĐND và UBND phường"),
    ("bcd.nghiadong", "Lê Văn Quang", "Công chức Văn phòng HĐND và UBND xã"),
    ("bcd.sotuphap", "Nguyễn Thị Hà", "Chuyên viên Văn phòng Sở Tư pháp"),
]
# The official of a school of Phường Thành Vinh, for the journey from a village school to its
# commune's Decision.
SCHOOL_OFFICIAL = ("canbo.truong", "Phạm Thị Ngọc", "Phó Hiệu trưởng", "Trường Tiểu học Lê Mao")
