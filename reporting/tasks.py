from brightspots.jobs import durable_task
from reporting import services


# A national five-year workbook takes well under a minute (bench/reporting.py); the limit keeps
# a stuck PDF from holding a worker forever.
@durable_task(soft_time_limit=240, time_limit=300)
def export_produce(export_id: int) -> None:
    """Produce a requested download (R23)."""
    services.export_produce(export_id=export_id)
