"""The permission matrix (R30): every URL of the project, every role of the standard cast, GET and
POST, with the status each must get — in one table per app, checked by this module.

Where the rows live
    `<app>/tests/permission_matrix.py` for every app of the project (brightspots, registry, and
    each app you add). This module finds them through INSTALLED_APPS: adding an app's rows needs
    no change here. The file is not named test_*.py, so pytest does not collect it on its own.

What such a module holds
    ROWS      a list of `tests.permission_matrix.Row`, at least one per URL name of the app;
    objects   optional `objects(world) -> dict`: builds what the rows need and names it. `world`
              already holds the cast (`world.unit_a`, `world.qcdc_staff`, …), `world.year`
              (2026) and what the apps before yours built (registry's `submitted_qcdc`,
              `submitted_dvcq`, `draft_a`, `milestone`, `progress_entry`, `annual_report`);
              everything runs at MOMENT (10 March 2026, registration open), on a fresh database;
    PREFIXES  optional: `Prefix("admin/", reason)` covers every URL under a prefix that the
              project does not own (Django's admin), with rows for a few of its pages.

A row
        Row("registry:bright-spot-detail", "submitted_qcdc",
            get="  200   404   200   404   200   404   200   login",
            post=" 405   405   405   405   405   405   405   405")
    name   the URL name with its namespace;
    args   world attributes for the URL's arguments, space-separated ("unit_a year"); a model
           instance gives its pk;
    get, post   eight cells in the cast's order:
           offA offB qcdc dvcq prov othr admn anon =
           official of unit A, official of unit B, QCDC committee staff, DVCQ committee staff,
           provincial staff of the province, staff of another province, administrator, anonymous.
           A cell is a status — 200, 302 (a redirect elsewhere), 400, 403, 404, 405 — or `login`
           (a redirect to a login page). Leave a method out (None) only when another row of the
           same URL checks it;
    query  the query string of the GET; data: the POST's body (default: empty, which tests the
           access check without a valid form); note: why, when a cell may surprise.
    A URL may have several rows (a draft and a submitted bright spot answer differently).

What the cells mean (R30): 404 when the object is outside the user's scope, 403 when the user may
read it but not do this, `login` for anonymous visitors, 405 for the wrong method. A POST that an
allowed role sends with an empty body answers what that view answers to incomplete input (200 with
the form's errors, or 302 back with a message); every request runs in a savepoint rolled back
afterwards, so one role's POST does not change what the next sees.

A URL with no row fails `test_every_url_has_a_row`; a cell that differs fails its row's test with
the list of every differing cell. `test_the_matrix_catches_a_view_that_lost_its_check` shows that
an access helper that lets everyone through is caught.
"""

import pytest
import time_machine

from organisation.scope import Scope
from recognition.selectors import dossiers as recognition_dossiers
from registry import selectors
from tests.permission_matrix import (
    MOMENT,
    all_prefixes,
    all_rows,
    build_world,
    check,
    uncovered,
    url_patterns,
)

ROWS = all_rows()


@pytest.fixture
def world(cast):
    """The cast and the rows' objects; the whole test runs at MOMENT."""
    with time_machine.travel(MOMENT, tick=False):
        yield build_world(cast)


def test_every_url_has_a_row():
    missing = uncovered(url_patterns(), ROWS, all_prefixes())
    assert not missing, (
        "URLs without a row in any <app>/tests/permission_matrix.py (format: "
        f"tests/test_permission_matrix.py): {', '.join(map(str, missing))}"
    )


def test_rows_name_real_urls():
    names = {pattern.name for pattern in url_patterns()}
    assert not [row.name for row in ROWS if row.name not in names]


@pytest.mark.parametrize("row", ROWS, ids=[row.label for row in ROWS])
def test_row(row, world):
    mismatches = check([row], world)
    assert not mismatches, "\n".join(mismatches)


def bright_spot_rows():
    return [row for row in ROWS if row.name.startswith("registry:bright-spot")]


def test_the_matrix_catches_a_view_that_lost_its_check(world, monkeypatch):
    """A view whose access helper lets everyone through is caught by many cells."""

    def careless(user, pk, *, write=False):
        return selectors.BrightSpot.objects.select_related("unit").get(pk=pk)

    monkeypatch.setattr(selectors, "get_bright_spot_for_user", careless)
    mismatches = check(bright_spot_rows(), world)
    detail = f"/bright-spots/{world.submitted_qcdc.pk}/"
    assert f"GET {detail} as official_b: expected 404, got 200" in mismatches
    assert f"GET {detail} as other_province_staff: expected 404, got 200" in mismatches


def test_the_matrix_catches_a_scope_that_reads_too_much(world, monkeypatch):
    """The scope deciding "may read this unit" too widely shows in the units' and lists' rows."""
    monkeypatch.setattr(Scope, "can_read_unit", lambda self, unit: True)
    mismatches = check([row for row in ROWS if row.name == "organisation:unit-detail"], world)
    assert any("as official_b: expected 404, got 200" in line for line in mismatches)


def test_the_matrix_catches_a_dossier_check_that_reads_too_much(world, monkeypatch):
    """Recognition's rows catch a lost check too: a draft dossier read outside its unit."""
    monkeypatch.setattr(recognition_dossiers, "can_read_dossier", lambda scope, dossier: True)
    rows = [row for row in ROWS if row.name == "recognition:dossier-detail"]
    mismatches = check(rows, world)
    draft = f"/recognition/dossiers/{world.dossier_draft.pk}/"
    assert f"GET {draft} as qcdc_staff: expected 404, got 200" in mismatches
    assert f"GET {draft} as other_province_staff: expected 404, got 200" in mismatches


def test_a_row_left_out_is_reported():
    rows = [row for row in ROWS if row.name != "organisation:unit-search"]
    missing = uncovered(url_patterns(), rows, all_prefixes())
    assert [str(pattern) for pattern in missing] == ["units/search/ (organisation:unit-search)"]


@pytest.mark.urls("brightspots.tests.urls_for_tests")
def test_a_new_url_without_a_row_is_reported():
    missing = {pattern.route for pattern in uncovered(url_patterns(), ROWS, all_prefixes())}
    assert "test/refuse/" in missing
