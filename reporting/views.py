"""Reporting pages (R23): the dashboard, the lists behind its figures, a unit's own history, and
the downloads with their progress. Every view asks one access helper first (R30)."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseBadRequest, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_GET, require_POST

from core.csv import stream_csv
from core.uploads import serve
from core.years import open_year
from reporting import country as country_page
from reporting import dashboard, history, selectors, services
from reporting.exports import ExportRequest, csv_exporters, get_exporter
from reporting.filters import SpotFilterForm, UnitFilterForm, described
from reporting.forms import AreaForm, ExportForm
from reporting.summary import summarize, summary_years

PAGE_SIZE = 50


def _scope_year(request, form, choices=False):
    """The scope asked for (access checked first), the years it has, the year and the view."""
    area = selectors.get_area_for_user(request.user, **form.area_arguments())
    years = summary_years([area], timezone.localdate())
    year = form.value("year", None)
    if year is None or choices:
        # The year open for the reader (R37), and the years its windows have opened.
        found = open_year(request)
        years = found.choices(years) if choices else years
        year = found.year if year is None else year
    if year not in years:
        years = sorted({*years, year})
    return area, years, year, form.view_value()


@login_required
@require_GET
def summary(request):
    form = AreaForm(request.GET)
    area, years, year, view = _scope_year(request, form, choices=True)
    context = dashboard.dashboard_context(area, year, years, view)
    provinces = list(selectors.provinces_for_user(request.user))
    context.update(
        provinces=provinces,
        committees=selectors.committees_for_user(request.user),
        csv_exporters=csv_exporters(),
        national=len(provinces) > 1,
        recent_exports=selectors.exports_of(request.user, 5),
    )
    return render(request, "reporting/summary.html", context)


@login_required
@require_GET
def country(request):
    """Every province the reader reads as a whole, one line each (R23): for readers of several
    provinces; another reader sees their own province's line only (R30)."""
    areas = selectors.national_areas_for_user(request.user)
    form = AreaForm(request.GET)
    found = open_year(request)
    year = form.value("year", found.year)
    years = sorted({*found.choices(summary_years(areas, timezone.localdate())), year})
    context = country_page.country_context(areas, year)
    context.update(years=years, national=len(areas) > 1)
    return render(request, "reporting/country.html", context)


def _list_context(request, form, area, year, view):
    return {
        "area": area,
        "year": year,
        "view": view,
        "filters": described(form),
        "group_unit": _group_unit(area, form),
        "back_query": urlencode(dashboard.Links(area, year, view).base),
    }


def _group_unit(area, form):
    for name in ("unit", "locality"):
        pk = form.cleaned_data.get(name) if form.is_valid() else None
        if pk is not None and pk in area.units:
            return area.units[pk]
    return None


@login_required
@require_GET
def bright_spots(request):
    """The bright spots a figure counts: the same filters as the figure (`reporting.filters`)."""
    area, _years, year, view = _scope_year(request, AreaForm(request.GET))
    form = SpotFilterForm(_group_data(request))
    page = Paginator(form.filter(area, year), PAGE_SIZE).get_page(request.GET.get("page"))
    context = _list_context(request, form, area, year, view)
    context.update(page=page, query=_query_without_page(request))
    return render(request, "reporting/bright_spots.html", context)


@login_required
@require_GET
def units(request):
    """The units a figure counts, named, with what each registered (R7)."""
    area, _years, year, view = _scope_year(request, AreaForm(request.GET))
    form = UnitFilterForm(_group_data(request))
    year_summary = summarize(area, [year], view, detail=())[year]  # its facts are enough
    facts = form.filter(area, year_summary)
    page = Paginator(facts, PAGE_SIZE).get_page(request.GET.get("page"))
    context = _list_context(request, form, area, year, view)
    context.update(page=page, query=_query_without_page(request))
    return render(request, "reporting/units.html", context)


def _group_data(request):
    data = request.GET.copy()
    data.pop("unit", None)
    # In the lists, `unit` is the scope's subtree; the row of the summary comes as `row`.
    if "row" in request.GET:
        data["unit"] = request.GET["row"]
    return data


def _query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@login_required
@require_GET
def unit_history(request, pk: int):
    """A unit's own history, year by year, with the units merged into it (item 5, R2)."""
    unit = selectors.get_unit_for_history(request.user, pk)
    return render(request, "reporting/unit_history.html", history.unit_history(unit))


@login_required
@require_GET
def download_csv(request, identifier: str):
    """A CSV table of the summary, streamed as it is read."""
    form = AreaForm(request.GET)
    areas = [selectors.get_area_for_user(request.user, **form.area_arguments())]
    exporter = get_exporter(identifier)
    if exporter is None or not exporter.streamed:
        raise Http404
    years = summary_years(areas, timezone.localdate())
    last = form.value("year", years[-1])
    # Years before the programme's first have nothing to count: a CSV never reaches before it.
    first = max(form.value("first_year", last), years[0])
    export = ExportRequest(
        areas=areas, years=list(range(min(first, last), last + 1)), view=form.view_value()
    )
    lines = exporter.lines(export)
    return stream_csv(exporter.filename(export), next(lines), lines)


@login_required
@require_POST
def export_create(request):
    """Ask for a workbook or a PDF: recorded, produced in the background, then offered."""
    selectors.require_summary_reader(request.user)
    form = ExportForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest()
    data = form.cleaned_data
    if data["national"]:
        areas = selectors.national_areas_for_user(request.user)
    else:
        areas = [selectors.get_area_for_user(request.user, **form.area_arguments())]
    exporter = get_exporter(data["exporter"])
    if (
        exporter is None
        or exporter.streamed
        or (data["national"] and not exporter.several_provinces)
    ):
        raise Http404
    last = data.get("year") or timezone.localdate().year
    years = list(range(data.get("first_year") or last, last + 1))
    export = services.export_request(
        user=request.user, exporter=exporter, areas=areas, years=years,
        view=form.view_value(), language=get_language(),
        options={**form.area_arguments(), "national": data["national"]},
    )  # fmt: skip
    return redirect("reporting:export-detail", export.pk)


@login_required
@require_GET
def export_detail(request, pk: int):
    """The progress page: it polls `export_status` and offers the file when it is ready."""
    export = selectors.get_export_for_user(request.user, pk)
    context = {"export": export, "keep_days": settings.EXPORT_KEEP_DAYS}
    return render(request, "reporting/export_detail.html", context)


@login_required
@require_GET
def export_status(request, pk: int):
    export = selectors.get_export_for_user(request.user, pk)
    ready = export.status == export.Status.DONE
    return JsonResponse(
        {
            "status": export.status,
            "status_label": export.get_status_display(),
            "progress": export.progress,
            "finished": export.is_finished,
            "error": export.error,
            "download_url": reverse("reporting:export-download", args=[export.pk]) if ready else "",
        }
    )


@login_required
@require_GET
def export_download(request, pk: int):
    export = selectors.get_export_for_user(request.user, pk)
    if export.status != export.Status.DONE:
        raise Http404
    response = serve(export.file, export.filename)
    response["Content-Type"] = export.content_type
    return response
