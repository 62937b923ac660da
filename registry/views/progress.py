"""During the year (R11): milestones, progress entries and the annual report."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.drafts import draft_saved
from core.uploads import serve
from core.years import year_param
from organisation.selectors import get_unit_for_user
from registry import selectors, services
from registry.deadlines import period_for
from registry.forms import AnnualReportForm, MilestoneUpdateForm, ProgressForm, SignedPaperForm
from registry.models import AnnualReport


@login_required
def progress_add(request, pk: int):
    bright_spot = selectors.get_bright_spot_for_user(request.user, pk, write=True)
    form = ProgressForm(request.POST or None, request.FILES or None, bright_spot=bright_spot)
    if request.method == "POST" and form.is_valid():
        try:
            services.progress_add(bright_spot=bright_spot, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            draft_saved(
                request, f"progress-{bright_spot.pk}", _("The progress entry was recorded.")
            )
            return redirect("registry:bright-spot-detail", bright_spot.pk)
    return render(
        request, "registry/progress_form.html", {"bright_spot": bright_spot, "form": form}
    )


@login_required
@require_POST
def milestone_update(request, pk: int):
    milestone = selectors.get_milestone_for_user(request.user, pk)
    form = MilestoneUpdateForm(request.POST)
    if form.is_valid():
        try:
            services.milestone_update(milestone=milestone, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The milestone was updated."))
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("registry:bright-spot-detail", milestone.bright_spot_id)


@login_required
@require_GET
def evidence_file(request, pk: int):
    entry = selectors.get_progress_entry_for_user(request.user, pk)
    if not entry.evidence:
        raise Http404
    return serve(entry.evidence, entry.evidence_name)


@login_required
def annual_report(request, pk: int):
    """The unit's annual summary report (R11): write, save as draft, submit by 30 November."""
    unit = get_unit_for_user(request.user, pk, write=True)
    year = year_param(request)
    report = selectors.annual_report_of(unit, year)
    bright_spots = selectors.reportable_bright_spots(unit, year)
    items = {item.bright_spot_id: item for item in report.items.all()} if report else {}
    initial = {"summary": report.summary, "next_year_plan": report.next_year_plan} if report else {}
    form = AnnualReportForm(
        request.POST or None, initial=initial, bright_spots=bright_spots, items=items
    )
    submitted = report is not None and report.status == AnnualReport.Status.SUBMITTED
    if request.method == "POST" and not submitted and form.is_valid():
        submitting = "submit" in request.POST
        save = services.annual_report_save_and_submit if submitting else services.annual_report_save
        try:
            save(
                unit=unit,
                year=year,
                summary=form.cleaned_data["summary"],
                next_year_plan=form.cleaned_data["next_year_plan"],
                results=form.results(),
                by=request.user,
            )
            key = f"annual-report-{unit.pk}-{year}"
            if submitting:
                draft_saved(request, key, _("The annual report was submitted."))
            else:
                draft_saved(request, key, _("The draft report was saved."))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect(f"{request.path}?year={year}")
    context = {
        "unit": unit,
        "year": year,
        "form": form,
        "report": report,
        "submitted": submitted,
        "deadline": period_for(unit.province, year).report_deadline,
        "paper_form": SignedPaperForm(),
    }
    return render(request, "registry/annual_report_form.html", context)


@login_required
def annual_report_detail(request, pk: int):
    report = selectors.get_annual_report_for_user(request.user, pk)
    context = {"report": report, "items": selectors.annual_report_items(report)}
    return render(request, "registry/annual_report_detail.html", context)


@login_required
def annual_reports(request):
    """Reports received in the user's scope, for committees and provincial staff (R11)."""
    year = year_param(request)
    reports = selectors.annual_reports_for_user(request.user, year)
    return render(request, "registry/annual_reports.html", {"year": year, "reports": reports})
