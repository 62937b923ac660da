"""manage.py export_province_year --province 40 --year 2026 [--output FILE]

Write one province's year as a self-describing ZIP archive (core.archive): a manifest, the
data as JSON and CSV, and the uploaded files. For keeping, for handing over, for a new system.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.archive import write_archive
from organisation.models import Province


class Command(BaseCommand):
    help = "Export one province-year as a self-describing ZIP archive."

    def add_arguments(self, parser):
        parser.add_argument("--province", required=True, help="official code, e.g. 40")
        parser.add_argument("--year", required=True, type=int)
        parser.add_argument("--output", help="default: province-<code>-<year>.zip")

    def handle(self, *args, province, year, output, **options):
        found = Province.objects.filter(code=province).first()
        if found is None:
            raise CommandError(f"no province with code {province!r}")
        destination = Path(output or f"province-{found.code}-{year}.zip")
        if destination.exists():
            raise CommandError(f"{destination} exists; choose another --output")
        partial = destination.with_name(destination.name + ".partial")
        try:
            manifest = write_archive(partial, found, year)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        partial.rename(destination)
        rows = sum(section["rows"] for section in manifest["sections"])
        self.stdout.write(
            f"{destination}: {found.name} {year}, {rows} rows in "
            f"{len(manifest['sections'])} sections, {len(manifest['files'])} files"
            + (
                f", {len(manifest['missing_files'])} files missing"
                if manifest["missing_files"]
                else ""
            )
        )
