"""Every change of state in reporting: asking for a download, producing it and removing it when it
is old (R23, R30, R31)."""

import logging
import tempfile
import time
from datetime import timedelta

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.jobs import enqueue
from organisation.services import audit_record
from reporting import selectors
from reporting.exports import ExportRequest, get_exporter
from reporting.models import Export

log = logging.getLogger(__name__)
PROGRESS_INTERVAL = 0.5  # seconds between two progress writes


@transaction.atomic
def export_request(*, user, exporter, areas, years, view, language, options) -> Export:
    """Record a requested download and have it produced in the background (R23).

    The caller has checked the user's scope (R30); the task checks it again before producing,
    so a role withdrawn meanwhile produces nothing. Recorded in the audit log (R31).
    """
    request = ExportRequest(areas=areas, years=years, view=view)
    export = Export.objects.create(
        requested_by=user,
        province=areas[0].province if len(areas) == 1 else None,
        exporter=exporter.identifier,
        options={**options, "years": years, "view": view},
        language=language,
        area_label=request.area_label[:400],
    )
    audit_record(
        actor=user,
        action="report.export_requested",
        target=export,
        province=export.province,
        data={"exporter": exporter.identifier, "years": years, "view": view},
    )
    enqueue("reporting.produce_export", key=f"reporting.export:{export.pk}", export_id=export.pk)
    return export


def export_request_rebuilt(export: Export) -> ExportRequest:
    """The download's scopes, asked again as its requester: the task runs later than the
    request, and a user who lost the role meanwhile gets nothing (R30)."""
    options, user = export.options, export.requested_by
    if options.get("national"):
        areas = selectors.national_areas_for_user(user)
    else:
        areas = [
            selectors.get_area_for_user(
                user,
                province=options.get("province"),
                committee=options.get("committee"),
                unit=options.get("unit"),
            )
        ]
    return ExportRequest(areas=areas, years=options["years"], view=options["view"])


def export_produce(*, export_id: int) -> str:
    """Produce a requested download once (R23), reporting its progress as it goes.

    Not one transaction: the progress must be visible to the page polling it while the file is
    written. A second delivery of the same job finds the export done and does nothing.
    """
    claimed = Export.objects.filter(
        pk=export_id, status__in=[Export.Status.PENDING, Export.Status.RUNNING]
    ).update(status=Export.Status.RUNNING, started_at=timezone.now(), progress=0)
    if not claimed:
        return "skipped"
    export = Export.objects.select_related("requested_by").get(pk=export_id)
    exporter = get_exporter(export.exporter)
    last = [0.0, 0]

    def progress(fraction: float) -> None:
        percent = min(99, int(fraction * 100))
        if percent > last[1] and time.monotonic() - last[0] >= PROGRESS_INTERVAL:
            Export.objects.filter(pk=export_id).update(progress=percent)
            last[:] = [time.monotonic(), percent]

    with translation.override(export.language):  # a failure is told in the requester's words
        try:
            request = export_request_rebuilt(export)
            request.produced_at = timezone.now()
            with tempfile.TemporaryFile() as output:
                exporter.render(request, output, progress)
                output.seek(0)
                filename = exporter.filename(request)
                export.file.save(filename, File(output), save=False)
        except SoftTimeLimitExceeded:
            return _fail(
                export_id, _("It took too long to produce. Try a smaller scope or fewer years.")
            )
        except Exception:  # whatever broke, the page waiting for it must say so; the log says what
            log.exception("export %s failed", export_id)
            return _fail(
                export_id,
                _(
                    "An error stopped it. Ask for it again; if it fails again, tell the administrator."
                ),
            )
    Export.objects.filter(pk=export_id).update(
        status=Export.Status.DONE,
        progress=100,
        file=export.file.name,
        filename=filename,
        content_type=exporter.content_type,
        finished_at=timezone.now(),
        error="",
    )
    return "done"


def _fail(export_id: int, message: str) -> str:
    Export.objects.filter(pk=export_id).update(
        status=Export.Status.FAILED, error=message, finished_at=timezone.now()
    )
    return "failed"


def exports_expire(*, now=None) -> int:
    """Remove the files of downloads produced more than `EXPORT_KEEP_DAYS` ago.

    Each one becomes "removed" (its page says so and offers to ask again) and is recorded in the
    audit log; the file goes once that is committed. Run daily by beat; running it twice removes
    nothing twice. Answers how many were removed.
    """
    cutoff = (now or timezone.now()) - timedelta(days=settings.EXPORT_KEEP_DAYS)
    old = Export.objects.filter(status=Export.Status.DONE, finished_at__lt=cutoff)
    removed = 0
    for export in list(old.select_related("province")):
        with transaction.atomic():
            claimed = Export.objects.filter(pk=export.pk, status=Export.Status.DONE).update(
                status=Export.Status.EXPIRED, file=""
            )
            if not claimed:
                continue
            audit_record(
                actor=None,
                action="report.export_expired",
                target=export,
                province=export.province,
                from_state=Export.Status.DONE,
                to_state=Export.Status.EXPIRED,
                data={"days": settings.EXPORT_KEEP_DAYS},
            )
            file = export.file
            transaction.on_commit(lambda file=file: file.storage.delete(file.name))
        removed += 1
    return removed
