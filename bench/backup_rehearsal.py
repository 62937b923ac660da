"""Backup and restore rehearsal (README, "Backup and restore"), timed.

Backs up a database and its media folder exactly as the README says (pg_dump custom format, tar of
MEDIA_ROOT), restores both into a new database and a new folder, then compares every table's row
count and every file's SHA-256, and lets the app read the restored copy (check, and an export of a
province-year). Run it after bench.deadline_rush, on its database:

    .venv/bin/python -m bench.backup_rehearsal --database bs_load --media /tmp/deadline-rush-…/media
"""

import argparse
import hashlib
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

import psycopg2

ROOT = Path(__file__).resolve().parents[1]


def connect(name):
    return psycopg2.connect(host="127.0.0.1", user="postgres", dbname=name)


def table_counts(name) -> dict[str, int]:
    with connect(name) as connection, connection.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
        tables = [row[0] for row in cursor.fetchall()]
        counts = {}
        for table in tables:
            cursor.execute(f'SELECT count(*) FROM "{table}"')  # noqa: S608 - names from the catalogue
            counts[table] = cursor.fetchone()[0]
    return counts


def checksums(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in folder.rglob("*")
        if path.is_file()
    }


def timed(label, fn):
    started = time.perf_counter()
    result = fn()
    print(f"{label}: {time.perf_counter() - started:.1f} s", flush=True)
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default="bs_load")
    parser.add_argument("--media", required=True, type=Path)
    parser.add_argument("--province", default="40")
    parser.add_argument("--year", type=int, default=2026)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="backup-rehearsal-"))
    url = f"postgres://postgres@127.0.0.1:5432/{args.database}"
    restored = f"{args.database}_restored"
    restored_url = f"postgres://postgres@127.0.0.1:5432/{restored}"
    dump, media_archive = work / "brightspots.dump", work / "media.tar.gz"

    timed("pg_dump", lambda: subprocess.run(
        ["pg_dump", "--format=custom", "--no-owner", f"--file={dump}", url], check=True
    ))  # fmt: skip
    timed("tar of the media", lambda: subprocess.run(
        ["tar", "-C", str(args.media), "-czf", str(media_archive), "."], check=True
    ))  # fmt: skip
    print(f"database dump {dump.stat().st_size / 1e6:.1f} MB, "
          f"media archive {media_archive.stat().st_size / 1e6:.1f} MB")  # fmt: skip

    subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", restored],
                   check=True)  # fmt: skip
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", restored], check=True)
    timed("pg_restore", lambda: subprocess.run(
        ["pg_restore", "--no-owner", "--exit-on-error", f"--dbname={restored_url}", str(dump)],
        check=True,
    ))  # fmt: skip
    media = work / "media"
    media.mkdir()
    with tarfile.open(media_archive) as archive:
        timed("untar of the media", lambda: archive.extractall(media, filter="data"))

    before, after = table_counts(args.database), table_counts(restored)
    differing = {t: (before[t], after.get(t)) for t in before if before[t] != after.get(t)}
    files_before, files_after = checksums(args.media), checksums(media)
    print(f"tables: {len(before)}, rows: {sum(before.values())}, differing: {differing or 'none'}")
    print(f"files: {len(files_before)}, identical after restore: {files_before == files_after}")

    env = {
        **os.environ, "DATABASE_URL": restored_url, "MEDIA_ROOT": str(media),
        "SECRET_KEY": "backup-rehearsal-" + "x" * 50, "DEBUG": "false", "HTTPS": "false",
    }  # fmt: skip
    env.pop("REDIS_URL", None)
    python = sys.executable
    subprocess.run([python, "manage.py", "migrate", "--check"], cwd=ROOT, env=env, check=True)
    export = work / "export.zip"
    subprocess.run(
        [python, "manage.py", "export_province_year", "--province", args.province,
         "--year", str(args.year), "--output", str(export)],
        cwd=ROOT, env=env, check=True,
    )  # fmt: skip
    if differing or files_before != files_after:
        sys.exit("the restored copy differs")
    print("the restored copy is identical and the app reads it")


if __name__ == "__main__":
    main()
