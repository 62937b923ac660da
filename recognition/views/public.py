"""Pages anyone may open, without logging in: certificate verification (R21) and the
good-practice library with its open data (R24)."""

import json

from django.core.paginator import Paginator
from django.http import StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from core.csv import stamp, stream_csv
from recognition import selectors
from recognition.filters import LibraryForm
from recognition.forms import VerifyFileForm, VerifyForm

PAGE_SIZE = 20


@require_GET
def verify(request, serial: str):
    """The QR target (R21): valid, with what it certifies; revoked, with the annulment; or
    unknown. The address is printed on paper, so it never changes."""
    certificate = selectors.certificate_by_serial(serial)
    context = {
        "serial": serial, "certificate": certificate, "form": VerifyForm(),
        "file_form": VerifyFileForm(),
    }  # fmt: skip
    if certificate is not None:
        recognition = certificate.recognition
        context.update(
            decision=recognition.decision,
            bright_spot=recognition.dossier.bright_spot,
            valid=not recognition.decision.is_annulled,
            lapsed=selectors.lapsed_follow_up(recognition.dossier),
        )
    response = render(
        request, "recognition/verify.html", context, status=200 if certificate else 404
    )
    response["Cache-Control"] = "no-store"  # an annulment must show at once
    return response


@require_GET
def verify_search(request):
    """Type the serial printed under the QR code."""
    form = VerifyForm(request.GET or None)
    if form.is_valid():
        return redirect("recognition:verify", serial=form.cleaned_data["serial"].strip())
    context = {"form": form, "search": True, "file_form": VerifyFileForm()}
    return render(request, "recognition/verify.html", context)


@require_POST
def verify_file(request):
    """An uploaded certificate or Decision (R41): is its signature intact, who signed and when,
    is it the file on record, was it revoked. The file is read, never stored."""
    file_form = VerifyFileForm(request.POST, request.FILES)
    context = {"form": VerifyForm(), "search": True, "file_form": file_form}
    if file_form.is_valid():
        upload = file_form.cleaned_data["file"]
        upload.seek(0)
        context.update(search=False, checked=selectors.check_file(upload.read()))
    response = render(request, "recognition/verify.html", context)
    response["Cache-Control"] = "no-store"
    return response


def _library_form(request):
    return LibraryForm(
        request.GET or None,
        years=selectors.library_years(),
        provinces=selectors.library_provinces(),
    )


@require_GET
def library(request):
    form = _library_form(request)
    found = selectors.library_list(selectors.library_search(**form.criteria()))
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = selectors.with_spread(page.object_list)
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    return render(request, "recognition/library.html", context)


@require_GET
def library_detail(request, pk: int):
    bright_spot = selectors.get_public_bright_spot(pk)
    context = {
        "bright_spot": bright_spot,
        "record": selectors.public_record(bright_spot),
        "replications": selectors.public_replications(bright_spot),
    }
    return render(request, "recognition/library_detail.html", context)


def _records(request):
    return selectors.public_records(selectors.library_search(**_library_form(request).criteria()))


@require_GET
def open_data_csv(request):
    """The library as CSV: exactly the public fields, with the same filters as the page."""
    criteria = _library_form(request).criteria()
    rows = ([record[name] for name in selectors.PUBLIC_FIELDS] for record in _records(request))
    # The scope in the file name: the province (its code) and year searched, or the whole library.
    scope = "-".join(str(criteria[k]) for k in ("province", "year") if criteria.get(k)) or "all"
    filename = f"diem-sang-thu-vien-{scope}-{stamp()}.csv"
    return stream_csv(filename, selectors.PUBLIC_FIELDS, rows)


@require_GET
def open_data_json(request):
    """The library as JSON: {"fields": [...], "source": url, "bright_spots": [...]}, streamed."""

    def chunks():
        source = json.dumps(request.build_absolute_uri(reverse("recognition:library")))
        yield f'{{"source": {source}, "fields": {json.dumps(selectors.PUBLIC_FIELDS)}, "bright_spots": ['

        for index, record in enumerate(_records(request)):
            yield ("," if index else "") + json.dumps(record, ensure_ascii=False)
        yield "]}"

    response = StreamingHttpResponse(chunks(), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="diem-sang-{timezone.localdate():%Y%m%d}.json"'
    )
    return response
