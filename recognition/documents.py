"""Documents recognition produces besides certificates: the Decision in the administrative
format (R19), a sample certificate, and the commendation proposal as PDF and Excel (R22).

Their words are those of Vietnamese administrative documents and stay Vietnamese whatever the
interface language (like `core.documents`), so they are not marked for translation.
"""

import dataclasses
import io

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from core import documents, signing, word
from core.csv import safe_cell
from core.paper import Heading, Paper, Table
from core.pdf import layout_template, paper_pdf, render_template_pdf, signature_box, write_pdf
from recognition.certificate import (
    FIELD_WORDS,
    SIGNING_REASON,
    render_certificate,
)
from recognition.models import Certificate, Outcome
from recognition.selectors import decision_recognitions, proposal_entries
from recognition.services.certificates import certificate_data

OUTCOME_WORDS = {
    Outcome.PENDING: "Chờ Hội đồng xét",
    Outcome.MERIT: "Bằng khen",
    Outcome.COMMENDATION: "Giấy khen",
    Outcome.NONE: "Không khen thưởng",
}


def council_name(province) -> str:
    return f"Hội đồng Thi đua - Khen thưởng tỉnh {province.name}"


def decision_subject(decision) -> str:
    return (
        "Về việc công nhận điểm sáng thực hiện Quy chế dân chủ ở cơ sở và dân vận chính quyền "
        f"năm {decision.recognition_year}"
    )


def _decision_rows(decision) -> list[dict]:
    return [
        {
            "position": r.position,
            "name": r.dossier.bright_spot.name,
            "unit": r.dossier.unit.name,
            "field": FIELD_WORDS[r.dossier.field],
            "serial": getattr(getattr(r, "certificate", None), "serial", ""),
        }
        for r in decision_recognitions(decision)
    ]


def _decision_context(decision) -> dict:
    return {
        "decision": decision,
        "number_line": documents.number_line(decision.number, decision.symbol),
        "date_line": documents.date_line(decision.place_name, decision.date),
        "reference": documents.decision_reference(decision.number, decision.symbol, decision.date),
        "subject": decision_subject(decision),
        "bases": [line.strip() for line in decision.legal_bases.splitlines() if line.strip()],
        "rows": _decision_rows(decision),
        "annulled_on": timezone.localtime(decision.annulled_at).date()
        if decision.annulled_at
        else None,
    }


def decision_articles(decision, count: int) -> list[tuple[str, str]]:
    """The three articles of the Decision, as the PDF and the Word draft print them."""
    committee = decision.committee.name
    return [
        ("Điều 1.", f"Công nhận {count} điểm sáng thực hiện Quy chế dân chủ ở cơ sở và dân vận "
                    f"chính quyền năm {decision.recognition_year} (có danh sách kèm theo)."),
        ("Điều 2.", "Các điểm sáng tại Điều 1 được cấp Giấy chứng nhận; đơn vị có điểm sáng được "
                    "công nhận tiếp tục duy trì, phát huy và nhân rộng mô hình."),
        ("Điều 3.", f"Quyết định này có hiệu lực kể từ ngày ký. {committee} và các đơn vị có tên "
                    "tại Điều 1 chịu trách nhiệm thi hành Quyết định này./."),
    ]  # fmt: skip


def decision_pdf(decision, *, signed_by: str = "", signing_key: str = "") -> bytes:
    """The Decision with its annex, as the office would print it (Decree 30/2020/NĐ-CP); signed
    digitally with `signing_key` (core.signing), `signed_by` printed in the signer block."""
    context = {**_decision_context(decision), "signed_by": signed_by if signing_key else ""}
    document = layout_template(
        "recognition/pdf/decision.html", context, stylesheets=["recognition/pdf/decision.css"]
    )
    pdf = write_pdf(document)
    if not context["signed_by"]:
        return pdf
    where = signature_box(document, "signature-box")
    return signing.sign_pdf(
        pdf, key=signing_key, where=where, reason=SIGNING_REASON, location=decision.place_name
    )


def decision_docx(decision) -> bytes:
    """The Decision as a Word draft in the same format, for the office to edit before signing."""
    context = _decision_context(decision)
    document = word.new_document()
    word.header(
        document, parent=decision.parent_name, authority=decision.authority_name,
        number_line=context["number_line"], date_line=context["date_line"],
    )  # fmt: skip
    word.paragraph(document, "QUYẾT ĐỊNH", bold=True, align=word.CENTER, space_before=18)
    word.paragraph(document, context["subject"], bold=True, align=word.CENTER)
    word.paragraph(
        document, decision.authority_name.upper(), bold=True, align=word.CENTER, space_before=12,
        space_after=6,
    )  # fmt: skip
    for basis in [*context["bases"], f"Xét đề nghị của {decision.committee.name}."]:
        word.paragraph(document, basis, italic=True, align=word.JUSTIFY, indent=True, space_after=3)
    word.paragraph(document, "QUYẾT ĐỊNH:", bold=True, align=word.CENTER, space_before=6,
                   space_after=6)  # fmt: skip
    for title, text in decision_articles(decision, len(context["rows"])):
        para = word.paragraph(document, "", align=word.JUSTIFY, indent=True, space_after=3)
        para.add_run(title).bold = True
        para.add_run(f" {text}")
    word.paragraph(document, "")
    word.signature_block(
        document, recipients=["- Như Điều 3;", "- Lưu: VT."],
        signing_lines=decision.signing_lines, signer=decision.signer_name,
    )  # fmt: skip
    document.add_page_break()
    word.paragraph(document, "DANH SÁCH ĐIỂM SÁNG ĐƯỢC CÔNG NHẬN", bold=True, align=word.CENTER)
    word.paragraph(
        document, f"(Kèm theo {context['reference']} của {decision.authority_name})",
        italic=True, align=word.CENTER, space_after=6,
    )  # fmt: skip
    word.grid(
        document, ["STT", "Tên điểm sáng", "Đơn vị thực hiện", "Lĩnh vực", "Số hiệu GCN"],
        [[r["position"], r["name"], r["unit"], r["field"], r["serial"]] for r in context["rows"]],
        [12, 60, 45, 30, 25],
    )  # fmt: skip
    return word.to_bytes(document)


def certificate_preview(decision) -> bytes | None:
    """The first certificate of the Decision as it will print, marked as a sample, without
    giving a serial: nothing is issued by looking."""
    recognition = next(iter(decision_recognitions(decision)), None)
    if recognition is None:
        return None
    placeholder = Certificate(
        recognition=recognition, province=decision.province, year=decision.recognition_year,
        number=0, serial=f"{decision.province.code}-{decision.recognition_year}-MAU",
    )  # fmt: skip
    data = dataclasses.replace(certificate_data(placeholder), sample=True)
    return render_certificate(data)


def _proposal_rows(proposal) -> list[dict]:
    rows = []
    for entry in proposal_entries(proposal):
        recognition = entry.recognition
        dossier = recognition.dossier
        rows.append(
            {
                "position": entry.position,
                "name": dossier.bright_spot.name,
                "unit": dossier.unit.name,
                "field": FIELD_WORDS[dossier.field],
                "year": dossier.year,
                "decision": recognition.decision.reference,
                "outcome": OUTCOME_WORDS[entry.outcome],
                "outcome_reference": entry.outcome_reference,
            }
        )
    return rows


def proposal_title(proposal) -> str:
    return (
        "DANH SÁCH ĐIỂM SÁNG ĐỀ NGHỊ KHEN THƯỞNG "
        f"GIAI ĐOẠN {proposal.period_start} - {proposal.period_end}"
    )


def proposal_pdf(proposal) -> bytes:
    """The proposal list to the Emulation and Reward Council (R22), A4 landscape."""
    context = {
        "proposal": proposal,
        "title": proposal_title(proposal),
        "rows": _proposal_rows(proposal),
        "date_line": documents.date_line(proposal.province.place_name, timezone.localdate()),
    }
    return render_template_pdf(
        "recognition/pdf/proposal.html", context, stylesheets=["recognition/pdf/proposal.css"]
    )


def proposal_docx(proposal) -> bytes:
    """The proposal list as a Word draft in the same format (R22), A4 landscape."""
    rows = _proposal_rows(proposal)
    document = word.new_document(landscape=True)
    word.header(
        document, parent="", authority=proposal.committee.name, number_line="",
        date_line=documents.date_line(proposal.province.place_name, timezone.localdate()),
    )  # fmt: skip
    word.paragraph(document, proposal_title(proposal), bold=True, align=word.CENTER,
                   space_before=18)  # fmt: skip
    word.paragraph(document, f"Kính gửi: {proposal.council}", align=word.CENTER, space_after=6)
    word.grid(
        document,
        ["STT", "Tên điểm sáng", "Đơn vị thực hiện", "Lĩnh vực", "Năm", "Quyết định công nhận",
         "Kết quả"],
        [[r["position"], r["name"], r["unit"], r["field"], r["year"], r["decision"],
          " ".join(filter(None, [r["outcome"], r["outcome_reference"]]))] for r in rows],
        [12, 70, 45, 35, 15, 45, 30],
    )  # fmt: skip
    word.paragraph(document, f"Tổng số: {len(rows)} điểm sáng.", space_before=6)
    return word.to_bytes(document)


def proposal_xlsx(proposal) -> bytes:
    """The same list as an Excel workbook, one row per bright spot."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = f"{proposal.period_start}-{proposal.period_end}"
    sheet.append([proposal_title(proposal)])
    sheet.append([f"Đơn vị đề nghị: {proposal.committee.name} — Kính gửi: {proposal.council}"])
    sheet.append([])
    header = ["STT", "Tên điểm sáng", "Đơn vị thực hiện", "Lĩnh vực", "Năm công nhận",
              "Quyết định công nhận", "Kết quả", "Quyết định khen thưởng"]  # fmt: skip
    sheet.append(header)
    for row in _proposal_rows(proposal):
        sheet.append(
            [row["position"]]
            + [safe_cell(row[k]) for k in ("name", "unit", "field")]
            + [row["year"]]
            + [safe_cell(row[k]) for k in ("decision", "outcome", "outcome_reference")]
        )
    sheet["A1"].font = Font(bold=True, size=13)
    for cell in sheet[4]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for index, width in enumerate([6, 60, 35, 30, 10, 45, 20, 35], start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A5"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


SUBJECT_WORDS = {"qcdc": "thực hiện Quy chế dân chủ ở cơ sở", "dvcq": "dân vận chính quyền"}


def recognition_request(dossier) -> Paper:
    """Part 3 of the dossier (R17): the unit's dispatch asking the committee to recognize its
    bright spot, from what the unit entered (number, date and signer when it gave them)."""
    unit, spot = dossier.unit, dossier.bright_spot
    day = dossier.dispatch_date or timezone.localdate()
    number = f"Số: {dossier.dispatch_number}" if dossier.dispatch_number else "Số:      /CV"
    body = [
        f"Căn cứ kết quả xây dựng điểm sáng năm {dossier.year}, {unit.name} kính đề nghị "
        f"{dossier.committee.name} xem xét, công nhận điểm sáng sau:",
        Table(
            ["STT", "Tên điểm sáng", "Lĩnh vực", "Năm"],
            [["1", spot.name, FIELD_WORDS[dossier.field], str(dossier.year)]],
            [12, 85, 48, 20],
        ),  # fmt: skip
    ]
    for title, text in (("Cách làm", dossier.method), ("Hiệu quả", dossier.effectiveness),
                        ("Khả năng nhân rộng", dossier.spread)):  # fmt: skip
        if text.strip():
            body.append(Heading(f"{title}:"))
            body += [line.strip() for line in text.splitlines() if line.strip()]
    evaluator = dossier.evaluation_by or "Ban Dân vận hoặc cán bộ phụ trách"
    body += [
        Heading("Hồ sơ kèm theo:"),
        "1. Báo cáo thành tích, tự đánh giá theo từng tiêu chí;",
        f"2. Ý kiến đánh giá của {evaluator};",
        "3. Công văn đề nghị này.",
        f"{unit.name} kính đề nghị {dossier.committee.name} xem xét, công nhận./.",
    ]
    return Paper(
        parent=unit.parent.name if unit.parent_id else "",
        issuer=unit.name,
        number_line=number,
        date_line=documents.date_line(unit.province.place_name, day),
        subject=f"V/v đề nghị công nhận điểm sáng {SUBJECT_WORDS[dossier.field]} năm {dossier.year}",
        addressees=(f"{dossier.committee.name}.",),
        body=tuple(body),
        signing_lines=(f"TM. {unit.name}", "(Chức vụ)"),
        signer=dossier.dispatch_signer or "(Họ và tên)",
    )


def recognition_request_file(dossier, kind: str) -> bytes:
    """The request as a PDF or a Word draft, with the same words."""
    paper = recognition_request(dossier)
    return paper_pdf(paper) if kind == "pdf" else word.paper_docx(paper)
