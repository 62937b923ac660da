"""The unit's own papers (issue 13): the registration dispatch and the annual report, generated
as PDF or Word in the background from what the unit entered, and the signed PDF uploaded back.
For the unit's officials; the filed PDF is read by whoever reads the registration or report."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.renditions import rendition_redirect
from core.uploads import serve
from organisation.selectors import get_unit_for_user
from registry import documents, selectors, services
from registry.forms import SignedPaperForm


def paper_format(request) -> str:
    """`?format=pdf` or `?format=docx` (the default: the draft to complete); anything else 404."""
    kind = request.GET.get("format", "docx")
    if kind not in documents.FORMATS:
        raise Http404
    return kind


@login_required
@require_GET
def registration_dispatch(request, pk: int, year: int):
    """The unit's registration dispatch, as a PDF or a Word draft, rendered in the background."""
    unit = get_unit_for_user(request.user, pk, write=True)
    params = {"unit": unit.pk, "year": year, "format": paper_format(request)}
    return rendition_redirect(request, "registry.registration_dispatch", params, title=unit.name)


def _upload(request, save, target_url: str, template_context: dict, **arguments):
    form = SignedPaperForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            save(file=form.cleaned_data["file"], by=request.user, **arguments)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The signed paper was filed."))
            return redirect(target_url)
    return render(request, "registry/paper_upload.html", {**template_context, "form": form})


@login_required
@require_POST
def registration_dispatch_upload(request, pk: int, year: int):
    """File the dispatch the unit signed (a PDF) on its registration of the year."""
    unit = get_unit_for_user(request.user, pk, write=True)
    back = f"{reverse('registry:unit-year', args=[unit.pk])}?year={year}"
    context = {"unit": unit, "year": year, "title": _("Signed registration dispatch"),
               "action": request.path, "back": back}  # fmt: skip
    return _upload(request, services.registration_dispatch_file, back, context, unit=unit,
                   year=year)  # fmt: skip


@login_required
@require_GET
def registration_dispatch_file(request, pk: int, year: int):
    unit = get_unit_for_user(request.user, pk)
    registration = selectors.registration_of(unit, year)
    if registration is None or not registration.dispatch_file:
        raise Http404
    return serve(registration.dispatch_file, registration.dispatch_file_name)


def _own_report(request, pk: int, year: int):
    unit = get_unit_for_user(request.user, pk, write=True)
    report = selectors.annual_report_of(unit, year)
    if report is None:
        raise Http404
    return unit, report


@login_required
@require_GET
def annual_report_paper(request, pk: int, year: int):
    """The unit's annual report as written, as a PDF or a Word draft, rendered in the background."""
    unit, report = _own_report(request, pk, year)
    params = {"unit": unit.pk, "year": report.year, "format": paper_format(request)}
    return rendition_redirect(request, "registry.annual_report_paper", params, title=unit.name)


@login_required
@require_POST
def annual_report_upload(request, pk: int, year: int):
    """File the annual report as the unit signed it (a PDF)."""
    unit, report = _own_report(request, pk, year)
    back = f"{reverse('registry:annual-report', args=[unit.pk])}?year={year}"
    context = {"unit": unit, "year": year, "title": _("Signed annual report"),
               "action": request.path, "back": back}  # fmt: skip
    return _upload(request, services.annual_report_file, back, context, report=report)


@login_required
@require_GET
def annual_report_file(request, pk: int):
    report = selectors.get_annual_report_for_user(request.user, pk)
    if not report.signed_file:
        raise Http404
    return serve(report.signed_file, report.signed_file_name)
