"""R33 search folding, and R34: what a user types into a search box never breaks the query."""

from core.text import fold


def test_fold_ignores_case_and_diacritics():
    assert fold("Xã  NGHĨA Dũng") == "xa nghia dung"
    assert fold("Nghi\u0303a Du\u0303ng") == "nghia dung"  # decomposed input too


def test_fold_drops_control_and_invisible_characters():
    assert fold("Nghĩa\x00 Dũng\u200b\u202e") == "nghia dung"
    assert fold("\t\r\nđồng\x07") == "dong"
