"""Imports (R39): store the file (R32), preview it, apply it all or nothing, record it (R31).

A small file is previewed and applied within the request; a large one (more rows than
IMPORT_INLINE_ROWS) by the durable jobs `organisation.import_preview` and
`organisation.import_apply`, whose progress the import's page shows.
"""

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from core.jobs import enqueue
from organisation.imports.base import KINDS
from organisation.imports.progress import Progress
from organisation.imports.reading import Unreadable, read_table
from organisation.models import ImportRun
from organisation.services.audit import audit_record


class ImportRefused(Exception):
    """The import cannot be applied as it stands; the message says why."""


def import_upload(
    *, province, kind: str, file, file_name: str, by, background: bool = True
) -> ImportRun:
    """Keep the uploaded file (already checked, R32) and preview it (now, or in the background)."""
    if kind not in KINDS:
        raise ImportRefused(f"unknown import kind {kind!r}")
    with transaction.atomic():
        run = ImportRun(province=province, kind=kind, file_name=file_name, created_by=by)
        run.file.save(file_name, file, save=False)
        run.save()
        audit_record(
            actor=by, action="import.uploaded", target=run, province=province, to_state=kind,
            data={"file": run.file.name, "file_name": file_name},
        )  # fmt: skip
    file.seek(0)
    size = file.size if hasattr(file, "size") else None
    if background and size is not None and size > settings.IMPORT_INLINE_BYTES:
        with transaction.atomic():
            enqueue("organisation.import_preview", key=f"import-preview:{run.pk}", run_id=run.pk)
    else:
        import_preview(run=run)
    return run


def _plan(run: ImportRun):
    with run.file.open("rb") as handle:
        content = handle.read()
    header, rows = read_table(content)
    kind = KINDS[run.kind]
    return rows, kind.plan(header, rows, run.province, run.created_by)


def import_preview(*, run: ImportRun) -> ImportRun:
    """What applying the file would do: created, changed, left alone, and every refused row."""
    try:
        rows, plan = _plan(run)
    except Unreadable as error:
        run.status, run.refusals = (
            ImportRun.Status.REFUSED,
            [{"row": 1, "column": "", "message": str(error)}],
        )
        run.save(update_fields=["status", "refusals"])
        return run
    run.rows = len(rows)
    run.refusals = [refusal.as_dict() for refusal in plan.refusals]
    run.preview = {**plan.counts(), "actions": [action.as_dict() for action in plan.actions]}
    run.status = ImportRun.Status.REFUSED if plan.refusals else ImportRun.Status.PREVIEWED
    run.progress = 100
    run.save(update_fields=["rows", "refusals", "preview", "status", "progress"])
    return run


def import_confirm(*, run: ImportRun, by, background: bool = True) -> ImportRun:
    """The administrator confirmed the preview: apply it (now, or in the background)."""
    claimed = ImportRun.objects.filter(pk=run.pk, status=ImportRun.Status.PREVIEWED).update(
        status=ImportRun.Status.APPLYING, progress=0
    )
    if not claimed:
        raise ImportRefused("this import is not waiting for confirmation")
    run.refresh_from_db()
    if not background or run.rows <= settings.IMPORT_INLINE_ROWS:
        return import_apply(run=run, by=by)
    with transaction.atomic():
        enqueue(
            "organisation.import_apply", key=f"import-apply:{run.pk}", run_id=run.pk,
            by_id=by.pk if by else None,
        )  # fmt: skip
    return run


def import_apply(*, run: ImportRun, by) -> ImportRun:
    """Apply every row in one transaction, or nothing (R39). The file is read again: what the
    database holds may have changed since the preview, and a refused row refuses the whole."""
    if run.status == ImportRun.Status.APPLIED:
        return run  # a second delivery of the job
    refusals = []
    try:
        with transaction.atomic():
            rows, plan = _plan(run)
            if plan.refusals:
                refusals = [refusal.as_dict() for refusal in plan.refusals]
                raise ImportRefused("rows refused")
            plan.progress = Progress(run.pk, len(rows))
            for step in plan.steps:
                before = plan.progress.done
                step()
                if plan.progress.done == before:
                    plan.progress.advance(1)
            counts = plan.counts()
            run.status, run.progress, run.applied_at = ImportRun.Status.APPLIED, 100, timezone.now()
            run.preview = {**counts, "actions": [action.as_dict() for action in plan.actions]}
            run.save(update_fields=["status", "progress", "applied_at", "preview"])
            transaction.on_commit(plan.progress.finish)
            audit_record(
                actor=by, action="import.applied", target=run, province=run.province,
                from_state=ImportRun.Status.PREVIEWED, to_state=ImportRun.Status.APPLIED,
                data={"kind": run.kind, "file": run.file.name, "file_name": run.file_name, **counts},
            )  # fmt: skip
    except (ImportRefused, Unreadable) as error:
        Progress(run.pk, 1).finish()
        run.refresh_from_db()
        run.status = ImportRun.Status.REFUSED
        run.refusals = refusals or [{"row": 1, "column": "", "message": str(error)}]
        run.save(update_fields=["status", "refusals"])
    return run
