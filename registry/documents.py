"""The unit's own papers, generated from what it entered (R41, issue 13): the registration
dispatch (công văn đăng ký) listing the year's bright spots, as a Word draft in the
administrative format, ready to complete, sign and upload back. Vietnamese by law, like
`core.documents`, so not marked for translation."""

from django.utils import timezone

from core import documents, word
from registry.models import BrightSpot

FIELD_WORDS = {"qcdc": "Thực hiện Quy chế dân chủ ở cơ sở", "dvcq": "Dân vận chính quyền"}


def registration_dispatch_docx(unit, year: int) -> bytes:
    """The dispatch registering the unit's bright spots of `year` with the steering committees."""
    spots = list(
        BrightSpot.objects.filter(unit=unit, year=year, status__in=BrightSpot.LIVE).order_by(
            "field", "pk"
        )
    )
    province = unit.province
    document = word.new_document()
    word.header(
        document, parent=unit.parent.name if unit.parent_id else "", authority=unit.name,
        number_line="Số:      /CV",
        date_line=documents.date_line(province.place_name, timezone.localdate()),
    )  # fmt: skip
    word.paragraph(
        document, f"V/v đăng ký điểm sáng thực hiện Quy chế dân chủ ở cơ sở và dân vận chính "
        f"quyền năm {year}", size=12, space_before=6,
    )  # fmt: skip
    word.paragraph(
        document, f"Kính gửi: Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở tỉnh {province.name}.",
        align=word.CENTER, space_before=12, space_after=12,
    )  # fmt: skip
    word.paragraph(
        document, f"Thực hiện hướng dẫn xây dựng điểm sáng năm {year}, {unit.name} đăng ký "
        f"{len(spots)} điểm sáng như sau:", align=word.JUSTIFY, indent=True, space_after=6,
    )  # fmt: skip
    word.grid(
        document, ["STT", "Tên điểm sáng", "Lĩnh vực", "Mục tiêu"],
        [[index, spot.name, FIELD_WORDS[spot.field], spot.objectives]
         for index, spot in enumerate(spots, 1)],
        [12, 65, 40, 48],
    )  # fmt: skip
    word.paragraph(
        document, f"{unit.name} kính đề nghị Ban Chỉ đạo xem xét, tổng hợp./.", align=word.JUSTIFY,
        indent=True, space_before=6,
    )  # fmt: skip
    word.signature_block(
        document, recipients=["- Như trên;", "- Lưu: VT."],
        signing_lines=[f"TM. {unit.name}", "(Chức vụ)"], signer="(Họ và tên)",
    )  # fmt: skip
    return word.to_bytes(document)
