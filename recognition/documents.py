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

from core import documents, signing
from core.csv import safe_cell
from core.pdf import layout_template, render_template_pdf, signature_box, write_pdf
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


def decision_pdf(decision, *, signed_by: str = "", signing_key: str = "") -> bytes:
    """The Decision with its annex, as the office would print it (Decree 30/2020/NĐ-CP); signed
    digitally with `signing_key` (core.signing), `signed_by` printed in the signer block."""
    recognitions = decision_recognitions(decision)
    rows = [
        {
            "position": r.position,
            "name": r.dossier.bright_spot.name,
            "unit": r.dossier.unit.name,
            "field": FIELD_WORDS[r.dossier.field],
            "serial": getattr(getattr(r, "certificate", None), "serial", ""),
        }
        for r in recognitions
    ]
    context = {
        "decision": decision,
        "number_line": documents.number_line(decision.number, decision.symbol),
        "date_line": documents.date_line(decision.place_name, decision.date),
        "reference": documents.decision_reference(decision.number, decision.symbol, decision.date),
        "subject": decision_subject(decision),
        "bases": [line.strip() for line in decision.legal_bases.splitlines() if line.strip()],
        "rows": rows,
        "annulled_on": timezone.localtime(decision.annulled_at).date()
        if decision.annulled_at
        else None,
        "signed_by": signed_by if signing_key else "",
    }
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
