"""The dashboard's charts read right to a screen reader: a chart of links is a labelled group
of named links, a chart without links one image (no link inside an image: axe's
nested-interactive)."""

import re

from reporting import charts


def links_of(svg: str) -> list[str]:
    return re.findall(r'<a href="[^"]+" aria-label="([^"]+)">', svg)


def test_a_chart_whose_bars_are_links_is_a_group_of_named_links():
    svg = charts.grouped_bars(
        "Điểm sáng đăng ký theo năm",
        ["2025", "2026"],
        [charts.Series("qcdc", "QCDC", (3, 5), ("/reports/a/", "/reports/b/"))],
    )
    assert 'role="group"' in svg and 'role="img"' not in svg
    assert 'aria-label="Điểm sáng đăng ký theo năm"' in svg
    assert links_of(svg) == ["QCDC · 2025: 3", "QCDC · 2026: 5"]


def test_every_kind_of_chart_names_its_links():
    bars = charts.horizontal_bars("Theo loại đơn vị", [("Xã", 7, "/x/"), ("Phường", 2, "")])
    assert 'role="group"' in bars and links_of(bars) == ["Xã: 7"]
    stacked = charts.stacked_bar("Đơn vị", [("both", "Cả hai", 4, "/both/")])
    assert 'role="group"' in stacked and links_of(stacked) == ["Cả hai: 4"]


def test_a_chart_without_links_stays_one_image():
    svg = charts.horizontal_bars("Theo loại đơn vị", [("Xã", 7, ""), ("Phường", 2, "")])
    assert 'role="img"' in svg and "<a " not in svg
