"""Benchmark: the reporting pages through a real server (issue 12, item 2).

    DATABASE_URL=postgres://…/bs_bench .venv/bin/python -m bench.pages [--runs 7]

Starts gunicorn (2 workers, production settings: DEBUG off, hashed static files, the same
database and cache as the shell's) on a free local port, logs in a province's provincial staff
(a session in the database, as after a real login), and times each page over HTTP — the
dashboard of the province, the summary by today's units, the two lists behind the figures, a
list filtered by recognition, and the country's page (every province, read by an administrator
of the whole programme) — as a browser asks for it: a new connection per request, the
whole body read. Each figure is the median of `--runs` (at least 5) after two warm-up requests,
with min and max, beside the same page through Django's test client in this process (no
server, no network: what the server adds). The machine's load is printed before and after.

Needs a generated dataset on PostgreSQL (`manage.py generate_dataset --flush`); the province is
Nghệ An when the dataset has it, else the first. Goals (issue 12): under 150 ms median for a
province at 34 provinces, growing less than 2x from 1 to 34 provinces; under 400 ms for the
whole country.
"""

import argparse
import http.client
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from bench.common import django_setup, load, machine, measure, spread

django_setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from organisation.models import Province, RoleAssignment, Unit  # noqa: E402
from registry.models import BrightSpot  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(port: int) -> subprocess.Popen:
    env = {**os.environ, "DEBUG": "false", "HTTPS": "false",
           "ALLOWED_HOSTS": "127.0.0.1,localhost", "LOG_LEVEL": "WARNING"}  # fmt: skip
    server = subprocess.Popen(  # noqa: S603
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "brightspots.wsgi", "--workers", "2",
         "--bind", f"127.0.0.1:{port}", "--log-level", "warning", "--timeout", "120"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    for _ in range(300):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server
        except OSError:
            if server.poll() is not None:
                sys.exit(f"gunicorn stopped (exit {server.returncode})")
            time.sleep(0.2)
    server.terminate()
    sys.exit("gunicorn did not start within a minute")


def get(port: int, url: str, cookie: str) -> int:
    """One request on a new connection, the body read to the end: its status."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        conn.request("GET", url, headers={"Cookie": cookie, "Host": "127.0.0.1"})
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def over_http(port: int, url: str, cookie: str, runs: int) -> dict:
    for _ in range(2):  # both workers warmed
        assert get(port, url, cookie) == 200, url
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        status = get(port, url, cookie)
        samples.append((time.perf_counter() - started) * 1000)
        assert status == 200, (url, status)
    return spread(samples)


def logged_in(user) -> tuple[Client, str]:
    client = Client(HTTP_HOST="127.0.0.1")  # the host gunicorn is asked for
    client.force_login(user)
    return (
        client,
        f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}",
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Run this benchmark on PostgreSQL with a generated dataset (see the docstring).")
    province = (
        Province.objects.filter(code="40").first() or Province.objects.order_by("code").first()
    )
    if province is None:
        sys.exit("No dataset: run manage.py generate_dataset --flush first.")
    year = timezone.localdate().year
    staff = RoleAssignment.objects.filter(province=province, role="provincial_staff").first().user
    # The country's page is read by someone who reads every province (an administrator of the
    # whole programme); the benchmark keeps one such account in the dataset.
    national, _ = get_user_model().objects.get_or_create(
        username="bench.national", defaults={"is_superuser": True, "is_staff": True}
    )
    client, cookie = logged_in(staff)
    country_client, country_cookie = logged_in(national)
    pages = [
        ("dashboard (this year)", f"/reports/?year={year}"),
        ("summary by today's units", f"/reports/?year={year}&view=current"),
        ("summary of last year", f"/reports/?year={year - 1}"),
        ("list: bright spots of the year", f"/reports/bright-spots/?year={year}"),
        ("list: units without both fields", f"/reports/units/?year={year}&compliance=not_both"),
        ("list: recognized last year", f"/reports/bright-spots/?year={year - 1}&dossier=recognized"),
    ]  # fmt: skip
    pages = [(label, url, client, cookie) for label, url in pages]
    pages.append((f"the whole country ({Province.objects.count()} provinces, this year)",
                  f"/reports/country/?year={year}", country_client, country_cookie))  # fmt: skip
    print(f"Machine: {machine()}")
    print(f"Dataset: {Province.objects.count()} provinces, {Unit.objects.count()} units, "
          f"{BrightSpot.objects.count()} bright spots; pages of {province.name}")  # fmt: skip
    print(f"Load before: {load()}")
    port = free_port()
    server = start_server(port)
    rows = []
    try:
        for label, url, reader, cookie in pages:
            http_ = over_http(port, url, cookie, args.runs)
            assert reader.get(url).status_code == 200, url
            local = measure(lambda url=url, c=reader: c.get(url), repeat=args.runs, warmup=2)
            rows.append((label, http_, local))
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"Load after: {load()}\n")
    print(
        f"gunicorn, 2 workers, a new connection per request; {args.runs} runs after 2 warm-ups.\n"
    )
    print("| page | gunicorn median ms | min | max | test client median ms | min | max |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for label, http_, local in rows:
        print(f"| {label} | {http_['median']:.0f} | {http_['min']:.0f} | {http_['max']:.0f} | "
              f"{local['median_ms']:.0f} | {local['min_ms']:.0f} | {local['max_ms']:.0f} |")  # fmt: skip


if __name__ == "__main__":
    main()
