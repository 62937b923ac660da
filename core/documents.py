"""Lines of Vietnamese administrative documents, as Decree 30/2020/NĐ-CP writes them.

Certificates (R20) and Decisions (R19) share these. The words are Vietnamese by law, in every
interface language, so nothing here goes through gettext.
"""

import datetime


def _day(value: int) -> str:
    # Decree 30, Annex I: days below 10 take a leading zero.
    return f"{value:02d}"


def _month(value: int) -> str:
    # Decree 30, Annex I: months 1 and 2 take a leading zero ("tháng 01", "tháng 02"), so that
    # nobody can add a digit after signing ("tháng 1" → "tháng 11"); months 3–12 do not.
    return f"{value:02d}" if value <= 2 else str(value)


def date_words(day: datetime.date) -> str:
    """'ngày 05 tháng 01 năm 2026': the date as documents write it in a line and in citations."""
    return f"ngày {_day(day.day)} tháng {_month(day.month)} năm {day.year}"


def date_line(place: str, day: datetime.date) -> str:
    """The place-and-date line under the motto: 'Nghệ An, ngày 05 tháng 01 năm 2026'."""
    return f"{place}, {date_words(day)}"


def document_number(number: int | str, symbol: str) -> str:
    """'125/QĐ-UBND'. Numbers restart at 01 each year (Decree 30, art. 15), so 1–9 take a zero."""
    number = str(number).strip()
    if number.isdecimal():
        number = f"{int(number):02d}"
    return f"{number}/{symbol.strip()}"


def number_line(number: int | str, symbol: str) -> str:
    """'Số: 125/QĐ-UBND', the line under the issuing authority of a document."""
    return f"Số: {document_number(number, symbol)}"


def decision_reference(number: int | str, symbol: str, day: datetime.date) -> str:
    """'Quyết định số 125/QĐ-UBND ngày 05 tháng 01 năm 2026', how a text cites a Decision."""
    return f"Quyết định số {document_number(number, symbol)} {date_words(day)}"
