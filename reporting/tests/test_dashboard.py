"""The dashboard (R23): every figure equals a direct count, and every figure links to a list of
exactly that many bright spots or units. Charts are SVG drawn on the server."""

import pytest
from django.urls import reverse

from registry.tests.factories import bulk_submitted
from reporting import figures as f
from reporting.tests import reference
from reporting.tests.pages import count_on, figures, links_in, number


def dashboard(client, **params):
    response = client.get(reverse("reporting:summary"), params)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("view", ["historical", "current"])
def test_every_figure_equals_a_direct_count_and_its_list(generated, client_of, view):
    client = client_of(generated.provincial)
    html = dashboard(client, year=2025, view=view)
    expected = reference.figures(generated.province, 2025)
    shown = figures(html)
    for figure in f.numbers(("qcdc", "dvcq")):
        text, link = shown[figure.key][-1]  # the overview table
        assert number(text) == expected[figure.key], figure.key
        if figure.kind == f.PERCENT:
            continue
        listed = count_on(client.get(link).content.decode())
        assert listed == expected[figure.key], (figure.key, link)


def test_table_numbers_link_to_lists_of_that_length(generated, client_of):
    client = client_of(generated.provincial)
    html = dashboard(client, year=2024, view="current")
    for table in ("fields", "levels", "kinds", "localities", "trends"):
        links = [(t, h) for t, h in links_in(html, table) if t.isdigit() and "/reports/" in h]
        assert links, table
        for text, href in links[:25]:
            assert count_on(client.get(href).content.decode()) == int(text), (table, href)


def test_localities_table_matches_direct_counts(generated, client_of):
    html = dashboard(client_of(generated.provincial), year=2024)
    expected = reference.registered_by_locality(
        generated.province, 2024, generated.root, today=False
    )
    for locality, count in expected.items():
        row = html[html.index(f'data-locality="{locality}"') :]
        row = row[: row.index("</tr>")]
        assert f">{count}</a>" in row


def test_charts_are_svg_with_links_and_no_inline_style(generated, client_of):
    html = dashboard(client_of(generated.provincial), year=2026)
    assert html.count("<svg") >= 4
    chart = html[html.index("<svg") : html.index("</svg>")]
    assert "<a href=" in chart and "<rect" in chart
    assert "style=" not in html and "<script>" not in html


def test_the_page_says_what_it_counts(generated, client_of):
    html = dashboard(client_of(generated.provincial), year=2026, view="current")
    assert generated.root.name in html
    assert "không tính bản nháp" in html or "never drafts" in html


@pytest.mark.parametrize("extra_rows", [0, 300])
def test_query_count_does_not_grow_with_rows(
    generated, client_of, django_assert_max_num_queries, extra_rows
):
    """The same bound with 300 more bright spots in the year shown: nothing is counted per row."""
    registered = reference.spots(generated.province, 2026).count()
    if extra_rows:
        bulk_submitted(generated.new_commune, generated.qcdc, extra_rows, year=2026)
    client = client_of(generated.provincial)
    # Two of them read the open year's windows (R37), whatever the rows.
    with django_assert_max_num_queries(22):
        html = dashboard(client, year=2026)
    text, _ = figures(html)["registered"][-1]  # the overview table
    assert number(text) == registered + extra_rows
