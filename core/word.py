"""Word (DOCX) documents in the Vietnamese administrative format (Decree 30/2020/NĐ-CP), made
with python-docx, for officials to edit before signing (R41). The counterpart of `core.pdf`:
A4, the decree's margins, Times New Roman 13–14 pt, the two-column header with the national
motto. Like `core.documents`, the words are Vietnamese whatever the interface language."""

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

FONT = "Times New Roman"  # the decree's typeface (Annex I)
CENTER, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY


def new_document(*, landscape: bool = False) -> Document:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = (
        (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    )
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    # Decree 30: top and bottom 20 mm, left 30 mm, right 15 mm.
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    style = document.styles["Normal"]
    style.font.name, style.font.size = FONT, Pt(14)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    style.paragraph_format.space_after = Pt(0)
    return document


def paragraph(container, text: str = "", *, bold=False, italic=False, size=None, align=None,
              indent=False, space_before=0, space_after=0):  # fmt: skip
    """One paragraph of one run; `container` is the document or a table cell."""
    para = container.add_paragraph()
    if align is not None:
        para.alignment = align
    para.paragraph_format.space_before = Pt(space_before)
    para.paragraph_format.space_after = Pt(space_after)
    if indent:
        para.paragraph_format.first_line_indent = Mm(10)
    run = para.add_run(text)
    run.bold, run.italic = bold, italic
    if size:
        run.font.size = Pt(size)
    return para


def header(
    document, *, parent: str, authority: str, number_line: str, date_line: str, subject: str = ""
) -> None:
    """The two columns above every document: the issuer and its number on the left, the national
    motto and the place-and-date line on the right."""
    table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    left, right = table.rows[0].cells
    left.width, right.width = Mm(65), Mm(100)
    left.paragraphs[0].text = ""
    if parent:
        left.paragraphs[0].add_run(parent.upper()).font.size = Pt(13)
        left.paragraphs[0].alignment = CENTER
        paragraph(left, authority.upper(), bold=True, size=13, align=CENTER)
    else:
        run = left.paragraphs[0].add_run(authority.upper())
        run.bold, run.font.size = True, Pt(13)
        left.paragraphs[0].alignment = CENTER
    paragraph(left, number_line, size=13, align=CENTER, space_before=6)
    if subject:  # a dispatch's "V/v …" line, under its number
        paragraph(left, subject, size=12, align=CENTER, space_before=4)
    first = right.paragraphs[0]
    first.alignment = CENTER
    run = first.add_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    run.bold, run.font.size = True, Pt(13)
    paragraph(right, "Độc lập - Tự do - Hạnh phúc", bold=True, align=CENTER)
    paragraph(right, date_line, italic=True, align=CENTER, space_before=6)


def signature_block(document, *, recipients: list[str], signing_lines, signer: str) -> None:
    """'Nơi nhận' on the left, the signing form, a space to sign, and the signer on the right."""
    table = document.add_table(rows=1, cols=2)
    left, right = table.rows[0].cells
    left.width, right.width = Mm(75), Mm(90)
    left.paragraphs[0].add_run("Nơi nhận:").bold = True
    left.paragraphs[0].runs[0].italic = True
    left.paragraphs[0].runs[0].font.size = Pt(12)
    for line in recipients:
        paragraph(left, line, size=11)
    right.paragraphs[0].alignment = CENTER
    lines = list(signing_lines)
    right.paragraphs[0].add_run(lines[0].upper() if lines else "").bold = True
    for line in lines[1:]:
        paragraph(right, line.upper(), bold=True, align=CENTER)
    for _ in range(4):
        paragraph(right, "", align=CENTER)
    paragraph(right, signer, bold=True, align=CENTER)


def grid(document, header_row: list[str], rows: list[list], widths_mm: list[float]) -> None:
    table = document.add_table(rows=1, cols=len(header_row))
    table.style = "Table Grid"
    for cell, text, width in zip(table.rows[0].cells, header_row, widths_mm, strict=True):
        cell.width = Mm(width)
        cell.paragraphs[0].alignment = CENTER
        run = cell.paragraphs[0].add_run(text)
        run.bold, run.font.size = True, Pt(12)
    for values in rows:
        cells = table.add_row().cells
        for cell, value, width in zip(cells, values, widths_mm, strict=True):
            cell.width = Mm(width)
            cell.paragraphs[0].add_run(str(value)).font.size = Pt(12)


def to_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def paper_docx(paper) -> bytes:
    """A unit's paper (core.paper.Paper) as a Word draft, with the same words as its PDF."""
    from core.paper import Heading, Table

    document = new_document()
    header(document, parent=paper.parent, authority=paper.issuer, number_line=paper.number_line,
           date_line=paper.date_line, subject=paper.subject if paper.is_dispatch else "")  # fmt: skip
    if paper.title:
        paragraph(document, paper.title, bold=True, align=CENTER, space_before=18)
        if paper.subject:
            paragraph(document, paper.subject, bold=True, align=CENTER, space_after=12)
    for line in paper.addressees:
        paragraph(document, paper.addressee_line(line), align=CENTER, space_before=12,
                  space_after=12)  # fmt: skip
    for block in paper.body:
        if isinstance(block, Table):
            grid(document, block.header, block.rows, block.widths_mm)
        elif isinstance(block, Heading):
            paragraph(document, block.text, bold=True, space_before=6, space_after=3)
        else:
            paragraph(document, block, align=JUSTIFY, indent=True, space_after=4)
    paragraph(document, "")
    signature_block(document, recipients=list(paper.recipients),
                    signing_lines=paper.signing_lines, signer=paper.signer)  # fmt: skip
    return to_bytes(document)
