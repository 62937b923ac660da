"""Each import kind's template workbook: the data sheet with Vietnamese headers, a sheet of
allowed values, an example row and a note per column."""

import io

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from organisation.imports.base import ImportKind
from organisation.imports.reading import DATA_SHEET

VALUES_SHEET = "Giá trị hợp lệ"
EXAMPLE_SHEET = "Ví dụ"
BOLD = Font(bold=True)
REQUIRED = PatternFill("solid", fgColor="FFF2CC")


def _header(sheet, kind: ImportKind):
    for position, column in enumerate(kind.columns, start=1):
        cell = sheet.cell(row=1, column=position, value=column.header)
        cell.font = BOLD
        if column.required:
            cell.fill = REQUIRED
        sheet.column_dimensions[get_column_letter(position)].width = max(16, len(column.header) + 4)
    sheet.freeze_panes = "A2"


def template_workbook(kind: ImportKind) -> bytes:
    workbook = Workbook()
    data = workbook.active
    data.title = DATA_SHEET
    _header(data, kind)
    # Dates as text, so that Excel keeps dd/mm/yyyy as typed.
    for position, column in enumerate(kind.columns, start=1):
        if column.note == "dd/mm/yyyy" or column.note.startswith("dd/mm/yyyy"):
            for row in range(2, 2001):
                data.cell(row=row, column=position).number_format = "@"

    values = workbook.create_sheet(VALUES_SHEET)
    position = 0
    for index, column in enumerate(kind.columns, start=1):
        if column.choices is None:
            continue
        position += 1
        letter = get_column_letter(position)
        values.cell(row=1, column=position, value=column.header).font = BOLD
        options = column.choices()
        for row, option in enumerate(options, start=2):
            values.cell(row=row, column=position, value=option)
        values.column_dimensions[letter].width = max(20, len(column.header) + 4)
        check = DataValidation(
            type="list",
            formula1=f"'{VALUES_SHEET}'!${letter}$2:${letter}${len(options) + 1}",
            allow_blank=not column.required,
        )
        data.add_data_validation(check)
        check.add(f"{get_column_letter(index)}2:{get_column_letter(index)}5000")

    example = workbook.create_sheet(EXAMPLE_SHEET)
    _header(example, kind)
    for position, column in enumerate(kind.columns, start=1):
        example.cell(row=2, column=position, value=column.example or None)
        example.cell(row=4, column=position, value=column.note or None)
    example.cell(row=3, column=1, value="Ghi chú từng cột (hàng dưới); ô tô vàng là bắt buộc.")

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
