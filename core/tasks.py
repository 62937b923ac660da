from celery import shared_task
from django.conf import settings

from core import jobs, renditions
from core.jobs import durable_task


@shared_task(name="core.sweep_pending_jobs")
def sweep_pending_jobs():
    """Beat, every minute: publish jobs whose message was lost or whose worker died."""
    return jobs.sweep()


# A Decision with a long annex renders in a few seconds; the limit cuts a render that hangs
# (WeasyPrint, LibreOffice fonts) so that it cannot hold a worker: the job is then tried again
# (soft limit: the render is interrupted and the job backs off; hard limit: the worker process
# is replaced and the job runs again when its lease ends). core/tests/test_render_time_limit.py.
@durable_task(
    "core.render_document",
    soft_time_limit=settings.RENDER_SOFT_TIME_LIMIT,
    time_limit=settings.RENDER_TIME_LIMIT,
)
def render_document(rendition_id: int) -> str:
    """Produce a document a user asked for (issue 13): see core.renditions."""
    return renditions.rendition_produce(rendition_id=rendition_id)
