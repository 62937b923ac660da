"""The criteria shipped with the app (R12–R14), from the Nghe An guidelines under Project
04-ĐA/TU of 1 Oct 2021. Each pair is (Vietnamese, English)."""

VERSION = "04-ĐA/TU (2021)"
SOURCE = (
    "Hướng dẫn tiêu chí xây dựng điểm sáng thực hiện Quy chế dân chủ ở cơ sở và điểm sáng dân vận "
    "chính quyền của Ban Dân vận Tỉnh ủy Nghệ An, thực hiện Đề án số 04-ĐA/TU ngày 01/10/2021"
)
VALID_FROM_YEAR = 2021

GENERAL = [
    ("Có tên gọi, địa chỉ cụ thể.", "Has a specific name and address."),
    (
        "Thuộc lĩnh vực thực hiện Quy chế dân chủ ở cơ sở hoặc dân vận chính quyền.",
        "Belongs to the field of grassroots democracy or government mass mobilization.",
    ),
    (
        "Được đăng ký từ đầu năm, có kế hoạch triển khai thực hiện cụ thể.",
        "Registered at the beginning of the year with a specific implementation plan.",
    ),
    (
        "Phù hợp với chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước về dân chủ ở "
        "cơ sở và dân vận chính quyền; thực sự mở rộng, phát huy dân chủ trên các lĩnh vực, tạo đồng "
        "thuận trong Nhân dân.",
        "Consistent with the Party's guidelines and the State's laws on grassroots democracy and "
        "government mass mobilization; truly expands democracy in every area and creates consensus "
        "among the people.",
    ),
    (
        "Được lãnh đạo địa phương, cơ quan, đơn vị hoặc Ban Chỉ đạo ghi nhận; có sức lan tỏa rộng, "
        "mang lại hiệu quả thiết thực.",
        "Recognized by local leaders, the agency or unit, or the steering committee; has wide "
        "influence and brings practical results.",
    ),
    (
        "Giải quyết được những khó khăn, vướng mắc, nhiệm vụ chính trị mà cấp ủy, chính quyền đã có "
        "chủ trương và đang tập trung lãnh đạo, chỉ đạo.",
        "Resolves difficulties, obstacles and political tasks that the Party committee and the "
        "government have decided on and are focusing on.",
    ),
]

QCDC = [
    (
        "Thực hiện tốt chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước về dân chủ "
        "ở cơ sở.",
        "Implements the Party's guidelines and the State's laws on grassroots democracy well.",
    ),
    (
        "Phổ biến đầy đủ, kịp thời chủ trương của Đảng, pháp luật của Nhà nước đến đối tượng thụ "
        "hưởng và Nhân dân.",
        "Disseminates the Party's policies and the State's laws fully and promptly to those "
        "concerned and to the people.",
    ),
    (
        "Công khai, minh bạch các chính sách, chế độ, quyền lợi mà Nhân dân, cán bộ, công chức, viên "
        "chức, người lao động được hưởng.",
        "Makes public and transparent the policies and benefits that people, civil servants, public "
        "employees and workers enjoy.",
    ),
    (
        "Phát huy dân chủ, huy động nguồn lực trong Nhân dân, cán bộ, công chức, viên chức, người lao "
        "động phục vụ nhiệm vụ chính trị của địa phương, cơ quan, đơn vị.",
        "Promotes democracy and mobilizes resources among the people, civil servants and workers "
        "for the political tasks of the locality, agency or unit.",
    ),
    (
        "Có hệ thống quy chế, quy định, văn bản về thực hiện dân chủ đầy đủ và thực hiện nghiêm túc.",
        "Has a complete set of rules and documents on implementing democracy and applies them "
        "strictly.",
    ),
    (
        "Đoàn kết nội bộ; thực hiện đầy đủ nghĩa vụ thuế, ngân sách nhà nước (nếu có); hoàn thành "
        "tốt nhiệm vụ chính trị được giao.",
        "Internal solidarity; tax and state budget obligations met (if any); assigned political "
        "tasks completed well.",
    ),
    (
        "Tổ chức các hội nghị theo quy định, bảo đảm thời gian và chất lượng (hội nghị cán bộ, công "
        "chức, viên chức đầu năm; hội nghị người lao động; hội nghị đối thoại với Nhân dân, người lao "
        "động…).",
        "Holds the required conferences on time and with quality (civil servants' conference at the "
        "start of the year, workers' conference, dialogue conferences with the people and "
        "workers…).",
    ),
]

DVCQ = [
    (
        "Làm tốt công tác tuyên truyền, vận động Nhân dân, cán bộ, công chức, viên chức, người lao "
        "động thực hiện chủ trương của Đảng, chính sách, pháp luật của Nhà nước và bài báo “Dân vận” "
        "của Chủ tịch Hồ Chí Minh.",
        "Carries out propaganda and mobilization of the people, civil servants, public employees and "
        "workers for the Party's and the State's policies and President Ho Chi Minh's article "
        "“Mass Mobilization”.",
    ),
    (
        "Vận động Nhân dân, cán bộ, công chức, viên chức, người lao động tham gia hoàn thành các chỉ "
        "tiêu phát triển kinh tế - xã hội, quốc phòng, an ninh và nhiệm vụ chính trị của địa phương, "
        "cơ quan, đơn vị.",
        "Mobilizes the people, civil servants, public employees and workers to reach the economic, "
        "social, defence and security targets and the political tasks of the locality, agency or "
        "unit.",
    ),
    (
        "Thực hiện tốt cải cách hành chính, giải quyết nhanh, đúng, hiệu quả công việc của người dân, "
        "tổ chức, doanh nghiệp; không gây phiền hà, sách nhiễu Nhân dân; ứng dụng công nghệ thông tin "
        "trong quản lý, điều hành.",
        "Administrative reform done well: the affairs of people, organisations and businesses "
        "settled quickly, correctly and effectively; no trouble or harassment of the people; "
        "information technology applied in management.",
    ),
    (
        "Đoàn kết nội bộ; thực hiện tốt công tác tiếp công dân, đối thoại với Nhân dân, giải quyết "
        "kiến nghị, khiếu nại, tố cáo của công dân.",
        "Internal solidarity; citizen reception, dialogue with the people, and petitions, complaints "
        "and denunciations handled well.",
    ),
    (
        "Chính quyền, cơ quan nhà nước thân thiện với Nhân dân, tôn trọng Nhân dân, gần dân, hiểu "
        "dân, học dân và có trách nhiệm với dân; “nghe dân nói, nói dân hiểu, làm dân tin”.",
        "A government friendly to the people, respecting, close to, understanding, learning from "
        "and responsible to the people: “listen to the people, speak so that the people "
        "understand, act so that the people trust”.",
    ),
    (
        "Sáng tạo, đổi mới trong lãnh đạo, chỉ đạo, tổ chức thực hiện nhiệm vụ chính trị của địa "
        "phương, cơ quan, đơn vị.",
        "Creative and innovative leadership, direction and implementation of the political tasks "
        "of the locality, agency or unit.",
    ),
]


def install(CriteriaSet, Criterion, using: str = "default") -> None:
    """Create the shipped sets if missing (used by the data migration and by tests)."""
    for field, specific in (("qcdc", QCDC), ("dvcq", DVCQ)):
        criteria_set, created = CriteriaSet.objects.using(using).get_or_create(
            province=None,
            field=field,
            valid_from_year=VALID_FROM_YEAR,
            defaults={"version": VERSION, "source": SOURCE},
        )
        if not created:
            continue
        Criterion.objects.using(using).bulk_create(
            [
                Criterion(criteria_set=criteria_set, group=group, number=n, text_vi=vi, text_en=en)
                for group, texts in (("general", GENERAL), ("specific", specific))
                for n, (vi, en) in enumerate(texts, start=1)
            ]
        )
