"""manage.py import_data KIND FILE --province CODE [--dry-run]

Import units, committees, routing or people (and any kind another app registers) from an XLSX
or CSV file, as the administrators' import page does (R39): every refused row is listed with its
row and column, and the file is applied in one transaction or not at all. The file is kept like
an upload and the import is in the audit log.
"""

from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from organisation.imports.base import KINDS
from organisation.imports.reading import Unreadable, read_table
from organisation.models import ImportRun, Province, User
from organisation.services import import_confirm, import_upload


class Command(BaseCommand):
    help = "Import units, committees, routing or people from an XLSX or CSV file."

    def add_arguments(self, parser):
        parser.add_argument("kind", help="one of: " + ", ".join(sorted(KINDS)))
        parser.add_argument("file")
        parser.add_argument("--province", required=True, help="official code, e.g. 40")
        parser.add_argument("--dry-run", action="store_true", help="show the preview only")
        parser.add_argument("--by", help="username recorded as the importer (required for "
                            "past bright spots)")  # fmt: skip

    def handle(self, *args, kind, file, province, dry_run, by=None, **options):
        if kind not in KINDS:
            raise CommandError(f"unknown kind {kind!r}; one of: {', '.join(sorted(KINDS))}")
        found = Province.objects.filter(code=province).first()
        if found is None:
            raise CommandError(f"no province with code {province!r}")
        user = None
        if by:
            user = User.objects.filter(username=by).first()
            if user is None:
                raise CommandError(f"no user named {by!r}")
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"{path} is not a file")
        content = path.read_bytes()
        if dry_run:
            try:
                header, rows = read_table(content)
            except Unreadable as error:
                raise CommandError(str(error)) from None
            with transaction.atomic():
                plan = KINDS[kind].plan(header, rows, found, user)
                transaction.set_rollback(True)
            self._report(plan.counts(), [r.as_dict() for r in plan.refusals], "would be")
            return
        run = import_upload(
            province=found, kind=kind, file=SimpleUploadedFile(path.name, content),
            file_name=path.name, by=user, background=False,
        )  # fmt: skip
        if run.status == ImportRun.Status.PREVIEWED:
            run = import_confirm(run=run, by=user, background=False)
        self._report(run.preview, run.refusals, "")
        if run.status != ImportRun.Status.APPLIED:
            raise CommandError("nothing was imported: rows refused")

    def _report(self, counts, refusals, mood):
        for refusal in refusals:
            self.stderr.write(f"row {refusal['row']}, {refusal['column']}: {refusal['message']}")
        verb = f"{mood} " if mood else ""
        self.stdout.write(
            f"{counts.get('created', 0)} {verb}created, {counts.get('changed', 0)} {verb}changed, "
            f"{counts.get('unchanged', 0)} unchanged, {len(refusals)} refused"
        )
