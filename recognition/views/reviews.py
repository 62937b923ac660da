"""The committee's side of dossiers (R18): the list with filters, assigning reviewers to several
dossiers at once, scoring, supplement requests and the proposal."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.drafts import draft_saved
from core.years import open_year
from organisation.scope import scope_for
from organisation.selectors import get_committee_for_user
from recognition import selectors, services
from recognition.filters import DossierFilter
from recognition.forms import AssignForm, ProposalForm, ScoreForm, SupplementForm, attach_errors

PAGE_SIZE = 25


def _filtered(request, committee):
    data = request.GET.copy()
    data.setdefault("year", str(open_year(request).year))
    return DossierFilter(data, queryset=selectors.committee_dossiers(committee), user=request.user)


@login_required
def committee_dossiers(request, pk: int):
    committee = get_committee_for_user(request.user, pk)
    filtered = _filtered(request, committee)
    page = Paginator(filtered.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    acts = scope_for(request.user).acts_for_committee(committee)
    context = {
        "committee": committee, "filter": filtered, "page": page, "query": query.urlencode(),
        "acts": acts, "reviewers": selectors.reviewer_choices(committee) if acts else [],
    }  # fmt: skip
    return render(request, "recognition/committee_dossiers.html", context)


@login_required
@require_POST
def assign_reviewers(request, pk: int):
    """Assign one or more reviewers to the ticked dossiers (R18)."""
    committee = get_committee_for_user(request.user, pk, write=True)
    form = AssignForm(
        request.POST,
        dossiers=selectors.committee_dossiers(committee),
        reviewers=selectors.reviewer_choices(committee),
    )
    if form.is_valid():
        try:
            count = services.reviewers_assign(
                committee=committee,
                dossiers=list(form.cleaned_data["dossiers"]),
                reviewers=list(form.cleaned_data["reviewers"]),
                by=request.user,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("%(n)s assignment(s) made.") % {"n": count})
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    back = request.POST.get("query", "")
    return redirect(f"{reverse('recognition:committee-dossiers', args=[committee.pk])}?{back}")


@login_required
def score(request, pk: int):
    """The assigned reviewer scores every criterion (R18)."""
    review = selectors.get_review_for_user(request.user, pk)
    dossier = review.dossier
    assessments = selectors.dossier_assessments(dossier)
    scores = {s.criterion_id: s for s in review.scores.all()}
    form = ScoreForm(
        request.POST or None,
        assessments=assessments,
        scores=scores,
        initial={"comment": review.comment},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.review_save(
                review=review, scores=form.scores(), comment=form.cleaned_data["comment"],
                by=request.user,
            )  # fmt: skip
        except ValidationError as error:
            attach_errors(form, error)
        else:
            draft_saved(
                request, f"score-{dossier.pk}-{request.user.pk}", _("Your scores were saved.")
            )
            return redirect("recognition:dossier-detail", dossier.pk)
    return render(request, "recognition/score_form.html", {"dossier": dossier, "form": form})


@login_required
@require_POST
def supplement(request, pk: int):
    dossier = selectors.get_dossier_for_committee(request.user, pk)
    form = SupplementForm(request.POST)
    if form.is_valid():
        try:
            services.supplement_request(
                dossier=dossier, note=form.cleaned_data["note"], due=form.cleaned_data["due"],
                version=form.cleaned_data["version"], by=request.user,
            )  # fmt: skip
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The dossier went back to the unit for a supplement."))
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("recognition:dossier-detail", dossier.pk)


@login_required
@require_POST
def propose(request, pk: int):
    dossier = selectors.get_dossier_for_committee(request.user, pk)
    form = ProposalForm(request.POST)
    if form.is_valid():
        try:
            services.dossier_propose(
                dossier=dossier,
                recognize=form.cleaned_data["proposal"] == "recognize",
                reasons=form.cleaned_data["reasons"],
                version=form.cleaned_data["version"],
                by=request.user,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The committee's proposal was recorded."))
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("recognition:dossier-detail", dossier.pk)
