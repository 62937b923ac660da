from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseBadRequest
from django.shortcuts import render
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from registry import selectors, services
from registry.home import home_panels


@login_required
def home(request):
    return render(request, "registry/home.html", home_panels(request.user))


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
    return render(request, "registry/unit_detail.html", context)


@login_required
def committee_detail(request, pk: int):
    committee = selectors.get_committee_for_user(request.user, pk)
    return render(request, "registry/committee_detail.html", {"committee": committee})
