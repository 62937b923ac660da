"""Certificates issued in bulk by one real Celery worker (R20): certificates per minute.

    DATABASE_URL=postgres://…/bs_bench_recognition REDIS_URL=redis://127.0.0.1:6379/5 \
        .venv/bin/python -m bench.certificates_bulk [--certificates 200]

Needs the national dataset (`manage.py generate_dataset --flush`) on that database. In Nghệ An
(code 40) it takes this year's accepted QCDC bright spots that have no dossier yet, proposes them,
records one Decision recognizing them all through the real service, then starts ONE worker
process (prefork, concurrency 1, as a production worker machine runs it with
--concurrency=1) and asks for the Decision's certificates the way the page does. It measures
from the request to the stored zip, the rendering rate alone, and the worker's resident memory.
Everything it created is removed at the end, so it can run again on the same database.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import timedelta
from pathlib import Path

from bench.common import django_setup, machine

MEDIA = Path(tempfile.mkdtemp(prefix="bench-certificates-"))


def resident_mb(pid: int) -> float:
    """Resident memory of a process and its children (the prefork pool's child renders)."""
    total = 0
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    for each in pids:
        try:
            status = Path(f"/proc/{each}/status").read_text()
        except OSError:
            continue
        total += next(
            int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")
        )
    return total / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--certificates", type=int, default=200)
    args = parser.parse_args()
    queue = f"bench-{uuid.uuid4().hex[:8]}"
    os.environ["MEDIA_ROOT"] = str(MEDIA)
    os.environ["CELERY_QUEUE"] = queue
    django_setup()

    from django.db import connection, transaction
    from django.utils import timezone

    from core.models import Job
    from organisation.models import Committee
    from recognition import services
    from recognition.models import (
        Certificate,
        CertificateBatch,
        Dossier,
        IssuingAuthority,
        SerialCounter,
    )
    from recognition.selectors import criteria_set_for
    from registry.models import BrightSpot

    if connection.vendor != "postgresql" or not os.environ.get("REDIS_URL"):
        sys.exit("Run this on PostgreSQL with REDIS_URL set and the national dataset (see above).")
    committee = Committee.objects.select_related("province", "level_unit").get(
        province__code="40", handles_qcdc=True, kind="steering"
    )
    staff = committee.role_assignments.select_related("user").first().user
    year = timezone.localdate().year
    spots = list(
        BrightSpot.objects.filter(
            recipient=committee, year=year, status="accepted", dossier__isnull=True
        )
        .select_related("unit")
        .order_by("pk")[: args.certificates]
    )
    if len(spots) < args.certificates:
        sys.exit(f"only {len(spots)} accepted bright spots without a dossier; ask for fewer")
    criteria_set = criteria_set_for(committee.province, "qcdc", year)
    submitted = timezone.now() - timedelta(days=3)
    with transaction.atomic():
        dossiers = Dossier.objects.bulk_create(
            [
                Dossier(
                    province=committee.province,
                    unit=s.unit,
                    bright_spot=s,
                    year=year,
                    field="qcdc",
                    committee=committee,
                    criteria_set=criteria_set,
                    status="proposed",
                    first_submitted_at=submitted,
                    submitted_at=submitted,
                    timeliness="on_time",
                    proposed_at=submitted,
                    proposed_by=staff,
                    created_by=staff,
                )  # fmt: skip
                for s in spots
            ]
        )
    for dossier, spot in zip(dossiers, spots, strict=True):
        dossier.bright_spot, dossier.unit = spot, spot.unit
    authority = IssuingAuthority.objects.get(level_unit=committee.level_unit)
    number = 90000 + int(time.time()) % 9000
    decision = services.decision_record(
        committee=committee, authority=authority, number=number, date=timezone.localdate(),
        dossiers=dossiers, by=staff,
    )  # fmt: skip
    counter_before = SerialCounter.objects.filter(province=committee.province, year=year).first()
    last_before = counter_before.last_number if counter_before else 0

    worker = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "celery", "-A", "brightspots", "--quiet", "worker", "--pool=prefork",
         "--concurrency=1", "--without-heartbeat", "--without-gossip", "--without-mingle",
         "-Q", queue, "--loglevel=WARNING"],
        env={**os.environ},
    )  # fmt: skip
    memory = []
    try:
        time.sleep(4)  # the worker connects and forks its child before the clock starts
        idle = resident_mb(worker.pid)
        started = time.monotonic()
        services.certificates_issue(decision=decision, by=staff)  # commits, then publishes
        while not CertificateBatch.objects.filter(
            decision=decision, finished_at__isnull=False
        ).exists():
            time.sleep(0.5)
            memory.append(resident_mb(worker.pid))
            if time.monotonic() - started > 3600:
                sys.exit("the worker did not finish within an hour")
        elapsed = time.monotonic() - started
        times = sorted(
            Certificate.objects.filter(recognition__decision=decision).values_list(
                "rendered_at", flat=True
            )
        )
        rendering = (times[-1] - times[0]).total_seconds()
        jobs = Job.objects.filter(key__startswith=f"certificates:{decision.pk}:").count()
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        remove(decision, dossiers, last_before)

    count = len(times)
    print(f"Machine: {machine()}")
    print(f"Date: {timezone.localdate().isoformat()}, database: national dataset on PostgreSQL\n")
    print(f"| bulk, one Celery worker (prefork, concurrency 1), a Decision of {count} | |")
    print("|---|---:|")
    print(f"| request to stored zip | {elapsed:.1f} s |")
    print(f"| certificates per minute, request to zip | {count / elapsed * 60:.0f} |")
    print(
        f"| certificates per minute, rendering only (first to last stored) | {(count - 1) / rendering * 60:.0f} |"
    )
    print(f"| jobs it took (each renders for 90 s at most, then hands over) | {jobs} |")
    print(f"| worker resident memory, idle → peak | {idle:.0f} MB → {max(memory):.0f} MB |")


def remove(decision, dossiers, last_before) -> None:
    """Leave the benchmark database as it was, whatever happened."""
    from django.db import transaction

    from core.models import Job
    from organisation.models import AuditEntry
    from recognition.models import (
        Certificate,
        CertificateBatch,
        Decision,
        Dossier,
        Recognition,
        SerialCounter,
    )

    with transaction.atomic():
        Certificate.objects.filter(recognition__decision=decision).delete()
        CertificateBatch.objects.filter(decision=decision).delete()
        Job.objects.filter(key__startswith=f"certificates:{decision.pk}:").delete()
        AuditEntry.objects.filter(
            target_type__model="dossier", target_id__in=[d.pk for d in dossiers]
        ).delete()
        AuditEntry.objects.filter(target_type__model="decision", target_id=decision.pk).delete()
        Dossier.objects.filter(decision=decision).update(status="proposed", decision=None)
        Recognition.objects.filter(decision=decision).delete()
        Decision.objects.filter(pk=decision.pk).delete()
        Dossier.objects.filter(pk__in=[d.pk for d in dossiers]).delete()
        SerialCounter.objects.filter(
            province=decision.province, year=decision.recognition_year
        ).update(last_number=last_before)


if __name__ == "__main__":
    main()
