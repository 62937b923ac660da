from celery import shared_task

from core import jobs


@shared_task(name="core.sweep_pending_jobs")
def sweep_pending_jobs():
    """Beat, every minute: publish jobs whose message was lost or whose worker died."""
    return jobs.sweep()
