"""The home page, the language switch, and the pages of a unit and a committee."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_POST
from django.views.i18n import set_language

from organisation import selectors, services
from organisation.home import home_panels


@login_required
def home(request):
    return render(request, "organisation/home.html", home_panels(request))


@require_POST
def language_set(request):
    """Switch the interface language; a logged-in user's choice also sets their e-mail language."""
    language = request.POST.get("language")
    if language not in dict(settings.LANGUAGES):
        return HttpResponseBadRequest()
    services.user_set_language(user=request.user, language=language)
    return set_language(request)


@login_required
def unit_detail(request, pk: int):
    unit = selectors.get_unit_for_user(request.user, pk)
    context = {
        "unit": unit,
        "children": selectors.unit_children(unit),
        "predecessors": unit.predecessors.order_by("name_sort"),
        "committees": unit.committees.filter(active=True).order_by("name"),
    }
    return render(request, "organisation/unit_detail.html", context)


@login_required
def committee_detail(request, pk: int):
    committee = selectors.get_committee_for_user(request.user, pk)
    return render(request, "organisation/committee_detail.html", {"committee": committee})


@login_required
@require_GET
def unit_search(request):
    """Search-as-you-type for the unit filters: at most 20 units in the user's scope."""
    text = request.GET.get("q", "").strip()
    units = selectors.unit_search(request.user, text) if len(text) >= 2 else []
    return JsonResponse(
        {
            "results": [
                {
                    "id": unit.pk,
                    "name": unit.name,
                    "detail": " · ".join(
                        filter(
                            None, [unit.get_kind_display(), unit.parent.name if unit.parent else ""]
                        )
                    ),
                    "ended": bool(unit.valid_to),
                }
                for unit in units
            ]
        }
    )
