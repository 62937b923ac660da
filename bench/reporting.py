"""Benchmark: reporting (issue 5) on the national dataset.

    DATABASE_URL=postgres://…/bs_bench_reporting .venv/bin/python -m bench.reporting

Needs `manage.py generate_dataset --flush` on that database first (34 provinces, ~13,000 units,
~150,000 bright spots over five years). Measures, each against the same work's SQL replayed
through a bare database cursor in the same process (every statement the export or page ran):

1. one province-year workbook (Nghệ An, this year)          goal: under 3 s
2. the national five-year workbook (median of 5 fresh processes) goal: under 10 s, peak memory
   under 300 MB and constant in the number of rows: measured in fresh processes at two sizes (half the
   provinces, then all of them) as the resident set's peak and its growth over the process's size
   before the export
3. the dashboard page of a province (Nghệ An, this year)     goal: median under 150 ms

and, without a goal, the synthesis report PDF of the same province and year.
"""

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time

from bench.common import django_setup, machine, measure

django_setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone, translation  # noqa: E402

from organisation.models import Province, RoleAssignment, Unit  # noqa: E402
from registry.models import BrightSpot  # noqa: E402
from reporting.areas import Area  # noqa: E402
from reporting.exports import ExportRequest  # noqa: E402
from reporting.exports.synthesis import SynthesisReport  # noqa: E402
from reporting.exports.workbook import Workbook  # noqa: E402


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        kb = next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
    return kb / 1024


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def areas(count: int | None = None) -> list[Area]:
    provinces = list(Province.objects.order_by("code"))[:count]
    return [Area(province=p, root=p.root_unit) for p in provinces]


def years() -> list[int]:
    last = timezone.localdate().year
    return list(range(last - 4, last + 1))


def workbook(request: ExportRequest) -> int:
    with translation.override("vi"), tempfile.TemporaryFile() as output:
        Workbook().render(request, output, lambda fraction: None)
        return output.tell()


def synthesis(request: ExportRequest) -> int:
    with tempfile.TemporaryFile() as output:
        SynthesisReport().render(request, output, lambda fraction: None)
        return output.tell()


def replay(statements: list[str]):
    """The work's own SQL through a bare cursor: the database's share of it."""

    def run():
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
                if cursor.description:
                    cursor.fetchall()

    return run


def captured(fn) -> list[str]:
    """The SQL `fn` ran; a server-side cursor's query is kept as the plain SELECT it reads."""
    with CaptureQueriesContext(connection) as context:
        fn()
    statements = []
    for query in context.captured_queries:
        sql = query["sql"]
        if sql.startswith(("FETCH", "CLOSE")):
            continue
        if sql.startswith("DECLARE"):
            sql = sql[sql.index(" FOR ") + 5 :]
        statements.append(sql)
    return statements


def child(count: int) -> None:
    """One national workbook in a fresh process: its time, rows and memory, as JSON."""
    request = ExportRequest(areas=areas(count), years=years(), view="historical")
    for area in request.areas:
        area.units  # noqa: B018 - as the export does; loaded before measuring the baseline size
    before = rss_mb()
    started = time.perf_counter()
    size = workbook(request)
    elapsed = time.perf_counter() - started
    rows = (
        BrightSpot.objects.filter(
            province__in=[s.province for s in request.areas], year__in=request.years
        )
        .exclude(status="draft")
        .count()
    )
    print(json.dumps({"provinces": count, "rows": rows, "seconds": elapsed, "before_mb": before,
                      "peak_mb": peak_mb(), "file_mb": size / 2**20}))  # fmt: skip


def national(count: int) -> dict:
    result = subprocess.run(
        [sys.executable, "-m", "bench.reporting", "--child", str(count)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return json.loads(result.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Run this benchmark on PostgreSQL with the national dataset (see the docstring).")
    if args.child:
        return child(args.child)

    province = Province.objects.get(code="40")
    this_year = timezone.localdate().year
    print(f"Machine: {machine()}")
    print(f"Date: {timezone.localdate().isoformat()}")
    print(f"Dataset: {Province.objects.count()} provinces, {Unit.objects.count()} units, "
          f"{BrightSpot.objects.count()} bright spots, years {years()[0]}–{years()[-1]}\n")  # fmt: skip

    print("| measure | median | min–max | raw SQL (same rows) | ratio | queries | goal |")
    print("|---|---:|---:|---:|---:|---:|---|")
    one = ExportRequest(
        areas=[Area(province=province, root=province.root_unit)], years=[this_year],
        view="historical",
    )  # fmt: skip
    statements = captured(lambda: workbook(one))
    app = measure(lambda: workbook(one), repeat=max(5, args.repeat // 3), warmup=1)
    sql = measure(replay(statements), repeat=max(5, args.repeat // 3), warmup=1)
    print(f"| province-year workbook ({province.name} {this_year}) | {app['median_ms'] / 1000:.2f} s "
          f"| {app['min_ms'] / 1000:.2f}–{app['max_ms'] / 1000:.2f} s | {sql['median_ms'] / 1000:.2f} s | "
          f"{app['median_ms'] / sql['median_ms']:.1f}x | {len(statements)} | under 3 s |")  # fmt: skip

    trend = ExportRequest(areas=one.areas, years=years(), view="historical")
    pdf = measure(lambda: synthesis(trend), repeat=5, warmup=1)
    print(f"| synthesis report PDF ({province.name} {this_year}, trend from {years()[0]}) | "
          f"{pdf['median_ms'] / 1000:.2f} s | {pdf['min_ms'] / 1000:.2f}–{pdf['max_ms'] / 1000:.2f} s "
          f"| | | | none |")  # fmt: skip

    staff = RoleAssignment.objects.get(province=province, role="provincial_staff").user
    client = Client()
    client.force_login(staff)
    url = f"/reports/?year={this_year}"
    assert client.get(url).status_code == 200
    statements = captured(lambda: client.get(url))
    page = measure(lambda: client.get(url), repeat=args.repeat)
    sql = measure(replay(statements), repeat=args.repeat)
    print(f"| dashboard page ({province.name} {this_year}) | {page['median_ms']:.0f} ms | "
          f"{page['min_ms']:.0f}–{page['max_ms']:.0f} ms | {sql['median_ms']:.1f} ms | "
          f"{page['median_ms'] / sql['median_ms']:.1f}x | {len(statements)} | under 150 ms |")  # fmt: skip

    everything = ExportRequest(areas=areas(), years=years(), view="historical")
    statements = captured(lambda: workbook(everything))
    sql = measure(replay(statements), repeat=5, warmup=0)
    sql_seconds = sql["median_ms"] / 1000
    half = national(len(everything.areas) // 2)
    runs = sorted((national(len(everything.areas)) for _ in range(5)), key=lambda r: r["seconds"])
    full = runs[2]  # the median run of five, each in a fresh process
    print(f"| national five-year workbook (5 fresh processes) | {full['seconds']:.1f} s | "
          f"{runs[0]['seconds']:.1f}–{runs[-1]['seconds']:.1f} s | {sql_seconds:.1f} s "
          f"({sql['min_ms'] / 1000:.1f}–{sql['max_ms'] / 1000:.1f}) | "
          f"{full['seconds'] / sql_seconds:.1f}x | {len(statements)} | under 10 s |\n")  # fmt: skip

    print(
        "| national workbook, fresh process | bright spots | time | file | size before | peak "
        "(goal: under 300 MB) | growth |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for run in (half, full):
        print(f"| {run['provinces']} provinces × 5 years | {run['rows']} | {run['seconds']:.1f} s | "
              f"{run['file_mb']:.1f} MB | {run['before_mb']:.0f} MB | {run['peak_mb']:.0f} MB | "
              f"{run['peak_mb'] - run['before_mb']:+.0f} MB |")  # fmt: skip


if __name__ == "__main__":
    main()
