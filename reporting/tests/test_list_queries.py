"""Every list behind the summary's figures (reporting/filters.py), under every filter it offers:
the same number of queries for a page of 2 rows and a page of 20 — nothing is read per row."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from reporting import views
from reporting.filters import SpotFilterForm, UnitFilterForm

YEAR = 2025  # a whole year: reports, dossiers, Decisions and the Council's outcomes


def _choices(form_class) -> list[dict]:
    """{name: value} for every value of every filter of the form, and none at all."""
    form = form_class()
    asked = [{}]
    for name, field in form.fields.items():
        for value, _label in getattr(field, "choices", []):
            if value and name != "view":
                asked.append({name: value})
    return asked


SPOT_FILTERS = _choices(SpotFilterForm)
UNIT_FILTERS = _choices(UnitFilterForm)


def _rows(html: str) -> int:
    body = html[html.index("<tbody>") : html.index("</tbody>")]
    return 0 if "Nothing is counted here." in body or "Không có" in body else body.count("<tr>")


def _page(client, name, params, size, monkeypatch):
    monkeypatch.setattr(views, "PAGE_SIZE", size)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse(name), {"year": YEAR, **params})
    assert response.status_code == 200
    return _rows(response.content.decode()), len(queries)


def _same_with_2_and_20(generated, client_of, monkeypatch, name, params):
    client = client_of(generated.provincial)
    _page(client, name, params, 20, monkeypatch)  # caches of the process warmed once
    small_rows, small = _page(client, name, params, 2, monkeypatch)
    large_rows, large = _page(client, name, params, 20, monkeypatch)
    return small_rows, large_rows, small, large


@pytest.mark.parametrize("params", SPOT_FILTERS, ids=lambda p: "-".join(map(str, p.values())))
def test_a_bright_spot_list_reads_nothing_per_row(generated, client_of, monkeypatch, params):
    small_rows, large_rows, small, large = _same_with_2_and_20(
        generated, client_of, monkeypatch, "reporting:bright-spots", params
    )
    if large_rows > small_rows:  # a filter that leaves two rows or fewer has nothing to show
        assert small_rows == 2
    assert small == large, f"{params}: {small} queries for 2 rows, {large} for {large_rows}"


@pytest.mark.parametrize("params", UNIT_FILTERS, ids=lambda p: "-".join(map(str, p.values())))
def test_a_unit_list_reads_nothing_per_row(generated, client_of, monkeypatch, params):
    small_rows, large_rows, small, large = _same_with_2_and_20(
        generated, client_of, monkeypatch, "reporting:units", params
    )
    if large_rows > small_rows:
        assert small_rows == 2
    assert small == large, f"{params}: {small} queries for 2 rows, {large} for {large_rows}"


def test_every_filter_lists_more_than_two_rows(generated, client_of, monkeypatch):
    """The query counts above compare something: on the generated dataset every filter has a
    value that lists more than 2 rows, the recognition filters among them."""
    client = client_of(generated.provincial)
    listed = {}
    for name, filters in (
        ("reporting:bright-spots", SPOT_FILTERS),
        ("reporting:units", UNIT_FILTERS),
    ):
        for params in filters:
            listed[(name, tuple(params.items()))] = _page(client, name, params, 20, monkeypatch)[0]
    many = [dict(params) for (_name, params), rows in listed.items() if rows > 2]
    for name in {name for params in SPOT_FILTERS + UNIT_FILTERS for name in params}:
        assert any(name in params for params in many), f"no value of {name} lists 3 rows"


def test_the_group_of_a_summary_row_reads_nothing_per_row(generated, client_of, monkeypatch):
    """A row of the summary (a unit, a locality, a type of unit) as the list's filter."""
    for params in (
        {"row": generated.new_commune.pk, "view": "current"},
        {"locality": generated.new_commune.parent_id or generated.root.pk},
        {"kind": generated.new_commune.kind},
    ):
        for name in ("reporting:bright-spots", "reporting:units"):
            *_rows_, small, large = _same_with_2_and_20(
                generated, client_of, monkeypatch, name, params
            )
            assert small == large, (name, params)


def test_the_row_count_is_what_the_list_states(generated, client_of, monkeypatch):
    client = client_of(generated.provincial)
    monkeypatch.setattr(views, "PAGE_SIZE", 20)
    html = client.get(reverse("reporting:bright-spots"), {"year": YEAR}).content.decode()
    stated = int(re.search(r'data-testid="count">\s*([\d.,]+)', html).group(1).replace(".", ""))
    assert stated > 20 and _rows(html) == 20
