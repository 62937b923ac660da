"""A unit's year and its bright spots: create, edit, submit, withdraw, resubmit (R5–R10)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.drafts import draft_saved
from core.uploads import serve
from core.years import year_param
from organisation.scope import scope_for
from organisation.selectors import get_unit_for_user
from registry import bright_spot_parts, selectors, services
from registry.forms import (
    BrightSpotForm,
    MilestoneFormSet,
    ReviewForm,
    SignedPaperForm,
    StaffFormSet,
    VersionForm,
    WithdrawForm,
)


@login_required
def unit_year(request, pk: int):
    """The unit's registration for a year: deadline, days left, what is missing, its list."""
    unit = get_unit_for_user(request.user, pk)
    acts = scope_for(request.user).acts_for_unit(unit)
    summary = selectors.unit_year(unit, year_param(request), with_drafts=acts)
    context = {"summary": summary, "acts": acts}
    if acts:
        context["paper_form"] = SignedPaperForm()
        context["dispatch_upload_url"] = reverse(
            "registry:registration-dispatch-upload", args=[unit.pk, summary.year]
        )
    return render(request, "registry/unit_year.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def registration_submit(request, pk: int, year: int):
    """GET: what the submission sends and to whom, with the button that confirms it. POST:
    submit the list (R7–R9)."""
    unit = get_unit_for_user(request.user, pk, write=True)
    if request.method == "GET":
        return _confirm_submission(request, unit, year)
    try:
        result = services.registration_submit(unit=unit, year=year, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if result.submitted:
            messages.success(
                request,
                ngettext(
                    "The list was submitted: %(n)s bright spot sent.",
                    "The list was submitted: %(n)s bright spots sent.",
                    result.submitted,
                )
                % {"n": result.submitted},
            )
        else:
            messages.info(request, _("The list was already submitted; nothing new to send."))
    return redirect(f"{reverse('registry:unit-year', args=[unit.pk])}?year={year}")


def _confirm_submission(request, unit, year: int):
    summary = selectors.unit_year(unit, year)
    try:
        destinations, problem = selectors.submission_preview(unit, year), ""
    except ValidationError as error:
        destinations, problem = [], " ".join(error.messages)
    context = {
        "summary": summary,
        "destinations": destinations,
        "problem": problem,
        "count": sum(len(d.bright_spots) for d in destinations),
    }
    return render(request, "registry/registration_confirm.html", context)


def draft_key(unit, year, bright_spot=None) -> str:
    """The key under which the browser keeps an unsaved form (see bright_spot_form.html)."""
    return f"bright-spot-{bright_spot.pk if bright_spot else 'new'}-{unit.pk}-{year}"


def _editor(request, *, unit, year, instance=None):
    """The bright spot form with its two formsets, bound on POST."""
    data = request.POST if request.method == "POST" else None
    files = request.FILES if request.method == "POST" else None
    summary_levels = selectors.unit_levels(unit, year)
    form = BrightSpotForm(
        data,
        files,
        instance=instance,
        unit=unit,
        year=year,
        levels=summary_levels,
        previous=selectors.previous_bright_spots(unit, year),
        initial={"field": request.GET.get("field")} if instance is None else None,
    )
    staff_initial = (
        [
            {"name": s.name, "position": s.position, "phone": s.phone, "email": s.email}
            for s in instance.staff.all()
        ]
        if instance
        else []
    )
    milestone_initial = (
        [{"id": m.pk, "title": m.title, "due": m.due} for m in instance.milestones.all()]
        if instance
        else []
    )
    staff = StaffFormSet(data, prefix="staff", initial=staff_initial)
    milestones = MilestoneFormSet(data, prefix="milestones", initial=milestone_initial)
    return form, staff, milestones


def _save(form, staff, milestones, save):
    """Validate the three parts; call the service; answer the saved bright spot or None."""
    if not all([form.is_valid(), staff.is_valid(), milestones.is_valid()]):
        return None
    try:
        return save(
            values=form.values(),
            parts=form.part_values(),
            staff=staff.rows(),
            milestones=milestones.rows(),
            plan_file=form.cleaned_data.get("plan_file"),
        )
    except ValidationError as error:
        form.add_error(None, error)
        return None


@login_required
def bright_spot_create(request, pk: int):
    unit = get_unit_for_user(request.user, pk, write=True)
    year = year_param(request)
    form, staff, milestones = _editor(request, unit=unit, year=year)
    if request.method == "POST":
        saved = _save(
            form,
            staff,
            milestones,
            lambda **parts: services.bright_spot_create(
                unit=unit, year=year, by=request.user, **parts
            ),
        )
        if saved:
            draft_saved(
                request,
                draft_key(unit, year),
                _("The bright spot was saved as a draft. Submit the list when it is complete."),
            )
            return redirect("registry:bright-spot-detail", saved.pk)
    context = {
        "form": form,
        "staff": staff,
        "milestones": milestones,
        "unit": unit,
        "year": year,
        "draft_key": draft_key(unit, year),
        "form_parts": bright_spot_parts.form_templates(),
    }
    return render(request, "registry/bright_spot_form.html", context)


@login_required
def bright_spot_edit(request, pk: int):
    bright_spot = selectors.get_bright_spot_for_user(request.user, pk, write=True)
    if not bright_spot.is_editable:
        messages.error(
            request, _("Only a draft or a bright spot returned for revision can be edited.")
        )
        return redirect("registry:bright-spot-detail", bright_spot.pk)
    unit, year = bright_spot.unit, bright_spot.year
    form, staff, milestones = _editor(request, unit=unit, year=year, instance=bright_spot)
    version = bright_spot.version
    if request.method == "POST":
        # The version the page was loaded with (R31); a form without a valid one counts as stale
        # (no row has version 0), so it cannot overwrite someone else's change.
        stamp = VersionForm(request.POST)
        version = stamp.cleaned_data["version"] if stamp.is_valid() else 0
        saved = _save(
            form,
            staff,
            milestones,
            lambda **parts: services.bright_spot_update(
                bright_spot=bright_spot, version=version, by=request.user, **parts
            ),
        )
        if saved:
            draft_saved(request, draft_key(unit, year, bright_spot), _("Your changes were saved."))
            return redirect("registry:bright-spot-detail", saved.pk)
    context = {
        "form": form,
        "staff": staff,
        "milestones": milestones,
        "unit": unit,
        "year": year,
        "bright_spot": bright_spot,
        "version": version,
        "draft_key": draft_key(unit, year, bright_spot),
        "form_parts": bright_spot_parts.form_templates(),
    }
    return render(request, "registry/bright_spot_form.html", context)


@login_required
def bright_spot_detail(request, pk: int):
    bright_spot = selectors.get_bright_spot_for_user(request.user, pk)
    scope = scope_for(request.user)
    context = {
        "bright_spot": bright_spot,
        "acts": scope.acts_for_unit(bright_spot.unit),
        "reviews": bright_spot.recipient is not None
        and scope.acts_for_committee(bright_spot.recipient),
        "review_form": ReviewForm(initial={"version": bright_spot.version}),
        "withdraw_form": WithdrawForm(initial={"version": bright_spot.version}),
        **selectors.bright_spot_page(bright_spot),
    }
    return render(request, "registry/bright_spot_detail.html", context)


def _act(request, bright_spot, action, form_class=VersionForm, success=""):
    """Run a POSTed state change; errors (and "changed meanwhile") come back as messages."""
    form = form_class(request.POST)
    if form.is_valid():
        try:
            action(form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, success)
    else:
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
    return redirect("registry:bright-spot-detail", bright_spot.pk)


@login_required
@require_POST
def bright_spot_withdraw(request, pk: int):
    bright_spot = selectors.get_bright_spot_for_user(request.user, pk, write=True)
    return _act(
        request,
        bright_spot,
        lambda data: services.bright_spot_withdraw(
            bright_spot=bright_spot, reason=data["reason"], version=data["version"], by=request.user
        ),
        WithdrawForm,
        _("The bright spot was withdrawn."),
    )


@login_required
@require_POST
def bright_spot_resubmit(request, pk: int):
    bright_spot = selectors.get_bright_spot_for_user(request.user, pk, write=True)
    return _act(
        request,
        bright_spot,
        lambda data: services.bright_spot_resubmit(
            bright_spot=bright_spot, version=data["version"], by=request.user
        ),
        success=_("The bright spot was sent back to the committee."),
    )


@login_required
@require_POST
def bright_spot_delete(request, pk: int):
    bright_spot = selectors.get_bright_spot_for_user(request.user, pk, write=True)
    unit, year = bright_spot.unit, bright_spot.year
    try:
        services.bright_spot_delete_draft(bright_spot=bright_spot, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("registry:bright-spot-detail", pk)
    messages.success(request, _("The draft was deleted."))
    return redirect(f"{reverse('registry:unit-year', args=[unit.pk])}?year={year}")


@login_required
@require_POST
def bright_spot_review(request, pk: int):
    bright_spot = selectors.get_bright_spot_for_review(request.user, pk)
    return _act(
        request,
        bright_spot,
        lambda data: services.bright_spot_review(
            bright_spot=bright_spot,
            accept=data["decision"] == "accept",
            comment=data["comment"],
            version=data["version"],
            by=request.user,
        ),
        ReviewForm,
        _("Your review was recorded."),
    )


@login_required
@require_GET
def plan_file(request, pk: int):
    bright_spot = selectors.get_bright_spot_for_user(request.user, pk)
    if not bright_spot.plan_file:
        raise Http404
    return serve(bright_spot.plan_file, bright_spot.plan_file_name)
