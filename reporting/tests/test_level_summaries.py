"""Summaries per level (R23, R40): a commune's committee staff read the summary of their
subtree, with the same downloads, and never another commune's; the province's summary counts
bright spots by level of recognition — registered, accepted, recognized."""

import re
from datetime import date

import pytest
from django.urls import reverse

from organisation.tests.levels import build_levels
from recognition.tests.factories import (
    accepted_pair,
    authority_for,
    decision_for,
    proposed,
    submitted_dossier,
)
from reporting.models import Export
from reporting.tests.pages import figures, number


@pytest.fixture
def levels(cast):
    """The ward's school: two bright spots at commune level, accepted by the ward's combined
    committee, its QCDC one recognized by Decision 12/QĐ-UBND of the ward; unit B: two at
    province level, accepted."""
    found = build_levels(cast)
    staff = {"qcdc": found.combined_staff, "dvcq": found.combined_staff}
    official = found.school.role_assignments.first().user
    spots = accepted_pair(found.school, official, staff, level="commune")
    dossier = proposed(submitted_dossier(spots["qcdc"], official), found.combined_staff)
    authority = authority_for(found.ward, name="ỦY BAN NHÂN DÂN PHƯỜNG THÀNH VINH")
    decision_for(
        found.combined, [dossier], found.combined_staff, number=12, day=date(2026, 11, 20),
        authority=authority,
    )  # fmt: skip
    accepted_pair(cast.unit_b, cast.official_b, {"qcdc": cast.qcdc_staff, "dvcq": cast.dvcq_staff})
    return found


def summary(client, **params):
    return client.get(reverse("reporting:summary"), {"year": 2026, **params})


def registered(response) -> int:
    return number(figures(response.content.decode())["registered"][-1][0])


def level_row(html: str, level: str) -> list[int]:
    row = re.search(rf'<tr data-level="{level}">(.*?)</tr>', html, re.S).group(1)
    cells = re.findall(r'<td class="text-end">(.*?)</td>', row, re.S)
    return [int(re.sub(r"<[^>]+>", "", cell).strip() or 0) for cell in cells]


def test_the_wards_committee_reads_its_subtree(levels, client_of):
    client = client_of(levels.combined_staff)
    response = summary(client)
    assert response.status_code == 200
    assert registered(response) == 2
    assert registered(summary(client, committee=levels.combined.pk)) == 2
    assert summary(client, committee=levels.commune_qcdc.pk).status_code == 404
    # A subtree of its own is readable, another commune's is not found.
    assert summary(client, committee=levels.combined.pk, unit=levels.school.pk).status_code == 200
    outside = summary(client, committee=levels.combined.pk, unit=levels.village.pk)
    assert outside.status_code == 404


def test_another_communes_committee_counts_none_of_it(levels, client_of):
    assert registered(summary(client_of(levels.commune_qcdc_staff))) == 0


def test_the_ward_downloads_its_summary_like_the_province(levels, client_of):
    client = client_of(levels.combined_staff)
    csv = client.get(
        reverse("reporting:csv", args=["csv-overview"]),
        {"year": 2026, "committee": levels.combined.pk},
    )
    assert csv.status_code == 200 and csv["Content-Type"].startswith("text/csv")
    response = client.post(
        reverse("reporting:export-create"),
        {"exporter": "workbook", "year": 2026, "committee": levels.combined.pk},
    )
    assert response.status_code == 302
    export = Export.objects.get(requested_by=levels.combined_staff)
    assert export.options["committee"] == levels.combined.pk


def test_the_province_counts_by_level_of_recognition(cast, levels, client_of):
    html = summary(client_of(cast.provincial)).content.decode()
    assert "Theo cấp công nhận" in html
    # QCDC, DVCQ, total, accepted, recognized
    assert level_row(html, "commune") == [1, 1, 2, 2, 1]
    assert level_row(html, "province") == [1, 1, 2, 2, 0]
