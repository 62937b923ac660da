"""Decree 30/2020/NĐ-CP lines shared by certificates and Decisions (R19, R20)."""

import datetime

import pytest

from core.documents import (
    date_line,
    date_words,
    decision_reference,
    document_number,
    number_line,
)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ((2026, 1, 5), "Nghệ An, ngày 05 tháng 01 năm 2026"),
        ((2026, 4, 15), "Nghệ An, ngày 15 tháng 4 năm 2026"),
        ((2025, 11, 30), "Nghệ An, ngày 30 tháng 11 năm 2025"),
    ],
)
def test_date_line_of_the_issue(day, expected):
    assert date_line("Nghệ An", datetime.date(*day)) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        # Days 1–9 take a leading zero, 10 and later do not need one.
        ((2026, 3, 1), "ngày 01 tháng 3 năm 2026"),
        ((2026, 3, 9), "ngày 09 tháng 3 năm 2026"),
        ((2026, 3, 10), "ngày 10 tháng 3 năm 2026"),
        ((2026, 3, 31), "ngày 31 tháng 3 năm 2026"),
        # Months 1 and 2 take a leading zero; March onwards do not.
        ((2026, 1, 31), "ngày 31 tháng 01 năm 2026"),
        ((2026, 2, 28), "ngày 28 tháng 02 năm 2026"),
        ((2028, 2, 29), "ngày 29 tháng 02 năm 2028"),
        ((2026, 3, 15), "ngày 15 tháng 3 năm 2026"),
        ((2026, 9, 2), "ngày 02 tháng 9 năm 2026"),
        ((2026, 10, 15), "ngày 15 tháng 10 năm 2026"),
        ((2026, 12, 31), "ngày 31 tháng 12 năm 2026"),
        ((2026, 1, 1), "ngày 01 tháng 01 năm 2026"),
    ],
)
def test_date_words_at_the_boundaries_of_the_leading_zero(day, expected):
    assert date_words(datetime.date(*day)) == expected


def test_date_line_keeps_the_place_as_given():
    assert date_line("Đặc khu Cồn Cỏ", datetime.date(2025, 7, 1)) == (
        "Đặc khu Cồn Cỏ, ngày 01 tháng 7 năm 2025"
    )


@pytest.mark.parametrize(
    ("number", "symbol", "expected"),
    [
        (125, "QĐ-UBND", "125/QĐ-UBND"),
        ("125", "QĐ-UBND", "125/QĐ-UBND"),
        # Numbering starts at 01 each year.
        (1, "QĐ-UBND", "01/QĐ-UBND"),
        (9, "QĐ-SNV", "09/QĐ-SNV"),
        (10, "QĐ-SNV", "10/QĐ-SNV"),
        (1234, "QĐ-UBND", "1234/QĐ-UBND"),
        # A number that is not plain digits is kept as the authority wrote it.
        ("12a", "QĐ-BCĐ", "12a/QĐ-BCĐ"),
    ],
)
def test_document_number(number, symbol, expected):
    assert document_number(number, symbol) == expected


def test_number_line_and_decision_reference():
    assert number_line(125, "QĐ-UBND") == "Số: 125/QĐ-UBND"
    assert decision_reference(7, "QĐ-UBND", datetime.date(2026, 2, 3)) == (
        "Quyết định số 07/QĐ-UBND ngày 03 tháng 02 năm 2026"
    )
