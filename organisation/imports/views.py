"""The administrators' import pages (R39): upload, preview, confirm, progress."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.renditions import rendition_redirect
from core.uploads import clean_display_name
from organisation import selectors, services
from organisation.imports import progress
from organisation.imports.base import KINDS
from organisation.imports.forms import ImportForm

PREVIEW_ROWS = 500  # the page lists this many actions; the counts cover all of them


@login_required
@require_http_methods(["GET", "POST"])
def import_list(request):
    provinces = selectors.administered_provinces(request.user)
    bound = request.method == "POST"
    form = ImportForm(
        request.POST if bound else None, request.FILES if bound else None, provinces=provinces
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        run = services.import_upload(
            province=data["province"], kind=data["kind"], file=data["file"],
            file_name=clean_display_name(data["file"].name), by=request.user,
        )  # fmt: skip
        return redirect("organisation:import-detail", run.pk)
    kinds = sorted(KINDS.values(), key=lambda kind: kind.order)
    context = {
        "form": form,
        "kinds": [(kind.name, _(kind.label)) for kind in kinds],
        "runs": selectors.imports_for_user(request.user),
        "not_logged_in": selectors.people_not_logged_in(request.user),
    }
    return render(request, "organisation/import_list.html", context)


@login_required
@require_GET
def import_template(request, kind: str):
    """The kind's template workbook, produced in the background like every document (issue 13)."""
    selectors.administered_provinces(request.user)
    if kind not in KINDS:
        raise Http404
    return rendition_redirect(request, "organisation.import_template", {"kind": kind},
                              title=f"mau-nhap-{kind}.xlsx")  # fmt: skip


@login_required
@require_GET
def import_detail(request, pk: int):
    run = selectors.get_import_for_user(request.user, pk)
    actions = run.preview.get("actions", [])
    context = {
        "run": run,
        "progress": progress.current(run),
        "kind_label": _(KINDS[run.kind].label) if run.kind in KINDS else run.kind,
        "actions": [a for a in actions if a["verb"] != "unchanged"][:PREVIEW_ROWS],
        "more": max(0, len([a for a in actions if a["verb"] != "unchanged"]) - PREVIEW_ROWS),
    }
    return render(request, "organisation/import_detail.html", context)


@login_required
@require_GET
def import_status(request, pk: int):
    run = selectors.get_import_for_user(request.user, pk)
    return JsonResponse(
        {"status": run.status, "status_label": run.get_status_display(),
         "progress": progress.current(run), "working": run.is_working}
    )  # fmt: skip


@login_required
@require_POST
def import_confirm(request, pk: int):
    run = selectors.get_import_for_user(request.user, pk)
    try:
        run = services.import_confirm(run=run, by=request.user)
    except services.ImportRefused:
        messages.error(request, _("This import is not waiting for confirmation."))
        return redirect("organisation:import-detail", run.pk)
    if run.status == run.Status.APPLIED:
        messages.success(request, _("The file was imported."))
    elif run.status == run.Status.REFUSED:
        messages.error(request, _("Nothing was imported: some rows are refused."))
    return redirect("organisation:import-detail", run.pk)
