"""Import of 13,000 units (R39, issue 15) through the background jobs, timed. Goal: under 60 s
on PostgreSQL from the upload to the applied import.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wtN .venv/bin/python -m bench.import_units

Builds a test province (code 98, removed first if an earlier run left it), writes a workbook of
10,000 current communes and 3,000 former ones merged into them (validity end and successor), and
runs it as the import page does: upload, the preview job, confirm, the apply job. A second import
of the same file must find every row unchanged.
"""

import io
import sys
import time

from bench.common import django_setup, machine

UNITS_NEW, UNITS_OLD = 10_000, 3_000


def workbook(kind) -> bytes:
    from openpyxl import load_workbook

    from organisation.imports.workbooks import template_workbook

    book = load_workbook(io.BytesIO(template_workbook(kind)))
    sheet = book["Dữ liệu"]
    rows = [["98", "Tỉnh Thử Nghiệm", "Tỉnh, thành phố", None, None, None, None]]
    rows += [[f"{20000 + n}", f"Xã Mới {n}", "Xã", "98", "01/07/2025", None, None]
             for n in range(UNITS_NEW)]  # fmt: skip
    rows += [[f"{40000 + n}", f"Xã Cũ {n}", "Xã", "98", "01/01/2020", "30/06/2025",
              f"{20000 + n % UNITS_NEW}"] for n in range(UNITS_OLD)]  # fmt: skip
    for number, row in enumerate(rows, start=2):
        for position, value in enumerate(row, start=1):
            sheet.cell(row=number, column=position, value=value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def run_jobs():
    from core.jobs import TASKS, pending_jobs, run_job

    for job in list(pending_jobs()):
        run_job(job.pk, TASKS[job.task].body)


def main():
    # Both the preview and the apply go through their background jobs, as for any large file.
    django_setup(IMPORT_INLINE_BYTES="100000", IMPORT_INLINE_ROWS="2000")
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import connection

    from organisation.imports.base import KINDS
    from organisation.models import ImportRun, Province, Unit
    from organisation.services import import_confirm, import_upload

    print(machine(), connection.vendor)
    Unit.objects.filter(province__code="98").update(parent=None, successor=None)
    Unit.objects.filter(province__code="98").delete()
    ImportRun.objects.filter(province__code="98").delete()
    from organisation.models import AuditEntry

    AuditEntry.objects.filter(province__code="98").delete()
    Province.objects.filter(code="98").delete()
    province = Province.objects.create(code="98", name="Tỉnh Thử Nghiệm", place_name="Thử")
    content = workbook(KINDS["units"])
    print(f"workbook: {len(content) / 1e6:.1f} MB, {UNITS_NEW + UNITS_OLD + 1} rows")
    figures = {}
    for attempt in ("first", "second"):
        started = time.perf_counter()
        upload = SimpleUploadedFile("don-vi.xlsx", content)
        run = import_upload(province=province, kind="units", file=upload,
                            file_name="don-vi.xlsx", by=None)  # fmt: skip
        run_jobs()  # the preview job, as a worker runs it
        run.refresh_from_db()
        previewed = time.perf_counter()
        assert run.status == "previewed", run.refusals[:5]
        run = import_confirm(run=run, by=None)
        run_jobs()  # the apply job
        run.refresh_from_db()
        done = time.perf_counter()
        assert run.status == "applied", run.refusals[:5]
        figures[attempt] = (previewed - started, done - previewed, run.preview)
        print(f"{attempt}: preview {previewed - started:.1f} s, apply {done - previewed:.1f} s, "
              f"total {done - started:.1f} s; created {run.preview['created']}, "
              f"changed {run.preview['changed']}, unchanged {run.preview['unchanged']}")  # fmt: skip
    assert Unit.objects.filter(province=province).count() == UNITS_NEW + UNITS_OLD + 1
    assert figures["second"][2]["created"] == figures["second"][2]["changed"] == 0
    total = sum(figures["first"][:2])
    print(f"goal under 60 s: {'met' if total < 60 else 'missed'} ({total:.1f} s)")
    return 0 if total < 60 else 1


if __name__ == "__main__":
    sys.exit(main())
