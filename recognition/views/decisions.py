"""Decisions (R19) and their certificates (R20): record, read, annul, the Decision as a PDF,
issuing certificates in bulk with a progress page, each certificate and the zip of all."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.renditions import rendition_redirect
from core.uploads import serve
from core.years import year_param
from organisation.scope import scope_for
from organisation.selectors import get_committee_for_user
from recognition import selectors, services
from recognition.forms import AnnulForm, DecisionFinalForm, DecisionForm, attach_errors


@login_required
def committee_decisions(request, pk: int):
    committee = get_committee_for_user(request.user, pk)
    context = {
        "committee": committee,
        "decisions": selectors.committee_decisions(committee),
        "acts": scope_for(request.user).acts_for_committee(committee),
    }
    return render(request, "recognition/committee_decisions.html", context)


@login_required
def decision_create(request, pk: int):
    """Record a Decision and its annex from the dossiers the committee proposed (R19)."""
    committee = get_committee_for_user(request.user, pk, write=True)
    year = year_param(request)
    authorities = selectors.authorities_for(committee)
    first = authorities.first()
    initial = {"date": timezone.localdate()}
    if first:
        initial["number"] = selectors.next_decision_number(first, timezone.localdate().year)
    form = DecisionForm(
        request.POST or None,
        initial=initial,
        authorities=authorities,
        dossiers=selectors.proposed_dossiers(committee, year),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            decision = services.decision_record(
                committee=committee, authority=data["authority"], number=data["number"],
                date=data["date"], dossiers=list(data["dossiers"]),
                legal_bases=data["legal_bases"] or None, by=request.user,
            )  # fmt: skip
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, _("The Decision was recorded."))
            return redirect("recognition:decision-detail", decision.pk)
    context = {"committee": committee, "form": form, "year": year, "authorities": authorities}
    return render(request, "recognition/decision_form.html", context)


@login_required
def decision_detail(request, pk: int):
    decision = selectors.get_decision_for_user(request.user, pk)
    acts = scope_for(request.user).acts_for_committee(decision.committee)
    context = {
        "decision": decision,
        "recognitions": selectors.decision_recognitions(decision),
        "acts": acts,
        "progress": selectors.certificate_progress(decision),
        "annul_form": AnnulForm() if acts else None,
    }
    return render(request, "recognition/decision_detail.html", context)


@login_required
@require_GET
def decision_pdf(request, pk: int):
    """The Decision in the administrative format (Decree 30), with its annex."""
    decision = selectors.get_decision_for_user(request.user, pk)
    if not services.stored(decision.file):  # rendered (and signed) in the background
        return rendition_redirect(request, "recognition.decision_pdf", {"decision": decision.pk},
                                  title=decision.reference)  # fmt: skip
    response = FileResponse(
        decision.file.open("rb"),
        as_attachment=True,
        filename=f"quyet-dinh-{decision.number}-{decision.year}.pdf",
        content_type="application/pdf",
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def decision_docx(request, pk: int):
    """The Decision as a Word draft, for the office to edit before signing (R41)."""
    decision = selectors.get_decision_for_user(request.user, pk, write=True)
    return rendition_redirect(request, "recognition.decision_docx", {"decision": decision.pk},
                              title=decision.reference)  # fmt: skip


@login_required
def decision_final(request, pk: int):
    """File back the Decision as edited and signed: checked against its number and date."""
    decision = selectors.get_decision_for_user(request.user, pk, write=True)
    form = DecisionFinalForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.decision_final_upload(
                decision=decision, file=form.cleaned_data["file"], by=request.user
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, _("The signed Decision was filed as its final document."))
            return redirect("recognition:decision-detail", decision.pk)
    return render(request, "recognition/decision_final.html", {"decision": decision, "form": form})


@login_required
@require_GET
def decision_final_file(request, pk: int):
    """The final, signed document of the Decision, for those who read the Decision."""
    decision = selectors.get_decision_for_user(request.user, pk)
    if not decision.final_file:
        raise Http404
    return serve(decision.final_file, f"quyet-dinh-{decision.number}-{decision.year}-da-ky.pdf")


@login_required
@require_POST
def decision_annul(request, pk: int):
    decision = selectors.get_decision_for_user(request.user, pk, write=True)
    form = AnnulForm(request.POST)
    if form.is_valid():
        try:
            services.decision_annul(
                decision=decision, reason=form.cleaned_data["reason"], by=request.user
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("The Decision was annulled; its certificates now read as revoked.")
            )
    else:
        messages.error(request, _("Give the reason for the annulment."))
    return redirect("recognition:decision-detail", decision.pk)


@login_required
@require_POST
def certificates_issue(request, pk: int):
    """Start issuing the Decision's certificates in the background; follow on the progress page."""
    decision = selectors.get_decision_for_user(request.user, pk, write=True)
    try:
        services.certificates_issue(decision=decision, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("recognition:decision-detail", decision.pk)
    return redirect("recognition:certificates-progress", decision.pk)


@login_required
def certificates_progress(request, pk: int):
    decision = selectors.get_decision_for_user(request.user, pk)
    context = {"decision": decision, "progress": selectors.certificate_progress(decision)}
    return render(request, "recognition/certificates_progress.html", context)


@login_required
@require_GET
def certificates_progress_json(request, pk: int):
    """What the progress page polls: counts only, cheap to ask every second."""
    decision = selectors.get_decision_for_user(request.user, pk)
    response = JsonResponse(selectors.certificate_progress(decision))
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_GET
def certificates_zip(request, pk: int):
    """All certificates of the Decision in one zip, once the bulk issue has stored it."""
    decision = selectors.get_decision_for_staff(request.user, pk)
    batch = getattr(decision, "batch", None)
    if (
        batch is None
        or not batch.zip_file
        or not selectors.certificate_progress(decision)["finished"]
    ):
        raise Http404
    response = FileResponse(
        batch.zip_file.open("rb"),
        as_attachment=True,
        filename=f"giay-chung-nhan-qd-{decision.number}-{decision.year}.zip",
        content_type="application/zip",
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def certificate_pdf(request, pk: int):
    """One certificate: for its unit, the committee and provincial staff (R20, R30)."""
    certificate = selectors.get_certificate_for_user(request.user, pk)
    if not services.stored(certificate.file):  # its first download: rendered in the background
        return rendition_redirect(request, "recognition.certificate_pdf",
                                  {"certificate": certificate.pk}, title=certificate.serial)  # fmt: skip
    response = FileResponse(
        certificate.file.open("rb"),
        as_attachment=request.GET.get("inline") != "1",
        filename=f"giay-chung-nhan-{certificate.serial}.pdf",
        content_type="application/pdf",
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def certificate_preview(request, pk: int):
    """A preview of the Decision's certificates, marked as a sample, before issuing them."""
    decision = selectors.get_decision_for_user(request.user, pk, write=True)
    if not decision.recognitions.exists():
        raise Http404
    return rendition_redirect(request, "recognition.certificate_preview",
                              {"decision": decision.pk}, title=decision.reference)  # fmt: skip
