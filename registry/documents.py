"""The unit's own papers, generated from what it entered (R41, issue 13): the registration
dispatch (công văn đăng ký) listing the year's bright spots, and the annual report, each as a
Word draft and as a PDF with the same words (core.paper), ready to complete, sign and upload
back. Vietnamese by law, like `core.documents`, so not marked for translation."""

from django.utils import timezone

from core import documents, pdf, word
from core.paper import Heading, Paper, Table
from registry import selectors
from registry.models import AnnualReport, BrightSpot

FIELD_WORDS = {"qcdc": "Thực hiện Quy chế dân chủ ở cơ sở", "dvcq": "Dân vận chính quyền"}
FORMATS = ("pdf", "docx")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _issuer(unit) -> dict:
    return {
        "parent": unit.parent.name if unit.parent_id else "",
        "issuer": unit.name,
        "date_line": documents.date_line(unit.province.place_name, timezone.localdate()),
        "signing_lines": (f"TM. {unit.name}", "(Chức vụ)"),
    }


def registration_dispatch(unit, year: int) -> Paper:
    """The dispatch registering the unit's bright spots of `year` with the steering committees."""
    spots = list(
        BrightSpot.objects.filter(unit=unit, year=year, status__in=BrightSpot.LIVE).order_by(
            "field", "pk"
        )
    )
    rows = [[str(index), spot.name, FIELD_WORDS[spot.field], spot.objectives]
            for index, spot in enumerate(spots, 1)]  # fmt: skip
    return Paper(
        **_issuer(unit),
        number_line="Số:      /CV",
        subject=f"V/v đăng ký điểm sáng thực hiện Quy chế dân chủ ở cơ sở và dân vận chính "
        f"quyền năm {year}",
        addressees=(f"Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở tỉnh {unit.province.name}.",),
        body=(
            f"Thực hiện hướng dẫn xây dựng điểm sáng năm {year}, {unit.name} đăng ký "
            f"{len(spots)} điểm sáng như sau:",
            Table(["STT", "Tên điểm sáng", "Lĩnh vực", "Mục tiêu"], rows, [12, 65, 40, 48]),
            f"{unit.name} kính đề nghị Ban Chỉ đạo xem xét, tổng hợp./.",
        ),
    )


def annual_report(report: AnnualReport) -> Paper:
    """The unit's annual report of `report.year` as it was written (draft or submitted)."""
    unit, year = report.unit, report.year
    items = list(selectors.annual_report_items(report))
    rows = [[str(index), item.bright_spot.name, item.results, item.next_steps]
            for index, item in enumerate(items, 1)]  # fmt: skip
    body = [Heading("I. KẾT QUẢ CHUNG"), *(_lines(report.summary) or ["(Chưa nhập.)"])]
    body.append(Heading("II. KẾT QUẢ TỪNG ĐIỂM SÁNG"))
    if rows:
        body.append(Table(["STT", "Tên điểm sáng", "Kết quả trong năm", "Kế hoạch năm sau"],
                          rows, [12, 53, 50, 50]))  # fmt: skip
    else:
        body.append("Trong năm, đơn vị không có điểm sáng đăng ký.")
    body.append(Heading(f"III. KẾ HOẠCH NĂM {year + 1}"))
    body += _lines(report.next_year_plan) or ["(Chưa nhập.)"]
    return Paper(
        **_issuer(unit),
        number_line="Số:      /BC",
        title="BÁO CÁO",
        subject=f"Kết quả xây dựng điểm sáng thực hiện Quy chế dân chủ ở cơ sở và dân vận chính "
        f"quyền năm {year}",
        addressees=(f"Ban Dân vận và Sở Nội vụ tỉnh {unit.province.name}.",),
        body=tuple(body),
        recipients=("- Như trên;", "- Lưu: VT."),
    )


def rendered(paper: Paper, kind: str) -> bytes:
    """The paper as a PDF or a Word draft (`kind` of FORMATS)."""
    return pdf.paper_pdf(paper) if kind == "pdf" else word.paper_docx(paper)
