"""Read an uploaded table: XLSX (openpyxl), or CSV in UTF-8 with or without a byte-order mark,
or the UTF-16 tab-separated text that Excel's "Unicode text" writes. Rows are numbered as the
spreadsheet numbers them (the header is row 1)."""

import csv
import io
from datetime import date, datetime

from django.utils.translation import gettext as _
from openpyxl import load_workbook

from core.text import nfc

DATA_SHEET = "Dữ liệu"


class Unreadable(Exception):
    """The file is not a table we can read; the message says why, in the user's language."""


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return nfc(str(value)).strip()


def _xlsx(content: bytes) -> list[list]:
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged workbook
        raise Unreadable(_("The workbook could not be opened.")) from error
    sheet = workbook[DATA_SHEET] if DATA_SHEET in workbook.sheetnames else workbook.worksheets[0]
    rows = [[_cell(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    workbook.close()
    return rows


def _text(content: bytes) -> str:
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        return content.decode("utf-16")
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Unreadable(
            _("The file is not UTF-8 or UTF-16 text; save it as CSV UTF-8 or Unicode text.")
        ) from None


def _csv(content: bytes) -> list[list]:
    text = _text(content)
    if "\x00" in text:
        raise Unreadable(_("The file is not a table."))
    first = text.split("\n", 1)[0]
    delimiter = max(("\t", ";", ","), key=first.count)
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        return [[_cell(value) for value in row] for row in reader]
    except csv.Error:
        raise Unreadable(_("The file is not a table.")) from None


def read_table(content: bytes) -> tuple[list[str], list[tuple[int, list]]]:
    """The header and the numbered rows of a file; blank rows are left out."""
    rows = _xlsx(content) if content.startswith(b"PK\x03\x04") else _csv(content)
    if not rows or not any(rows[0]):
        raise Unreadable(_("The file has no header row."))
    header = [str(value) for value in rows[0]]
    numbered = [
        (number, row)
        for number, row in enumerate(rows[1:], start=2)
        if any(value not in ("", None) for value in row)
    ]
    return header, numbered
