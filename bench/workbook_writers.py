"""Benchmark: which writer produces the national five-year workbook (issue 12, item 4).

    .venv/bin/python -m bench.workbook_writers [--runs 5] [--scale 1.0]
    PYTHONPATH=/path/to/rustpy-xlsxwriter .venv/bin/python -m bench.workbook_writers

The same rows — as many as the national five-year workbook holds (34 provinces: some 150,000
bright spots, 65,000 unit lines, 22,000 locality lines, recognitions and units not compliant),
with the same columns, kinds (text, whole numbers, dates and times) and print setup — written by

- XlsxWriter in constant-memory mode, through the app's former sheet writer
  (`bench/xlsxwriter_sheets.py`: each row goes to disk once the next one starts), and
- rustpy-xlsxwriter (Rust, `write_worksheets` fed by generators), the app's writer since then.

Only the writing is measured: the rows are made by a generator in the same process, not read
from a database, so the figures say what the writer costs. Each run is a fresh process; its
wall time and peak resident memory are taken. Figures are the median, min and max of --runs.
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta

BASE = {"localities": 22_000, "units": 65_000, "bright-spots": 150_000, "recognized": 20_000,
        "non-compliant": 9_000, "overview": 60}  # fmt: skip
WIDE = 24  # figures of a locality's or unit's line (GROUP_FIGURES)


def _columns():
    """(sheet, [(label, kind)]) in the order of the real workbook."""
    figures = [(f"Chỉ tiêu {i}", "int") for i in range(WIDE)]
    return [
        ("overview", [("Chỉ tiêu", "text"), *((str(2022 + y), "int") for y in range(5))]),
        ("localities", [("Năm", "int"), ("Tỉnh", "text"), ("Địa bàn", "text"),
                        ("Loại", "text"), *figures]),
        ("units", [("Năm", "int"), ("Tỉnh", "text"), ("Địa bàn", "text"), ("Đơn vị", "text"),
                   ("Mã", "text"), ("Loại", "text"), ("Tính gộp", "text"), *figures]),
        ("bright-spots", [("Năm", "int"), ("Tỉnh", "text"), ("Địa bàn", "text"),
                          ("Đơn vị", "text"), ("Đơn vị hiện nay", "text"), ("Tên", "text"),
                          ("Địa chỉ", "text"), ("Lĩnh vực", "text"), ("Cấp", "text"),
                          ("Trạng thái", "text"), ("Đúng hạn", "text"), ("Đã gửi", "datetime"),
                          ("Đã xem xét", "datetime"), ("Tiến độ", "int")]),
        ("recognized", [("Năm", "int"), ("Tỉnh", "text"), ("Địa bàn", "text"),
                        ("Đơn vị", "text"), ("Tên", "text"), ("Lĩnh vực", "text"),
                        ("Cấp", "text"), ("Quyết định", "text"), ("Ngày", "date"),
                        ("Cơ quan", "text"), ("Khen thưởng", "text"), ("Hội đồng", "text")]),
        ("non-compliant", [("Năm", "int"), ("Tỉnh", "text"), ("Địa bàn", "text"),
                           ("Đơn vị", "text"), ("Mã", "text"), ("Loại", "text"),
                           ("Đơn vị hiện nay", "text"), ("QCDC", "int"), ("DVCQ", "int"),
                           ("Còn thiếu", "text"), ("Danh sách", "text"), ("Gia hạn", "date")]),
    ]  # fmt: skip


def rows(sheet: str, columns, count: int):
    """Deterministic rows of the sheet's kinds, with Vietnamese text of realistic length."""
    start = datetime(2022, 3, 1, 8, 0)
    for i in range(count):
        row = []
        for index, (_label, kind) in enumerate(columns):
            if kind == "int":
                row.append(2022 + i % 5 if index == 0 else (i * 7 + index) % 97)
            elif kind == "text":
                row.append(f"Điểm sáng dân vận khéo số {i % 4000} — Xã Nghĩa Đồng {index}")
            elif kind == "date":
                row.append((start + timedelta(days=i % 300)).date())
            else:
                row.append(start + timedelta(minutes=i * 13 % 400_000))
        yield row


def _django():
    os.environ["DEBUG"] = "false"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "brightspots.settings")
    os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-key-0123456789-abcdefghijklmnop")
    import django

    django.setup()


def write_xlsxwriter(path: str, scale: float) -> None:
    _django()
    from datetime import date

    from django.utils import translation

    from bench.xlsxwriter_sheets import _Book, _Sheet
    from reporting.exports import tables
    from reporting.exports.base import ExportRequest

    class _Area:
        def label(self):
            return "34 tỉnh, thành phố"

    request = ExportRequest(areas=[_Area(), _Area()], years=[2022, 2026], view="historical")
    with translation.override("vi"), open(path, "wb") as output:
        book = _Book(output)
        for sheet_name, columns in _columns():
            kinds = [tables.Column(label, 12, kind) for label, kind in columns]
            sheet = _Sheet(book, sheet_name, kinds, request)
            sheet.header()
            for row in rows(sheet_name, columns, int(BASE[sheet_name] * scale)):
                # XlsxWriter writes a date as a datetime at midnight, as the app's rows do.
                sheet.write([datetime(v.year, v.month, v.day) if type(v) is date else v
                             for v in row])  # fmt: skip
            sheet.close()
        book.workbook.close()


def _records(sheet_name, columns, count):
    labels = [label for label, _kind in columns]
    for row in rows(sheet_name, columns, count):
        yield dict(zip(labels, row, strict=True))


def write_rustpy(path: str, scale: float) -> None:
    import rustpy_xlsxwriter as rp

    sheets, setup = [], {}
    for sheet_name, columns in _columns():
        sheets.append((sheet_name, _records(sheet_name, columns, int(BASE[sheet_name] * scale))))
        setup[sheet_name] = {
            "landscape": True, "paper_size": 9, "fit_to_pages": (1, 0), "repeat_rows": 0,
            "header": "&L34 tỉnh, thành phố · 2022–2026&R" + sheet_name,
            "footer": "&RTrang &P/&N",
        }  # fmt: skip
    rp.write_worksheets(
        sheets,
        path,
        freeze_panes={"general": {"row": 1, "col": 0}},
        datetime_format="dd/mm/yyyy hh:mm",
        bold_headers=True,
        autofilter={name: True for name, _c in _columns()},
        page_setup=setup,
    )


WRITERS = {"xlsxwriter-constant-memory": write_xlsxwriter, "rustpy-xlsxwriter": write_rustpy}


def one_run(writer: str, scale: float) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "national.xlsx")
        started = time.perf_counter()
        WRITERS[writer](path, scale)
        seconds = time.perf_counter() - started
        size = os.path.getsize(path)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": seconds, "peak_mb": peak, "bytes": size}


def available(writer: str) -> bool:
    if writer != "rustpy-xlsxwriter":
        return True
    try:
        import rustpy_xlsxwriter  # noqa: F401
    except ImportError:
        return False
    return True


def summary(values: list[float]) -> str:
    return f"{statistics.median(values):.1f} ({min(values):.1f}–{max(values):.1f})"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--one", choices=list(WRITERS))
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one_run(args.one, args.scale)))
        return
    print(f"DEBUG=false (forced); {args.runs} runs per writer, fresh process each; scale "
          f"{args.scale} of the national five-year workbook ({sum(BASE.values()):,} rows)")  # fmt: skip
    print("\n| writer | seconds: median (min–max) | peak memory MB: median (min–max) | file MB |")
    print("|---|---|---|---|")
    for writer in WRITERS:
        if not available(writer):
            print(f"| {writer} | not installed | | |")
            continue
        results = []
        for _ in range(args.runs):
            out = subprocess.run(  # noqa: S603
                [sys.executable, "-m", "bench.workbook_writers", "--one", writer,
                 "--scale", str(args.scale)],
                check=True, capture_output=True, text=True,
            )  # fmt: skip
            results.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(f"| {writer} | {summary([r['seconds'] for r in results])} | "
              f"{summary([r['peak_mb'] for r in results])} | "
              f"{results[0]['bytes'] / 1e6:.1f} |", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
