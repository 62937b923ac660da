"""Charts as SVG drawn on the server: no script, nothing fetched (R35, CSP), the same drawing on
the dashboard and in the PDF. Every bar is a link to the list it counts when a link is given.

Only presentation attributes are used (fill, font-size…), never `style=`: the Content Security
Policy forbids inline styles. The tables beside each chart carry the same numbers for readers
who do not see the picture.
"""

from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

COLOURS = {
    "qcdc": "#1c5fa8",
    "dvcq": "#b3261e",
    "both": "#2e7d32",
    "one": "#f0a202",
    "none": "#9e9e9e",
}
NEUTRAL = "#5b6b7a"
GRID = "#d9dee3"
TEXT = "#212529"


@dataclass(frozen=True)
class Series:
    key: str
    label: str
    values: tuple  # one value per category
    links: tuple = ()  # one URL (or "") per category

    @property
    def colour(self) -> str:
        return COLOURS.get(self.key, NEUTRAL)


def _svg(width, height, title, body, font) -> SafeString:
    family = f' font-family="{escape(font)}"' if font else ""
    # A picture is one image to a screen reader; a chart whose bars are links is a labelled
    # group of links instead (an image may not hold anything interactive: axe's
    # nested-interactive), each link named by what its bar counts.
    role = "group" if "<a " in body else "img"
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="{role}" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}"{family} aria-label="{escape(title)}">'
        f"<title>{escape(title)}</title>{body}</svg>"
    )


def _linked(shape: str, url: str, name: str) -> str:
    if not url:
        return shape
    return f'<a href="{escape(url)}" aria-label="{escape(name)}">{shape}</a>'


def _nice_max(value: int) -> int:
    """A round top for the axis: 1, 2, 5 × a power of ten."""
    if value <= 0:
        return 1
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor >= value:
                return step * factor
        step *= 10


def grouped_bars(title: str, categories, series: list[Series], *, font: str = "") -> SafeString:
    """Vertical bars, one group per category (e.g. a year), one bar per series (e.g. field)."""
    width, height, left, bottom, top = 640, 260, 44, 40, 24
    plot_w, plot_h = width - left - 10, height - top - bottom
    top_value = _nice_max(max((max(s.values, default=0) for s in series), default=0))
    group_w = plot_w / max(1, len(categories))
    bar_w = min(36.0, group_w * 0.8 / max(1, len(series)))
    parts = []
    for tick in range(5):
        value = top_value * tick / 4
        y = top + plot_h - plot_h * tick / 4
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - 10}" y2="{y:.1f}" stroke="{GRID}"/>'
        )
        parts.append(
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11" fill="{TEXT}">{value:g}</text>'
        )
    for i, category in enumerate(categories):
        x0 = left + i * group_w + (group_w - bar_w * len(series)) / 2
        for j, s in enumerate(series):
            value = s.values[i]
            h = plot_h * value / top_value
            x, y = x0 + j * bar_w, top + plot_h - h
            rect = (
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w - 2:.1f}" height="{h:.1f}" fill="{s.colour}">'
                f"<title>{escape(s.label)} · {escape(category)}: {value}</title></rect>"
            )
            name = f"{s.label} · {category}: {value}"
            parts.append(_linked(rect, s.links[i] if s.links else "", name))
            parts.append(
                f'<text x="{x + bar_w / 2 - 1:.1f}" y="{y - 4:.1f}" text-anchor="middle" font-size="10" fill="{TEXT}">{value}</text>'
            )
        cx = left + i * group_w + group_w / 2
        parts.append(
            f'<text x="{cx:.1f}" y="{top + plot_h + 16}" text-anchor="middle" font-size="12" fill="{TEXT}">{escape(category)}</text>'
        )
    parts.append(_legend(series, left, height - 10))
    return _svg(width, height, title, "".join(parts), font)


def horizontal_bars(title: str, rows, *, colour: str = NEUTRAL, font: str = "") -> SafeString:
    """One bar per row: rows are (label, value, url)."""
    rows = list(rows)
    label_w, row_h, width = 230, 24, 640
    height = max(1, len(rows)) * row_h + 12
    top_value = _nice_max(max((value for _l, value, _u in rows), default=0))
    bar_room = width - label_w - 60
    parts = []
    for i, (label, value, url) in enumerate(rows):
        y = 6 + i * row_h
        shown = label if len(label) <= 34 else label[:33] + "…"
        parts.append(
            f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end" font-size="12" fill="{TEXT}">{escape(shown)}<title>{escape(label)}</title></text>'
        )
        w = bar_room * value / top_value
        rect = f'<rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row_h - 8}" fill="{colour}"><title>{escape(label)}: {value}</title></rect>'
        parts.append(_linked(rect, url, f"{label}: {value}"))
        parts.append(
            f'<text x="{label_w + w + 6:.1f}" y="{y + 15}" font-size="12" fill="{TEXT}">{value}</text>'
        )
    return _svg(width, height, title, "".join(parts), font)


def stacked_bar(
    title: str, parts_: list[tuple[str, str, int, str]], *, font: str = ""
) -> SafeString:
    """One bar split into parts: (key, label, value, url), with a legend; e.g. units that
    registered both fields, one, none."""
    width, height, left, bar_h = 640, 70, 10, 26
    total = sum(value for _k, _l, value, _u in parts_) or 1
    x, shapes = float(left), []
    for key, label, value, url in parts_:
        w = (width - 2 * left) * value / total
        rect = f'<rect x="{x:.1f}" y="8" width="{w:.1f}" height="{bar_h}" fill="{COLOURS.get(key, NEUTRAL)}"><title>{escape(label)}: {value}</title></rect>'
        shapes.append(_linked(rect, url, f"{label}: {value}"))
        if w > 28:
            shapes.append(
                f'<text x="{x + w / 2:.1f}" y="{8 + bar_h / 2 + 4:.1f}" text-anchor="middle" font-size="12" fill="#fff">{value}</text>'
            )
        x += w
    legend = [Series(key, f"{label} ({value})", ()) for key, label, value, _u in parts_]
    shapes.append(_legend(legend, left, height - 12))
    return _svg(width, height, title, "".join(shapes), font)


def _legend(series, x: float, y: float) -> str:
    parts = []
    for s in series:
        parts.append(
            f'<rect x="{x:.1f}" y="{y - 10:.1f}" width="12" height="12" fill="{s.colour}"/>'
        )
        parts.append(
            f'<text x="{x + 16:.1f}" y="{y:.1f}" font-size="12" fill="{TEXT}">{escape(s.label)}</text>'
        )
        x += 28 + 7 * len(s.label)
    return "".join(parts)
