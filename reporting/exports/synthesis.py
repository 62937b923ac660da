"""The synthesis report as PDF (R23): the Mass Mobilization Committee's yearly report to the
Provincial Party Standing Committee on building bright spots, in the style of a Party document
(issuing authority, "ĐẢNG CỘNG SẢN VIỆT NAM", the Decree 30 date line), with tables and charts.

The wording is that of a Vietnamese administrative document and stays Vietnamese whatever the
interface language (`core.pdf` renders it in Vietnamese). Who issues and signs it is data
(`reporting.models.Letterhead`), with the defaults below until an administrator sets it.
"""

from dataclasses import dataclass

from django.utils import timezone, translation

from core import documents
from core.pdf import render_template_pdf
from reporting import dashboard, figures
from reporting.exports.base import Exporter, ExportRequest
from reporting.models import Letterhead

TEMPLATE = "reporting/pdf/synthesis.html"
STYLESHEET = "reporting/pdf/synthesis.css"
FONT = "Noto Serif"


@dataclass(frozen=True)
class Heading:
    parent_authority: str
    authority: str
    authority_in_text: str
    number_symbol: str
    addressee: str
    signing_form: tuple[str, ...]
    signer_name: str
    recipients: tuple[str, ...]


def heading_for(province) -> Heading:
    """The province's letterhead, or the usual one of a provincial Party committee's board."""
    letterhead = Letterhead.objects.filter(province=province).first()
    if letterhead is not None:
        return Heading(
            parent_authority=letterhead.parent_authority,
            authority=letterhead.authority,
            authority_in_text=letterhead.authority_in_text,
            number_symbol=letterhead.number_symbol,
            addressee=letterhead.addressee,
            signing_form=tuple(line.strip() for line in letterhead.signing_form.splitlines() if line.strip()),
            signer_name=letterhead.signer_name,
            recipients=tuple(line.strip() for line in letterhead.recipients.splitlines() if line.strip()),
        )  # fmt: skip
    return Heading(
        parent_authority=f"TỈNH ỦY {province.name.upper()}",
        authority="BAN TUYÊN GIÁO VÀ DÂN VẬN",
        authority_in_text="Ban Tuyên giáo và Dân vận Tỉnh ủy",
        number_symbol="BC/BTGDVTU",
        addressee="Ban Thường vụ Tỉnh ủy",
        signing_form=("T/M BAN TUYÊN GIÁO VÀ DÂN VẬN", "TRƯỞNG BAN"),
        signer_name="",
        recipients=(
            "- Thường trực Tỉnh ủy (b/c);",
            "- Ban Thường vụ Tỉnh ủy (b/c);",
            "- Các Ban Chỉ đạo thực hiện QCDC, DVCQ tỉnh;",
            "- Sở Nội vụ;",
            "- Lưu VT.",
        ),
    )


def synthesis_context(request: ExportRequest) -> dict:
    area = request.areas[0]
    year = max(request.years)
    summaries = request.summaries(area, detail=[year])
    current = summaries[year]
    links = dashboard.NoLinks()
    total = current.total
    value = {f.key: f.value(total) for f in figures.numbers(area.fields)}
    trends, trend_columns = dashboard.trend_rows(area, summaries, request.view, linked=False)
    produced = timezone.localtime(request.produced_at)
    return {
        "area": area,
        "request": request,
        "year": year,
        "summary": current,
        "v": value,
        "heading": heading_for(area.province),
        "date_line": documents.date_line(area.province.place_name, produced.date()),
        "produced": produced,
        "whole_province": area.root.parent_id is None,
        "field_table": dashboard.field_table(area, total, links),
        "level_table": dashboard.level_table(total, links),
        "kind_table": dashboard.kind_table(current, links),
        "locality_table": dashboard.group_table(area, current.locality_rows, links, "locality"),
        "group_columns": dashboard.group_columns(area),
        "trend_rows": trends,
        "trend_columns": trend_columns,
        "non_compliant": current.non_compliant,
        "charts": {
            "trend": dashboard.trend_chart(area, summaries, request.view, font=FONT, linked=False),
            "compliance": dashboard.compliance_chart(total, links, font=FONT),
            "kinds": dashboard.kinds_chart(current, links, font=FONT),
        },
    }


class SynthesisReport(Exporter):
    identifier = "synthesis"
    extension = "pdf"
    content_type = "application/pdf"

    def render(self, request: ExportRequest, output, progress) -> None:
        # The charts and labels are drawn before the template: in Vietnamese too.
        with translation.override("vi"):
            context = synthesis_context(request)
        progress(0.3)
        output.write(render_template_pdf(TEMPLATE, context, stylesheets=[STYLESHEET]))
        progress(1.0)
