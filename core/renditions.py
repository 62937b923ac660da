"""Documents rendered in the background (R41, issue 13): every PDF, DOCX and XLSX a user asks for.

An app registers what it can render by identifier:

    renditions.register("recognition.decision_docx", render=..., allowed=...)

`render(user, params)` answers a `Rendered` (file name, kind of `core.uploads.KINDS`, bytes); `allowed(
user, params)` says whether the user may have it, and is asked again by the job, so a role
withdrawn meanwhile produces nothing (R30). A view calls `rendition_request`, then redirects to
the progress page (`core:rendition`), which polls `core:rendition-status` and offers the file.
The job has a time limit: a render that hangs is cut, and the job is tried again with backoff
(core.jobs); after the last attempt the page says it failed.
"""

import dataclasses
from collections.abc import Callable

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.shortcuts import redirect
from django.utils import timezone, translation

from core.jobs import enqueue
from core.models import Job, Rendition


@dataclasses.dataclass(frozen=True)
class Rendered:
    filename: str
    kind: str  # "pdf", "docx", "xlsx" (core.uploads.KINDS)
    content: bytes


@dataclasses.dataclass(frozen=True)
class Renderer:
    render: Callable[[object, dict], Rendered]
    allowed: Callable[[object, dict], bool]


RENDERERS: dict[str, Renderer] = {}


def register(identifier: str, *, render, allowed) -> None:
    RENDERERS[identifier] = Renderer(render=render, allowed=allowed)


@transaction.atomic
def rendition_request(*, user, identifier: str, params: dict, title: str = "") -> Rendition:
    """Ask for a document; the caller has checked the user may have it (R30)."""
    if identifier not in RENDERERS:
        raise LookupError(f"nothing renders {identifier!r}")
    rendition = Rendition.objects.create(
        requested_by=user, identifier=identifier, params=params,
        language=translation.get_language() or settings.LANGUAGE_CODE, title=title[:300],
    )  # fmt: skip
    enqueue("core.render_document", key=f"rendition:{rendition.pk}", rendition_id=rendition.pk)
    return rendition


class NotAllowed(Exception):
    """The requester may no longer have the document."""


def rendition_produce(*, rendition_id: int) -> str:
    """The job: render once and store the file. A second delivery of a finished one does nothing;
    an error leaves it waiting for the job's next attempt, with the error shown on its page."""
    rendition = Rendition.objects.select_related("requested_by").get(pk=rendition_id)
    if rendition.is_finished:
        return "skipped"
    Rendition.objects.filter(pk=rendition.pk).update(status=Rendition.Status.RUNNING)
    renderer = RENDERERS[rendition.identifier]
    with translation.override(rendition.language):
        try:
            if not renderer.allowed(rendition.requested_by, rendition.params):
                raise NotAllowed
            rendered = renderer.render(rendition.requested_by, rendition.params)
        except NotAllowed:
            _fail(rendition, "", final=True)
            return "refused"
        except Exception as error:
            _fail(
                rendition, f"{type(error).__name__}: {error}"[:500], final=_last_attempt(rendition)
            )
            raise
    rendition.file.save(rendered.filename, ContentFile(rendered.content), save=False)
    Rendition.objects.filter(pk=rendition.pk).update(
        status=Rendition.Status.DONE, file=rendition.file.name, filename=rendered.filename,
        kind=rendered.kind, error="", finished_at=timezone.now(),
    )  # fmt: skip
    return "done"


def _last_attempt(rendition) -> bool:
    job = Job.objects.filter(key=f"rendition:{rendition.pk}").first()
    return job is not None and job.attempts >= settings.JOB_MAX_ATTEMPTS


def _fail(rendition, error: str, *, final: bool) -> None:
    status = Rendition.Status.FAILED if final else Rendition.Status.PENDING
    Rendition.objects.filter(pk=rendition.pk).update(status=status, error=error)


def rendition_redirect(request, identifier: str, params: dict, *, title: str = ""):
    """Ask for the document and answer the redirect to its progress page (for views that have
    checked the user's access first)."""
    rendition = rendition_request(user=request.user, identifier=identifier, params=params,
                                  title=title)  # fmt: skip
    return redirect("core:rendition", rendition.pk)
