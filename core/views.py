"""The progress page of a document rendered in the background (core.renditions): the page, the
small JSON it polls, and the file once stored. Only the user who asked for it sees it (R30)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from core.models import Rendition
from core.uploads import KINDS, serve


def get_rendition_for_user(user, pk: int) -> Rendition:
    """The rendition if this user asked for it; 404 for anyone else."""
    rendition = Rendition.objects.filter(pk=pk, requested_by=user).first()
    if rendition is None:
        raise Http404
    return rendition


@login_required
@require_GET
def rendition(request, pk: int):
    return render(
        request, "core/rendition.html", {"rendition": get_rendition_for_user(request.user, pk)}
    )


@login_required
@require_GET
def rendition_status(request, pk: int):
    rendition = get_rendition_for_user(request.user, pk)
    ready = rendition.status == Rendition.Status.DONE
    response = JsonResponse(
        {
            "status": rendition.status,
            "status_label": rendition.get_status_display(),
            "finished": rendition.is_finished,
            "error": rendition.error,
            "download_url": reverse("core:rendition-file", args=[rendition.pk]) if ready else "",
        }
    )
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_GET
def rendition_file(request, pk: int):
    rendition = get_rendition_for_user(request.user, pk)
    if rendition.status != Rendition.Status.DONE:
        raise Http404
    response = serve(rendition.file, rendition.filename)
    response["Content-Type"] = KINDS[rendition.kind][1]
    return response
