"""The country's page (R23): one line per province the reader reads as a whole — its headline
figures of the year, each opening that province's list — and the country's total. Read for
every province at once (`summarize_country`), so its cost does not grow with a query per
province."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone

from reporting import figures
from reporting.dashboard import Cell, Links
from reporting.summary import summarize_country
from reporting.tally import Tally
from reporting.units import HISTORICAL

COLUMNS = ["registered", "qcdc", "dvcq", "accepted", "unit_total", "both", "one", "none",
           "list_missing", "dossiers", "recognized"]  # fmt: skip


def country_context(areas, year: int) -> dict:
    columns = [figures.by_key(k) for k in COLUMNS]
    found = summarize_country(areas, [year])
    rows, total, summary = [], Tally(), reverse("reporting:summary")
    for area in areas:
        tally = found[area.province.pk][year].total
        total += tally
        links = Links(area, year, HISTORICAL)
        rows.append({
            "area": area,
            "dashboard": f"{summary}?{urlencode(links.base)}",
            "cells": [(c, links.cell(c, tally)) for c in columns],
        })  # fmt: skip
    return {
        "year": year,
        "columns": columns,
        "rows": rows,
        "total": [(c, Cell(c.value(total))) for c in columns],
        "produced_at": timezone.now(),
    }
