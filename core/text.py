"""Vietnamese text: NFC storage, diacritic-free search and Vietnamese alphabetical order (R33).

Search and sort run in the database on two derived columns kept beside the name: a *folded*
form (lower case, no diacritics, đ → d) that `icontains` matches against the folded query, and a
*sort key* of plain ASCII that orders rows as a Vietnamese dictionary does: letters first
(a ă â b c d đ e ê …), then tone marks (ngang, huyền, hỏi, ngã, sắc, nặng). The same key sorts
identically on SQLite and on PostgreSQL whatever the database collation.
"""

import re
import unicodedata

_TONE_MARKS = {
    "\u0300": 1,  # huyền  (grave)
    "\u0309": 2,  # hỏi    (hook above)
    "\u0303": 3,  # ngã    (tilde)
    "\u0301": 4,  # sắc    (acute)
    "\u0323": 5,  # nặng   (dot below)
}
# Marks that make a distinct letter of the alphabet rather than a tone.
_LETTER_MARKS = {"\u0306": "(", "\u0302": "^", "\u031b": "+"}  # breve, circumflex, horn
_ALPHABET = [
    "a", "a(", "a^", "b", "c", "d", "đ", "e", "e^", "f", "g", "h", "i", "j", "k", "l", "m",
    "n", "o", "o^", "o+", "p", "q", "r", "s", "t", "u", "u+", "v", "w", "x", "y", "z",
]  # fmt: skip
_DIGITS36 = "0123456789abcdefghijklmnopqrstuvwxyz"


def _code(rank: int) -> str:
    # Two characters per letter; the first is never "0" so the separator "0" sorts lowest.
    return _DIGITS36[2 + rank // 36] + _DIGITS36[rank % 36]


_LETTER_CODE = {letter: _code(10 + i) for i, letter in enumerate(_ALPHABET)}
_DIGIT_CODE = {str(d): _code(d) for d in range(10)}
_SPACE_CODE = "1z"  # below every letter and digit: "An Hòa" sorts before "Anh"


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text or "")


def fold(text: str) -> str:
    """Lower case without diacritics, for search: 'Nghĩa Dũng' → 'nghia dung'."""
    decomposed = unicodedata.normalize("NFD", (text or "").lower().replace("đ", "d"))
    # Control and invisible format characters go too: a NUL in a query would be refused by
    # PostgreSQL (R34), and nothing a reader sees is lost.
    stripped = "".join(
        ch
        for ch in decomposed
        if not unicodedata.combining(ch) and (ch.isspace() or unicodedata.category(ch)[0] != "C")
    )
    return re.sub(r"\s+", " ", stripped).strip()


def _letters(text: str):
    """Yield (letter, tone) for each character: 'Đồng' → ('đ',0) ('o^',1) ('n',0) ('g',0)."""
    for char in unicodedata.normalize("NFC", text.lower()):
        if char == "đ":
            yield "đ", 0
            continue
        base, *marks = unicodedata.normalize("NFD", char)
        letter, tone = base, 0
        for mark in marks:
            if mark in _LETTER_MARKS:
                letter += _LETTER_MARKS[mark]
            elif mark in _TONE_MARKS:
                tone = _TONE_MARKS[mark]
        yield letter, tone


def sort_key(text: str, max_length: int = 600) -> str:
    """An ASCII key ordering names as a Vietnamese reader expects (Đ after D, Ă after A)."""
    primary, tones = [], []
    for letter, tone in _letters(text or ""):
        if letter in _LETTER_CODE:
            primary.append(_LETTER_CODE[letter])
            tones.append(str(tone))
        elif letter in _DIGIT_CODE:
            primary.append(_DIGIT_CODE[letter])
        elif letter.isspace() or not letter.isalnum():
            if primary and primary[-1] != _SPACE_CODE:
                primary.append(_SPACE_CODE)
        else:  # a letter from another script: after every Vietnamese letter, by code point
            primary.append("z" + _DIGITS36[min(ord(letter[0]) // 1000, 35)])
    while primary and primary[-1] == _SPACE_CODE:
        primary.pop()
    return ("".join(primary) + "0" + "".join(tones))[:max_length]
