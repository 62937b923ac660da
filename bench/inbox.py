"""Benchmark: the committee inbox on the national dataset (issue 3).

    DATABASE_URL=postgres://…/bs_bench .venv/bin/python -m bench.inbox

Needs `manage.py generate_dataset --flush` on that database first. Measures, in one process, the
inbox's first page and a filtered page (field + former district + keyword): server time through
Django's test client (no network), the number of SQL queries, and as the baseline the same
page's SQL — every statement the page ran, session and permissions included — replayed through
a bare database cursor.
Goal: median under 60 ms, under 3x the raw SQL, at most 10 queries.
"""

import re
import sys

from bench.common import django_setup, machine, measure

django_setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from core.text import fold  # noqa: E402
from organisation.models import Committee, RoleAssignment, Unit  # noqa: E402
from registry.models import BrightSpot  # noqa: E402


def replay(statements: list[str]):
    """The page's own SQL, replayed through a bare cursor: the database's share of the page."""

    def run():
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
                if cursor.description:
                    cursor.fetchall()

    return run


def main():
    if connection.vendor != "postgresql":
        sys.exit("Run this benchmark on PostgreSQL with the national dataset (see the docstring).")
    committee = Committee.objects.select_related("province").get(
        province__code="40", handles_qcdc=True, kind="steering"
    )
    staff = RoleAssignment.objects.filter(committee=committee).select_related("user").first().user
    district = (
        Unit.objects.filter(province=committee.province, kind=Unit.Kind.DISTRICT)
        .order_by("pk")
        .first()
    )
    year = BrightSpot.objects.filter(recipient=committee).latest("year").year
    word = fold(
        BrightSpot.objects.filter(recipient=committee, year=year - 1)
        .values_list("name", flat=True)
        .first()
    ).split()[0]

    client = Client()
    client.force_login(staff)
    url = f"/committees/{committee.pk}/inbox/"
    cases = {
        "first page": {},
        "field + district + keyword": {
            "year": year - 1,
            "field": "qcdc",
            "unit": district.pk,
            "q": word,
        },
    }
    total = BrightSpot.objects.count()
    print(f"Machine: {machine()}")
    print(
        f"Dataset: {Unit.objects.count()} units, {total} bright spots; committee {committee.name} ({committee.province})"
    )
    rows = []
    for name, params in cases.items():
        response = client.get(url, params)
        assert response.status_code == 200, response.status_code
        with CaptureQueriesContext(connection) as captured:
            client.get(url, params)
        queries = [q["sql"] for q in captured.captured_queries]
        page = measure(lambda params=params: client.get(url, params), repeat=40)
        sql = measure(replay(queries), repeat=40)
        ratio = page["median_ms"] / sql["median_ms"]
        shown = int(
            re.search(r'data-testid="count">([\d.,]+)', response.content.decode())
            .group(1)
            .replace(".", "")
            .replace(",", "")
        )
        rows.append(
            (
                name,
                shown,
                page["median_ms"],
                page["min_ms"],
                page["max_ms"],
                sql["median_ms"],
                ratio,
                len(queries),
            )
        )
    print(
        f"{'case':<28} {'rows':>6} {'median':>8} {'min–max':>15} {'raw SQL':>8} {'ratio':>6} {'queries':>8}"
    )
    for name, shown, median, low, high, sql, ratio, queries in rows:
        spread = f"{low:.1f}–{high:.1f}ms"
        print(
            f"{name:<28} {shown:>6} {median:>6.1f}ms {spread:>15} {sql:>6.1f}ms {ratio:>5.1f}x {queries:>8}"
        )


if __name__ == "__main__":
    main()
