"""Recognition's documents, rendered in the background by core.renditions (R41, issue 13): the
Decision (PDF as issued, Word draft), a certificate's first download and preview, the
commendation proposal (PDF, Word, Excel), and the unit's recognition request (part 3 of the
dossier, PDF and Word). Each is allowed to whoever the page that offers it
allows, asked again when the job runs (R30)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from core.renditions import Rendered, register
from recognition import documents, selectors, services


def _may(getter, key: str, **options):
    def allowed(user, params) -> bool:
        try:
            getter(user, params[key], **options)
        except (Http404, PermissionDenied):
            return False
        return True

    return allowed


def _decision_pdf(user, params) -> Rendered:
    decision = services.decision_file(selectors.get_decision_for_user(user, params["decision"]))
    with decision.file.open("rb") as handle:
        content = handle.read()
    return Rendered(f"quyet-dinh-{decision.number}-{decision.year}.pdf", "pdf", content)


def _decision_docx(user, params) -> Rendered:
    decision = selectors.get_decision_for_user(user, params["decision"], write=True)
    name = f"du-thao-quyet-dinh-{decision.number}-{decision.year}.docx"
    return Rendered(name, "docx", documents.decision_docx(decision))


def _certificate_pdf(user, params) -> Rendered:
    certificate = selectors.get_certificate_for_user(user, params["certificate"])
    certificate = services.certificate_file(certificate)
    with certificate.file.open("rb") as handle:
        content = handle.read()
    return Rendered(f"giay-chung-nhan-{certificate.serial}.pdf", "pdf", content)


def _certificate_preview(user, params) -> Rendered:
    decision = selectors.get_decision_for_user(user, params["decision"], write=True)
    content = documents.certificate_preview(decision)
    if content is None:
        raise ValueError("the Decision recognizes nothing")
    return Rendered(f"mau-giay-chung-nhan-{decision.number}.pdf", "pdf", content)


def _recognition_request(user, params) -> Rendered:
    dossier = selectors.get_dossier_for_user(user, params["dossier"], write=True)
    kind = params["format"]
    if kind not in ("pdf", "docx"):
        raise ValueError(f"no request in {kind!r}")
    name = f"cong-van-de-nghi-cong-nhan-{dossier.year}-{dossier.pk}.{kind}"
    return Rendered(name, kind, documents.recognition_request_file(dossier, kind))


def _proposal(render, extension: str):
    def rendered(user, params) -> Rendered:
        proposal = selectors.get_proposal_for_user(user, params["proposal"])
        name = f"de-nghi-khen-thuong-{proposal.period_start}-{proposal.period_end}.{extension}"
        return Rendered(name, extension, render(proposal))

    return rendered


register("recognition.decision_pdf", render=_decision_pdf,
         allowed=_may(selectors.get_decision_for_user, "decision"))  # fmt: skip
register("recognition.decision_docx", render=_decision_docx,
         allowed=_may(selectors.get_decision_for_user, "decision", write=True))  # fmt: skip
register("recognition.certificate_pdf", render=_certificate_pdf,
         allowed=_may(selectors.get_certificate_for_user, "certificate"))  # fmt: skip
register("recognition.certificate_preview", render=_certificate_preview,
         allowed=_may(selectors.get_decision_for_user, "decision", write=True))  # fmt: skip
register("recognition.recognition_request", render=_recognition_request,
         allowed=_may(selectors.get_dossier_for_user, "dossier", write=True))  # fmt: skip
for _extension, _render in (("pdf", documents.proposal_pdf), ("docx", documents.proposal_docx),
                            ("xlsx", documents.proposal_xlsx)):  # fmt: skip
    register(f"recognition.proposal_{_extension}", render=_proposal(_render, _extension),
             allowed=_may(selectors.get_proposal_for_user, "proposal"))  # fmt: skip
