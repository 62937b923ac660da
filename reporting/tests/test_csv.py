"""CSV downloads (R23, R33): UTF-8 with a byte-order mark, the header on the first line, the scope
and moment in the file name, ISO 8601 dates, figures equal to direct counts, no cell that a
spreadsheet would run as a formula."""

import csv
import io
import re

from django.urls import reverse
from django.utils.text import slugify

from core.text import fold
from registry.models import BrightSpot
from reporting import figures
from reporting.tests import reference
from reporting.tests.conftest import YEARS


def download(client, identifier, **params):
    response = client.get(reverse("reporting:csv", args=[identifier]), params)
    assert response.status_code == 200
    assert response.streaming and response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return response, list(csv.reader(io.StringIO(body[1:])))


def split(lines):
    """(header, data rows): the header is the first line, nothing stands above it."""
    return lines[0], lines[1:]


def test_overview_csv_states_itself_and_equals_direct_counts(generated, client_of):
    client = client_of(generated.provincial)
    response, lines = download(
        client, "csv-overview", province=generated.province.pk, year=2026, first_year=2024
    )
    # The scope, years and moment of production are in the file name.
    name = response["Content-Disposition"].split('filename="')[1].rstrip('"')
    place = slugify(fold(generated.root.name))
    assert re.fullmatch(rf"diem-sang-csv-overview-{place}-2024-2026-\d{{8}}-\d{{4}}\.csv", name)
    header, rows = split(lines)
    assert header == ["Chỉ tiêu", *map(str, YEARS)]
    numbers = [row for row in rows if any(row[1:])]
    for year_index, year in enumerate(YEARS, start=1):
        expected = reference.figures(generated.province, year)
        for figure, row in zip(figures.numbers(("qcdc", "dvcq")), numbers, strict=True):
            assert row[year_index] == str(expected[figure.key]), (year, figure.key)


def test_bright_spots_csv_has_every_submitted_one_by_todays_units(generated, client_of):
    client = client_of(generated.provincial)
    _r, lines = download(client, "csv-bright-spots", province=generated.province.pk, year=2024,
                         view="current")  # fmt: skip
    header, rows = split(lines)
    assert header[:5] == ["Năm", "Tỉnh, thành phố", "Địa bàn, cơ quan", "Đơn vị", "Đơn vị hiện nay"]
    expected = BrightSpot.objects.filter(province=generated.province, year=2024).exclude(
        status="draft"
    )
    assert len(rows) == expected.count()
    merged = [r for r in rows if r[3] == generated.merged.name]
    # By today's units, the locality of a merged commune is the commune it was merged into.
    assert merged and all(r[2] == r[4] == generated.new_commune.name for r in merged)
    assert re.fullmatch(r"2024-\d\d-\d\d \d\d:\d\d", rows[0][11])  # submitted, ISO 8601


def test_cells_that_would_be_formulas_are_neutralised(generated, client_of):
    spot = BrightSpot.objects.filter(
        province=generated.province, year=2025, status="accepted"
    ).first()
    BrightSpot.objects.filter(pk=spot.pk).update(name='=HYPERLINK("http://x","bấm")')
    _r, lines = download(client_of(generated.provincial), "csv-bright-spots",
                         province=generated.province.pk, year=2025)  # fmt: skip
    names = [row[5] for row in split(lines)[1]]
    assert '\'=HYPERLINK("http://x","bấm")' in names
    assert not any(name.startswith("=") for name in names)


def test_non_compliant_csv_names_the_units(generated, client_of):
    _r, lines = download(client_of(generated.provincial), "csv-non-compliant",
                         province=generated.province.pk, year=2026)  # fmt: skip
    rows = split(lines)[1]
    expected = reference.unit_figures(generated.province, 2026)
    assert len(rows) == expected["one"] + expected["none"] > 0


def test_an_unknown_table_is_a_404(generated, client_of):
    client = client_of(generated.provincial)
    assert client.get(reverse("reporting:csv", args=["csv-passwords"])).status_code == 404
    assert client.get(reverse("reporting:csv", args=["workbook"])).status_code == 404


def test_a_malformed_or_far_first_year_never_breaks_the_download(generated, client_of):
    client = client_of(generated.provincial)
    for first_year in ["²", "abc", "1", "-5", "99999"]:
        _, lines = download(
            client, "csv-overview", province=generated.province.pk, year=2026, first_year=first_year
        )
        header, _rows = split(lines)
        years = [column for column in header if column.isdigit()]
        assert years and int(years[0]) >= YEARS[0], (first_year, header)  # never before the data
