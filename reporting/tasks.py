from celery import shared_task

from core.jobs import durable_task
from reporting import services


# A national five-year workbook takes well under a minute (bench/reporting.py); the limit keeps
# a stuck PDF from holding a worker forever.
@durable_task("reporting.produce_export", soft_time_limit=240, time_limit=300)
def export_produce(export_id: int) -> None:
    """Produce a requested download (R23)."""
    services.export_produce(export_id=export_id)


@shared_task(name="reporting.expire_exports")
def exports_expire() -> int:
    """Daily (beat): remove downloads older than EXPORT_KEEP_DAYS. Idempotent."""
    return services.exports_expire()
