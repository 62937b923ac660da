"""Committee work: the inbox (R8), units that have not complied (R7), extensions (R9), the
level's yearly plan (R40)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from core.choices import choice_label
from core.csv import iso, stamp, stream_csv
from core.text import fold
from core.uploads import serve
from core.years import open_year, year_param
from organisation.scope import scope_for
from organisation.selectors import get_committee_for_user, units_for_user
from registry import selectors, services
from registry.filters import InboxFilter
from registry.forms import ExtensionForm, LevelPlanForm

PAGE_SIZE = 25


def _inbox_filter(request, committee):
    data = request.GET.copy()
    data.setdefault("year", str(open_year(request).year))
    units = units_for_user(request.user)
    return InboxFilter(data, queryset=selectors.inbox(committee), units=units)


@login_required
def inbox(request, pk: int):
    committee = get_committee_for_user(request.user, pk)
    filtered = _inbox_filter(request, committee)
    page = Paginator(filtered.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "committee": committee,
        "filter": filtered,
        "page": page,
        "query": query.urlencode(),
        "chosen_unit": filtered.chosen_unit(),
        "acts": scope_for(request.user).acts_for_committee(committee),
    }
    return render(request, "registry/inbox.html", context)


@login_required
def inbox_csv(request, pk: int):
    """Exactly what the inbox shows with the same filters, every page, streamed."""
    committee = get_committee_for_user(request.user, pk)
    rows = (
        (
            b.name,
            b.address,
            b.unit.name,
            choice_label(b, "field"),
            choice_label(b, "level"),
            b.year,
            choice_label(b, "status"),
            iso(b.submitted_at),
            choice_label(b, "timeliness"),
            b.recipient.name,
            b.via.name if b.via else "",
            b.copy_to.name if b.copy_to else "",
            b.review_comment,
        )
        for b in _inbox_filter(request, committee).qs.iterator(chunk_size=500)
    )
    header = [
        _("Name"),
        _("Address"),
        _("Unit"),
        _("Field"),
        _("Level"),
        _("Year"),
        _("Status"),
        _("Submitted"),
        _("On time"),
        _("Steering committee"),
        _("Through"),
        _("Copy to"),
        _("Reviewer's comment"),
    ]
    year = request.GET.get("year", "") or str(open_year(request).year)
    scope = slugify(fold(committee.name))[:60]
    year = year if year.isdigit() else "all"
    return stream_csv(f"inbox-{committee.pk}-{scope}-{year}-{stamp()}.csv", header, rows)


@login_required
def non_compliant(request, pk: int):
    """Units of the committee's scope without a submitted list holding both fields (R7)."""
    committee = get_committee_for_user(request.user, pk)
    year = year_param(request)
    units = selectors.non_compliant_units(committee, year)
    page = Paginator(units, 50).get_page(request.GET.get("page"))
    context = {"committee": committee, "year": year, "page": page, "query": f"year={year}"}
    return render(request, "registry/non_compliant.html", context)


@login_required
def extensions(request, pk: int):
    """Extensions granted in the committee's scope, and the form to grant one (R9)."""
    committee = get_committee_for_user(request.user, pk)
    acts = scope_for(request.user).acts_for_committee(committee)
    year = year_param(request)
    form = ExtensionForm(request.POST or None)
    unit = None
    if request.method == "POST":
        committee = get_committee_for_user(request.user, pk, write=True)
        if form.is_valid():
            unit = units_for_user(request.user).filter(pk=form.cleaned_data["unit"]).first()
            if unit is None:
                form.add_error("unit", _("Choose a unit within the committee's scope."))
            else:
                data = form.cleaned_data
                refuse = data["refuse"]
                answer = {"committee": committee, "unit": unit, "year": year,
                          "kind": data["kind"], "reason": data["reason"], "by": request.user}  # fmt: skip
                try:
                    if refuse:
                        services.extension_refuse(**answer)
                    else:
                        services.extension_grant(until=data["until"], **answer)
                except ValidationError as error:
                    form.add_error(None, error)
                else:
                    done = (
                        _("The refusal was recorded and %(unit)s is told why.")
                        if refuse
                        else _("The extension was granted to %(unit)s.")
                    )
                    messages.success(request, done % {"unit": unit.name})
                    return redirect("registry:committee-extensions", committee.pk)
    context = {
        "committee": committee,
        "form": form,
        "acts": acts,
        "year": year,
        "extensions": selectors.extensions_of(committee, year),
        "chosen_unit": unit,  # a refused form keeps the unit that was picked (R34)
    }
    return render(request, "registry/extensions.html", context)


@login_required
def plan(request, pk: int):
    """The yearly plan of the committee's level (seed 000 §V, R40): read by who reads the
    committee, recorded or corrected by its staff."""
    committee = get_committee_for_user(request.user, pk, write=request.method == "POST")
    year = year_param(request)
    current = selectors.level_plan_of(committee.level_unit, year)
    initial = {"date": timezone.localdate()}
    if current:
        initial = {name: getattr(current, name) for name in
                   ("number", "date", "target_qcdc", "target_dvcq")}  # fmt: skip
    form = LevelPlanForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.level_plan_save(
                committee=committee, year=year, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _("The plan was recorded."))
            return redirect(
                f"{reverse('registry:committee-plan', args=[committee.pk])}?year={year}"
            )
    context = {
        "committee": committee,
        "form": form,
        "plan": current,
        "year": year,
        "acts": scope_for(request.user).acts_for_committee(committee),
    }
    return render(request, "registry/plan.html", context)


@login_required
@require_GET
def plan_document(request, pk: int):
    plan = selectors.get_plan_for_user(request.user, pk)
    if not plan.document:
        raise Http404
    return serve(plan.document, plan.document_name)
