"""manage.py import_province_year ARCHIVE.zip

Load a province-year archive written by `export_province_year` into this installation (R39):
the province, its units, committees and routing, the year's registration, review and
recognition, and the uploaded files (each checked against the manifest's SHA-256). Refused when
the province is already here or the archive's schema version is newer than this installation's.
People are found by username or created without a password (they choose one with "Forgot
password").
"""

import zipfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.restore import ArchiveRefused, restore_archive
from organisation.models import Province


def _refuse_existing_province(manifest):
    code = manifest["province"]["code"]
    if Province.objects.filter(code=code).exists():
        raise ArchiveRefused(
            f"province {code} ({manifest['province']['name']}) is already in this installation"
        )


class Command(BaseCommand):
    help = "Load a province-year archive (export_province_year) into this installation."

    def add_arguments(self, parser):
        parser.add_argument("archive")

    def handle(self, *args, archive, **options):
        path = Path(archive)
        if not zipfile.is_zipfile(path):
            raise CommandError(f"{path} is not a ZIP archive")
        try:
            restored = restore_archive(path, check=_refuse_existing_province)
        except ArchiveRefused as refusal:
            raise CommandError(f"nothing was loaded: {refusal}") from None
        manifest = restored.manifest
        self.stdout.write(
            f"{manifest['province']['name']} {manifest['year']}: "
            f"{sum(restored.rows.values())} rows in {len(restored.rows)} sections "
            f"({sum(restored.matched.values())} found here already), {restored.files} files"
        )
        for section, count in restored.left_out.items():
            self.stdout.write(
                f"  {section}: {count} rows left out: they refer to rows of another year's "
                "archive; load that year too"
            )
