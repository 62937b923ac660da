"""Deadline rush: 300 officials, the last minutes before the registration deadline (issue 7).

Each simulated official opens the login page, logs in, opens the unit's registration page,
registers a QCDC and a DVCQ bright spot (each with a 200 kB plan document) and submits the list,
with a short pause between pages as a person filling forms in a hurry. Arrivals are spread over
the window and grow denser towards the deadline (arrival time = window × √u, u uniform), as on a
real last day. The app runs as in production: gunicorn (DEBUG off), PostgreSQL, Redis and one
Celery worker delivering the committees' notifications, all on this machine.

Afterwards it counts the submissions acknowledged to officials (the page after submitting says
"2 bright spots sent") against the lists stored in the database, the server errors, the latency of
each step (p50, p95, max) and how busy the CPUs were.

    .venv/bin/python -m bench.deadline_rush                  # prepare bs_load, serve, rush, report
    .venv/bin/python -m bench.deadline_rush --officials 50 --window 60      # a quick rehearsal
    .venv/bin/python -m bench.deadline_rush --profile        # queries and time of each step, in-process

Preparing drops and recreates the database named by --database-url (default bs_load): never point
it at a database you care about.
"""

import argparse
import asyncio
import io
import json
import math
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "Diemsang-2026"  # noqa: S105 - benchmark accounts in a throw-away database
YEAR = 2026


def _plan_document() -> bytes:
    """A real one-page PDF of ~200 kB: uploads are opened with pypdf (R32), a stub is refused."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.add_metadata({"/Filler": "plan document filler " * 9500})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


PLAN = _plan_document()
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
ACKNOWLEDGED = "Danh sách đã được gửi: 2 điểm sáng"
STEPS = ["login page", "log in", "registration page", "new QCDC form", "save QCDC",
         "new DVCQ form", "save DVCQ", "submit", "page after submit"]  # fmt: skip


# --- the database ------------------------------------------------------------------------------
def recreate_database(url: str) -> None:
    import psycopg2

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = psycopg2.connect(
        host=parts.hostname, port=parts.port or 5432, user=parts.username or "postgres",
        password=parts.password or "", dbname="postgres",
    )  # fmt: skip
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [name]
        )
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    admin.close()


def prepare(officials: int) -> dict[str, int]:
    """A province with the committees of R8 and `officials` communes, each with one official;
    the year's deadline is today, so now is the last day. Answers username → unit id."""
    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command
    from django.utils import timezone

    from organisation.models import (
        Committee,
        Field,
        Province,
        RoleAssignment,
        RoutingRule,
        Unit,
        User,
    )
    from registry.models import RegistrationPeriod  # fmt: skip

    call_command("migrate", verbosity=0)
    province = Province.objects.create(code="40", name="Nghệ An", place_name="Nghệ An")
    root = Unit.objects.create(province=province, kind=Unit.Kind.PROVINCE, name="Tỉnh Nghệ An")

    def committee(name, kind=Committee.Kind.STEERING, qcdc=True, dvcq=True):
        return Committee.objects.create(
            province=province, level_unit=root, name=name, kind=kind,
            handles_qcdc=qcdc, handles_dvcq=dvcq,
        )  # fmt: skip

    qcdc = committee("Ban Chỉ đạo QCDC tỉnh", dvcq=False)
    dvcq = committee("Ban Chỉ đạo DVCQ tỉnh", qcdc=False)
    party = committee("Ban Dân vận Tỉnh ủy", kind=Committee.Kind.AGENCY)
    home = committee("Sở Nội vụ", kind=Committee.Kind.AGENCY, qcdc=False)
    RoutingRule.objects.create(
        province=province, level_unit=root, field=Field.QCDC, recipient=qcdc, via=party
    )
    RoutingRule.objects.create(
        province=province, level_unit=root, field=Field.DVCQ, recipient=dvcq, via=home,
        copy_to=party,
    )  # fmt: skip
    RegistrationPeriod.objects.create(
        province=province, year=YEAR, deadline=timezone.localdate(),
        report_deadline=timezone.localdate().replace(month=11, day=30),
    )  # fmt: skip
    password = make_password(PASSWORD)  # one hash for all: preparing stays quick
    for number, staffed in enumerate([qcdc, qcdc, dvcq, dvcq]):
        user = User.objects.create(
            username=f"bcd{number}", full_name=f"Cán bộ Ban Chỉ đạo {number}",
            email=f"bcd{number}@example.vn", password=password,
        )  # fmt: skip
        RoleAssignment.objects.create(
            user=user, role=RoleAssignment.Role.COMMITTEE_STAFF, committee=staffed,
            province=province,
        )  # fmt: skip
    logins = {}
    for number in range(1, officials + 1):
        name = f"Xã Diễn Tập {number:03d}"
        unit = Unit(province=province, parent=root, kind=Unit.Kind.COMMUNE, name=name)
        unit.save()
        user = User.objects.create(
            username=f"canbo{number:03d}", full_name=f"Cán bộ xã {number:03d}",
            email=f"canbo{number:03d}@example.vn", password=password,
        )  # fmt: skip
        RoleAssignment.objects.create(
            user=user, role=RoleAssignment.Role.UNIT_OFFICIAL, unit=unit, province=province
        )
        logins[user.username] = unit.pk
    return logins


def stored() -> dict[str, object]:
    from registry.models import BrightSpot, Registration

    submitted = Registration.objects.filter(year=YEAR, status="submitted")
    return {
        "units": set(submitted.values_list("unit_id", flat=True)),
        "bright_spots": BrightSpot.objects.filter(year=YEAR, status="submitted").count(),
    }


# --- the servers ---------------------------------------------------------------------------------
def server_environment(args, outbox: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DEBUG": "false", "HTTPS": "false", "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECRET_KEY": "deadline-rush-benchmark-secret-key-0123456789-abcdefghijklmnop",
        "DATABASE_URL": args.database_url, "REDIS_URL": args.redis_url,
        "CELERY_QUEUE": "deadline-rush", "LOG_LEVEL": "WARNING",
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(outbox), "MEDIA_ROOT": str(outbox.parent / "media"),
        # an office shares one address: the load comes from 127.0.0.1 for every official
        "LOGIN_FAILURE_LIMIT": "5",
    }  # fmt: skip


def start_servers(args, outbox: Path):
    env = server_environment(args, outbox)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"],
        cwd=ROOT, env=env, check=True,
    )  # fmt: skip
    gunicorn = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "brightspots.wsgi", "--bind", f"127.0.0.1:{args.port}",
         "--workers", str(args.workers), "--worker-class", args.worker_class,
         "--threads", str(args.threads), "--timeout", "60", "--log-level", "warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "brightspots", "worker", "--pool=solo",
         "-Q", "deadline-rush", "--loglevel=WARNING", "--without-gossip", "--without-mingle"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    return gunicorn, worker


def stop(process) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()


# --- CPU -----------------------------------------------------------------------------------------
def cpu_times() -> tuple[float, float]:
    """(busy, total) jiffies of the whole machine."""
    fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = fields[3] + fields[4]
    return sum(fields) - idle, sum(fields)


def process_ticks(pid: int) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return None
    return int(stat[11]) + int(stat[12])


class ProcessCPU:
    """CPU seconds used by groups of processes during the run, following processes that start
    (a new database connection) or end while it runs; read every second."""

    def __init__(self, groups: dict):
        self.groups = groups
        self.first, self.last = {}, {}
        self.read(initial=True)

    def read(self, initial=False) -> None:
        for name, pids in self.groups.items():
            for pid in pids():
                ticks = process_ticks(pid)
                if ticks is None:
                    continue
                self.first.setdefault((name, pid), ticks if initial else 0)
                self.last[(name, pid)] = ticks

    def seconds(self) -> dict[str, float]:
        used = defaultdict(float)
        for key, last in self.last.items():
            used[key[0]] += (last - self.first[key]) / os.sysconf("SC_CLK_TCK")
        return dict(used)


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (FileNotFoundError, ProcessLookupError, IndexError):
                continue
            if ppid == pid:
                found.append(int(entry.name))
    return found


def postgres_pids() -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().strip() in {"postgres", "postmaster"}:
                    found.append(int(entry.name))
            except (FileNotFoundError, ProcessLookupError):
                continue
    return found


async def sample_cpu(samples: list, processes: ProcessCPU, stop_event: asyncio.Event) -> None:
    previous = cpu_times()
    while not stop_event.is_set():
        await asyncio.sleep(1)
        processes.read()
        now = cpu_times()
        busy, total = now[0] - previous[0], now[1] - previous[1]
        samples.append(100 * busy / total if total else 0)
        previous = now


# --- one official --------------------------------------------------------------------------------
class Record:
    def __init__(self):
        self.latency = defaultdict(list)
        self.statuses = defaultdict(lambda: defaultdict(int))
        self.acknowledged = set()
        self.failures = []


async def timed(record, step, request):
    started = time.perf_counter()
    response = await request
    record.latency[step].append((time.perf_counter() - started) * 1000)
    record.statuses[step][response.status_code] += 1
    return response


def token(response) -> str:
    match = CSRF.search(response.text)
    if not match:
        raise RuntimeError(f"no form token at {response.url} ({response.status_code})")
    return match.group(1)


def bright_spot(field: str, number: int, csrf: str) -> dict:
    return {
        "csrfmiddlewaretoken": csrf, "field": field, "level": "province",
        "name": f"Mô hình {field.upper()} của xã Diễn Tập {number:03d}",
        "address": f"Nhà văn hóa xóm {number % 9 + 1}",
        "objectives": "Phát huy quyền làm chủ của Nhân dân; giải quyết kiến nghị đúng hạn.",
        "plan": "Quý I: khảo sát. Quý II: triển khai thí điểm. Quý III: nhân rộng. Quý IV: sơ kết.",
        "targeted": ["general-1", f"{field}-2"],
        "staff-TOTAL_FORMS": "2", "staff-INITIAL_FORMS": "0",
        "staff-0-name": "Nguyễn Văn Cường", "staff-0-position": "Phó Chủ tịch UBND xã",
        "staff-0-phone": "0912 345 678", "staff-0-email": "cuong@example.vn",
        "milestones-TOTAL_FORMS": "3", "milestones-INITIAL_FORMS": "0",
        "milestones-0-title": "Khảo sát, xây dựng kế hoạch", "milestones-0-due": f"30/06/{YEAR}",
        "milestones-1-title": "Sơ kết", "milestones-1-due": f"30/11/{YEAR}",
    }  # fmt: skip


async def official(base, username, unit_pk, start_at, record, think):
    import httpx

    await asyncio.sleep(start_at)
    async with httpx.AsyncClient(base_url=base, timeout=120, follow_redirects=False) as http:
        try:
            await asyncio.sleep(think())
            page = await timed(record, "login page", http.get("/accounts/login/"))
            await asyncio.sleep(think())
            logged = await timed(record, "log in", http.post("/accounts/login/", data={
                "username": username, "password": PASSWORD, "csrfmiddlewaretoken": token(page),
            }))  # fmt: skip
            if logged.status_code != 302:
                raise RuntimeError(f"login answered {logged.status_code}")
            year_page = f"/units/{unit_pk}/registration/?year={YEAR}"
            page = await timed(record, "registration page", http.get(year_page))
            for field, label in (("qcdc", "QCDC"), ("dvcq", "DVCQ")):
                await asyncio.sleep(think())
                form = await timed(record, f"new {label} form", http.get(
                    f"/units/{unit_pk}/bright-spots/new/", params={"year": YEAR, "field": field}
                ))  # fmt: skip
                await asyncio.sleep(think())
                number = int(username[-3:])
                saved = await timed(record, f"save {label}", http.post(
                    f"/units/{unit_pk}/bright-spots/new/?year={YEAR}",
                    data=bright_spot(field, number, token(form)),
                    files={"plan_file": (f"Kế hoạch {label} {number:03d}.pdf", PLAN, "application/pdf")},
                ))  # fmt: skip
                if saved.status_code != 302:
                    raise RuntimeError(f"save {label} answered {saved.status_code}")
            page = await timed(record, "registration page", http.get(year_page))
            await asyncio.sleep(think())
            submitted = await timed(record, "submit", http.post(
                f"/units/{unit_pk}/registration/{YEAR}/submit/",
                data={"csrfmiddlewaretoken": token(page)},
            ))  # fmt: skip
            after = await timed(
                record, "page after submit", http.get(submitted.headers.get("location", year_page))
            )
            if ACKNOWLEDGED in after.text:
                record.acknowledged.add(unit_pk)
            else:
                raise RuntimeError("the page after submitting does not confirm the submission")
        except Exception as error:  # counted and reported: the run goes on
            record.failures.append(f"{username}: {type(error).__name__}: {error}")


# --- the run -------------------------------------------------------------------------------------
def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(share * len(ordered)) - 1))]


async def rush(args, logins, pids) -> dict:
    base = f"http://127.0.0.1:{args.port}"
    record = Record()
    rng = random.Random(args.seed)
    users = sorted(logins.items())
    starts = sorted(args.window * math.sqrt(rng.random()) for _ in users)
    rng.shuffle(users)

    def think():
        return rng.uniform(args.think / 2, args.think * 1.5)

    samples, done = [], asyncio.Event()
    processes = ProcessCPU(pids)
    machine_before = cpu_times()
    sampler = asyncio.create_task(sample_cpu(samples, processes, done))
    own_before = sum(os.times()[:2])
    started = time.monotonic()
    await asyncio.gather(*[
        official(base, username, unit_pk, start, record, think)
        for (username, unit_pk), start in zip(users, starts, strict=True)
    ])  # fmt: skip
    elapsed = time.monotonic() - started
    done.set()
    await sampler
    processes.read()
    cpu = processes.seconds()
    cpu["load generator"] = sum(os.times()[:2]) - own_before
    busy = (cpu_times()[0] - machine_before[0]) / os.sysconf("SC_CLK_TCK")
    cpu["everything else on the machine"] = max(0.0, busy - sum(cpu.values()))
    return {"record": record, "elapsed": elapsed, "samples": samples, "cpu": cpu}


def report(args, result, counted, drained) -> str:
    record = result["record"]
    lines = [
        f"{len(counted['units'])} lists stored for {args.officials} officials; "
        f"{len(record.acknowledged)} acknowledged; run {result['elapsed']:.0f} s",
        "",
        "| step | requests | p50 ms | p95 ms | max ms | statuses |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for step in STEPS:
        values = record.latency.get(step, [])
        if not values:
            continue
        statuses = ", ".join(f"{code}: {n}" for code, n in sorted(record.statuses[step].items()))
        lines.append(
            f"| {step} | {len(values)} | {statistics.median(values):.0f} | "
            f"{percentile(values, 0.95):.0f} | {max(values):.0f} | {statuses} |"
        )
    errors = sum(n for step in record.statuses.values() for code, n in step.items() if code >= 500)
    lost = record.acknowledged - counted["units"]
    unconfirmed = counted["units"] - record.acknowledged
    samples = result["samples"]
    lines += [
        "",
        f"- acknowledged {len(record.acknowledged)}, stored {len(counted['units'])} lists "
        f"({counted['bright_spots']} bright spots); lost {len(lost)}; stored but not confirmed "
        f"to the official {len(unconfirmed)}",
        f"- server errors (5xx): {errors}; failed journeys: {len(record.failures)}",
        f"- machine CPU busy: mean {statistics.fmean(samples):.0f}%, "
        f"p95 {percentile(samples, 0.95):.0f}%, seconds at ≥95%: {sum(s >= 95 for s in samples)} "
        f"of {len(samples)}",
        "- CPU seconds used: "
        + ", ".join(f"{name} {seconds:.0f}" for name, seconds in result["cpu"].items()),
        f"- notifications: {drained['jobs']} jobs, all delivered {drained['seconds']:.0f} s "
        f"after the last submission" if drained["done"] else
        f"- notifications: {drained['pending']} of {drained['jobs']} still pending",
    ]  # fmt: skip
    for failure in record.failures[:10]:
        lines.append(f"  - {failure}")
    return "\n".join(lines)


def wait_for_notifications(timeout=300) -> dict:
    from core.models import Job

    started = time.monotonic()
    jobs = Job.objects.filter(task="reminders.deliver")  # the committees' notices (R36)
    while time.monotonic() - started < timeout:
        pending = jobs.filter(done_at=None).count()
        if pending == 0:
            return {"done": True, "jobs": jobs.count(), "seconds": time.monotonic() - started}
        time.sleep(1)
    return {"done": False, "jobs": jobs.count(), "pending": jobs.filter(done_at=None).count()}


# --- in-process profile ------------------------------------------------------------------------------
def profile(args) -> None:
    """Officials' journeys through Django's test client, in this process: queries and time per
    step (the first journey warms the caches; the last is printed), and where the CPU goes."""
    import cProfile
    import pstats

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    logins = sorted(prepare(4).items())
    profiler = cProfile.Profile()
    for index, (username, unit_pk) in enumerate(logins):
        client, last = Client(), index == len(logins) - 1

        def step(name, call, client=client, last=last):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                if last:
                    profiler.enable()
                response = call()
                if last:
                    profiler.disable()
                took = (time.perf_counter() - started) * 1000
            if last:
                print(
                    f"{name:20} {response.status_code}  {len(queries):3d} queries  {took:7.1f} ms"
                )
            return response

        step("login page", lambda c=client: c.get("/accounts/login/"))
        step("log in", lambda c=client, u=username: c.post(
            "/accounts/login/", {"username": u, "password": PASSWORD}
        ))  # fmt: skip
        year_page = f"/units/{unit_pk}/registration/?year={YEAR}"
        step("registration page", lambda c=client, p=year_page: c.get(p))
        for field in ("qcdc", "dvcq"):
            new = f"/units/{unit_pk}/bright-spots/new/?year={YEAR}"
            step(f"new {field} form", lambda c=client, f=field, n=new: c.get(f"{n}&field={f}"))
            data = bright_spot(field, index, "") | {
                "plan_file": SimpleUploadedFile("Kế hoạch.pdf", PLAN, "application/pdf")
            }
            step(f"save {field}", lambda c=client, d=data, n=new: c.post(n, d))
        submit = f"/units/{unit_pk}/registration/{YEAR}/submit/"
        step("submit", lambda c=client, s=submit: c.post(s))
        step("page after submit", lambda c=client, p=year_page: c.get(p))
    print()
    pstats.Stats(profiler).sort_stats("tottime").print_stats(20)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--officials", type=int, default=300)
    parser.add_argument("--window", type=float, default=240, help="seconds over which they arrive")
    parser.add_argument("--think", type=float, default=2.0, help="mean pause between pages, s")
    parser.add_argument("--workers", type=int, default=5)
    parser.add_argument("--worker-class", default="sync")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--port", type=int, default=8200)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/bs_load")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/8")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()

    recreate_database(args.database_url)
    os.environ.update(DATABASE_URL=args.database_url, REDIS_URL=args.redis_url)
    os.environ.setdefault("CELERY_QUEUE", "deadline-rush")
    sys.path.insert(0, str(ROOT))
    from bench.common import django_setup, machine

    django_setup(DJANGO_SETTINGS_MODULE="brightspots.settings")
    if args.profile:
        from django.conf import settings

        settings.ALLOWED_HOSTS = ["testserver"]
        settings.STORAGES = {
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
        profile(args)
        return
    print("preparing", args.officials, "officials …", flush=True)
    logins = prepare(args.officials)
    workdir = Path(tempfile.mkdtemp(prefix="deadline-rush-"))
    gunicorn, worker = start_servers(args, workdir / "outbox")
    try:
        import httpx

        for _ in range(60):
            try:
                if httpx.get(f"http://127.0.0.1:{args.port}/healthz/").status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        pids = {
            "gunicorn": lambda: [gunicorn.pid, *children(gunicorn.pid)],
            "celery worker": lambda: [worker.pid, *children(worker.pid)],
            "postgres (all databases)": postgres_pids,
        }
        print(f"rushing: {args.officials} officials over {args.window:.0f} s …", flush=True)
        result = asyncio.run(rush(args, logins, pids))
        drained = wait_for_notifications()
        from django.db import connection

        connection.close()
        counted = stored()
    finally:
        stop(gunicorn)
        stop(worker)
    text = report(args, result, counted, drained)
    print(f"\n{machine()}\ngunicorn {args.workers} {args.worker_class} workers × {args.threads} "
          f"threads, mean think time {args.think} s\n")  # fmt: skip
    print(text)
    print(f"\nuploads and e-mails: {workdir}")
    if args.json:
        Path(args.json).write_text(json.dumps({"report": text}, ensure_ascii=False))


if __name__ == "__main__":
    main()
