"""Reading the numbers back from a rendered page, as a person reading it would."""

import re
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class _Figures(HTMLParser):
    """Collects elements carrying `data-figure`: their text and the link inside them."""

    def __init__(self):
        super().__init__()
        self.found: dict[str, list[tuple[str, str]]] = {}
        self._open: list[list] = []  # [key, depth, text parts, href]
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in VOID:
            return
        self._depth += 1
        for entry in self._open:
            if tag == "a" and entry[3] is None:
                entry[3] = attrs.get("href")
        if "data-figure" in attrs:
            self._open.append([attrs["data-figure"], self._depth, [], None])

    def handle_endtag(self, tag):
        for entry in list(self._open):
            if entry[1] == self._depth:
                text = "".join(entry[2]).strip()
                self.found.setdefault(entry[0], []).append((text, entry[3] or ""))
                self._open.remove(entry)
        self._depth -= 1

    def handle_data(self, data):
        for entry in self._open:
            entry[2].append(data)


def figures(html: str) -> dict[str, list[tuple[str, str]]]:
    """data-figure key → [(text, link)] for every element that carries it."""
    parser = _Figures()
    parser.feed(html)
    return parser.found


def number(text: str) -> int | None:
    digits = re.sub(r"[^\d]", "", text)
    return int(digits) if digits else None


def count_on(html: str) -> int:
    """The count a list page states (data-testid="count")."""
    match = re.search(r'data-testid="count">\s*([\d.,]+)', html)
    assert match, "the list states no count"
    return number(match.group(1))


def links_in(html: str, marker: str) -> list[tuple[str, str]]:
    """(text, href) of the links inside the element with data-testid=marker."""
    start = html.index(f'data-testid="{marker}"')
    end = html.index("</table>", start)
    return [
        (text.strip(), href.replace("&amp;", "&"))
        for href, text in re.findall(r'<a href="([^"]+)"[^>]*>([^<]*)</a>', html[start:end])
    ]
