"""The public library (R24) on the national dataset: search pages and the open-data downloads.

    DATABASE_URL=postgres://…/bs_bench_recognition .venv/bin/python -m bench.library

Needs `manage.py generate_dataset --flush` (then `ANALYZE`) on that database. Measures, through
Django's test client as an anonymous visitor, the first page, a deep page, a keyword search and
a locality search over every recognized bright spot of 34 provinces, each against the same
page's SQL replayed through a bare cursor; and the whole CSV and JSON downloads.
"""

import sys

from bench.common import django_setup, machine, measure

django_setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from recognition.models import Dossier  # noqa: E402


def replay(statements):
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
    client = Client()
    recognized = Dossier.objects.filter(status="recognized").count()
    print(f"Machine: {machine()}")
    print(f"Recognized bright spots in the library: {recognized}\n")
    print("| page | queries | median ms | min–max ms | SQL alone, median ms |")
    print("|---|---:|---:|---:|---:|")
    for label, query in [
        ("first page", {}),
        ("page 50", {"page": "50"}),
        ("keyword “doi thoai” (no diacritics)", {"q": "doi thoai"}),
        ("locality “an”, all years", {"locality": "an"}),
        ("one province and year", {"province": "40", "year": "2025"}),
    ]:
        client.get("/library/", query)
        with CaptureQueriesContext(connection) as captured:
            client.get("/library/", query)
        statements = [
            q["sql"]
            for q in captured.captured_queries
            if not q["sql"].startswith(("SAVEPOINT", "RELEASE"))
        ]
        page = measure(lambda query=query: client.get("/library/", query), repeat=15)
        sql = measure(replay(statements), repeat=15)
        print(
            f"| {label} | {len(statements)} | {page['median_ms']} | {page['min_ms']}–{page['max_ms']} | {sql['median_ms']} |"
        )
    print()
    print("| download, every recognized bright spot | median s | min–max s |")
    print("|---|---:|---:|")
    for label, url in [("CSV", "/library/open-data.csv"), ("JSON", "/library/open-data.json")]:
        result = measure(
            lambda url=url: b"".join(client.get(url).streaming_content), repeat=5, warmup=1
        )
        print(f"| {label} | {result['median_ms'] / 1000:.1f} | "
              f"{result['min_ms'] / 1000:.1f}–{result['max_ms'] / 1000:.1f} |")  # fmt: skip


if __name__ == "__main__":
    main()
