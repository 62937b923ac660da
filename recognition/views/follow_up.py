"""The committee's yearly follow-up of a recognized bright spot (R40)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from recognition import selectors, services
from recognition.forms import FollowUpForm, attach_errors


@login_required
def follow_up(request, pk: int):
    """Record this year's (or a past year's) review; the history is shown with it."""
    dossier = selectors.get_dossier_for_committee(request.user, pk)
    form = FollowUpForm(request.POST or None, initial={"year": timezone.localdate().year})
    if request.method == "POST" and form.is_valid():
        try:
            services.follow_up_record(dossier=dossier, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, _("The follow-up review was recorded."))
            return redirect("recognition:dossier-detail", dossier.pk)
    context = {"dossier": dossier, "form": form, "follow_ups": selectors.follow_ups_of(dossier)}
    return render(request, "recognition/follow_up.html", context)
