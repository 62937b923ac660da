"""The unit's side: its accepted bright spots, their dossiers, the three parts, submission
(R16, R17)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from core.drafts import draft_saved
from core.renditions import rendition_redirect
from core.uploads import serve
from core.years import year_param
from organisation.scope import scope_for
from organisation.selectors import get_unit_for_user
from recognition import selectors, services
from recognition.forms import DispatchForm, EvaluationForm, ReportForm, attach_errors
from registry.forms import VersionForm

PARTS = {
    "report": (ReportForm, services.dossier_save_report, gettext_lazy("Report of achievements")),
    "evaluation": (EvaluationForm, services.dossier_save_evaluation, gettext_lazy("Evaluation")),
    "dispatch": (DispatchForm, services.dossier_save_dispatch, gettext_lazy("Official dispatch")),
}
FILES = {"report": "report_file", "evaluation": "evaluation_file", "dispatch": "dispatch_file"}


@login_required
def unit_dossiers(request, pk: int):
    """A unit's accepted bright spots of a year and where their dossiers stand."""
    unit = get_unit_for_user(request.user, pk)
    acts = scope_for(request.user).acts_for_unit(unit)
    context = {
        "summary": selectors.unit_recognition(unit, year_param(request), with_drafts=acts),
        "acts": acts,
    }
    return render(request, "recognition/unit_dossiers.html", context)


@login_required
@require_POST
def dossier_start(request, pk: int):
    bright_spot = selectors.get_bright_spot_for_dossier(request.user, pk)
    try:
        dossier = services.dossier_start(bright_spot=bright_spot, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("registry:bright-spot-detail", bright_spot.pk)
    return redirect("recognition:dossier-detail", dossier.pk)


@login_required
def dossier_detail(request, pk: int):
    dossier = selectors.get_dossier_for_user(request.user, pk)
    scope = scope_for(request.user)
    context = {
        "page": selectors.dossier_page(dossier),
        "dossier": dossier,
        "acts": scope.acts_for_unit(dossier.unit),
        "reviews": selectors.acts_for_dossier_committee(request.user, dossier),
        "version_form": VersionForm(initial={"version": dossier.version}),
    }
    return render(request, "recognition/dossier_detail.html", context)


@login_required
def dossier_part(request, pk: int, part: str):
    """Edit one of the three parts of the dossier (R17)."""
    if part not in PARTS:
        raise Http404
    dossier = selectors.get_dossier_for_user(request.user, pk, write=True)
    if not dossier.is_editable:
        messages.error(
            request,
            _("The dossier can be changed only while it is prepared or a supplement is requested."),
        )
        return redirect("recognition:dossier-detail", dossier.pk)
    form_class, save, title = PARTS[part]
    extra = {"assessments": selectors.dossier_assessments(dossier)} if part == "report" else {}
    initial = {"version": dossier.version, **_initial(dossier, form_class)}
    form = form_class(request.POST or None, request.FILES or None, initial=initial, **extra)
    if request.method == "POST" and form.is_valid():
        values = {k: v for k, v in form.cleaned_data.items() if k in _model_fields(form_class)}
        if part == "report":
            values["assessments"] = form.assessment_values()
        try:
            save(dossier=dossier, version=form.cleaned_data["version"], by=request.user, **values)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            draft_saved(request, f"dossier-{dossier.pk}-{part}", _("Saved."))
            return redirect("recognition:dossier-detail", dossier.pk)
    context = {"dossier": dossier, "form": form, "part": part, "title": title}
    return render(request, "recognition/dossier_part.html", context)


def _model_fields(form_class) -> list[str]:
    return [name for name in form_class.base_fields if name != "version"]


def _initial(dossier, form_class) -> dict:
    return {
        name: getattr(dossier, name)
        for name in _model_fields(form_class)
        if not name.endswith("_file")
    }


@login_required
@require_POST
def dossier_submit(request, pk: int):
    dossier = selectors.get_dossier_for_user(request.user, pk, write=True)
    form = VersionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The page was incomplete; reload it and try again."))
        return redirect("recognition:dossier-detail", dossier.pk)
    try:
        services.dossier_submit(
            dossier=dossier, version=form.cleaned_data["version"], by=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The dossier was submitted to %(committee)s.")
            % {"committee": dossier.committee.name},
        )
    return redirect("recognition:dossier-detail", dossier.pk)


@login_required
@require_GET
def recognition_request(request, pk: int):
    """Part 3 as a paper to sign: the unit's request for recognition, from what it entered, as a
    PDF (`?format=pdf`) or a Word draft (the default), rendered in the background (issue 13)."""
    dossier = selectors.get_dossier_for_user(request.user, pk, write=True)
    kind = request.GET.get("format", "docx")
    if kind not in ("pdf", "docx"):
        raise Http404
    params = {"dossier": dossier.pk, "format": kind}
    return rendition_redirect(request, "recognition.recognition_request", params,
                              title=dossier.bright_spot.name)  # fmt: skip


@login_required
@require_GET
def dossier_file(request, pk: int, part: str):
    """A document of the dossier, for those who may read the dossier (R32)."""
    if part not in FILES:
        raise Http404
    dossier = selectors.get_dossier_for_user(request.user, pk)
    stored = getattr(dossier, FILES[part])
    if not stored:
        raise Http404
    return serve(stored, getattr(dossier, f"{FILES[part]}_name"))
