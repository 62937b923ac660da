from django.urls import path

from recognition.views import commendation, decisions, dossiers, follow_up, public, reviews

app_name = "recognition"
urlpatterns = [
    # Public, no login (R21, R24). /verify/<serial>/ is printed on certificates: never change it.
    path("verify/", public.verify_search, name="verify-search"),
    path("verify/file/", public.verify_file, name="verify-file"),
    path("verify/<path:serial>/", public.verify, name="verify"),
    path("library/", public.library, name="library"),
    path("library/open-data.csv", public.open_data_csv, name="open-data-csv"),
    path("library/open-data.json", public.open_data_json, name="open-data-json"),
    path("library/<int:pk>/", public.library_detail, name="library-detail"),
    # The unit's dossiers (R16, R17).
    path("recognition/units/<int:pk>/", dossiers.unit_dossiers, name="unit-dossiers"),
    path(
        "recognition/bright-spots/<int:pk>/dossier/",
        dossiers.dossier_start,
        name="dossier-start",
    ),
    path("recognition/dossiers/<int:pk>/", dossiers.dossier_detail, name="dossier-detail"),
    path(
        "recognition/dossiers/<int:pk>/edit/<slug:part>/",
        dossiers.dossier_part,
        name="dossier-part",
    ),
    path("recognition/dossiers/<int:pk>/submit/", dossiers.dossier_submit, name="dossier-submit"),
    path(
        "recognition/dossiers/<int:pk>/request/",
        dossiers.recognition_request,
        name="dossier-request",
    ),
    path(
        "recognition/dossiers/<int:pk>/files/<slug:part>/",
        dossiers.dossier_file,
        name="dossier-file",
    ),
    # Review by the committee (R18).
    path("recognition/dossiers/<int:pk>/score/", reviews.score, name="dossier-score"),
    path(
        "recognition/dossiers/<int:pk>/supplement/",
        reviews.supplement,
        name="dossier-supplement",
    ),
    path("recognition/dossiers/<int:pk>/propose/", reviews.propose, name="dossier-propose"),
    path("recognition/dossiers/<int:pk>/follow-up/", follow_up.follow_up, name="dossier-follow-up"),
    path(
        "recognition/committees/<int:pk>/dossiers/",
        reviews.committee_dossiers,
        name="committee-dossiers",
    ),
    path(
        "recognition/committees/<int:pk>/dossiers/assign/",
        reviews.assign_reviewers,
        name="assign-reviewers",
    ),
    # Decisions and certificates (R19, R20).
    path(
        "recognition/committees/<int:pk>/decisions/",
        decisions.committee_decisions,
        name="committee-decisions",
    ),
    path(
        "recognition/committees/<int:pk>/decisions/new/",
        decisions.decision_create,
        name="decision-create",
    ),
    path("recognition/decisions/<int:pk>/", decisions.decision_detail, name="decision-detail"),
    path("recognition/decisions/<int:pk>/pdf/", decisions.decision_pdf, name="decision-pdf"),
    path("recognition/decisions/<int:pk>/docx/", decisions.decision_docx, name="decision-docx"),
    path("recognition/decisions/<int:pk>/final/", decisions.decision_final, name="decision-final"),
    path(
        "recognition/decisions/<int:pk>/final/file/",
        decisions.decision_final_file,
        name="decision-final-file",
    ),
    path("recognition/decisions/<int:pk>/annul/", decisions.decision_annul, name="decision-annul"),
    path(
        "recognition/decisions/<int:pk>/certificates/issue/",
        decisions.certificates_issue,
        name="certificates-issue",
    ),
    path(
        "recognition/decisions/<int:pk>/certificates/progress/",
        decisions.certificates_progress,
        name="certificates-progress",
    ),
    path(
        "recognition/decisions/<int:pk>/certificates/progress.json",
        decisions.certificates_progress_json,
        name="certificates-progress-json",
    ),
    path(
        "recognition/decisions/<int:pk>/certificates.zip",
        decisions.certificates_zip,
        name="certificates-zip",
    ),
    path(
        "recognition/decisions/<int:pk>/certificates/preview/",
        decisions.certificate_preview,
        name="certificate-preview",
    ),
    path("recognition/certificates/<int:pk>/", decisions.certificate_pdf, name="certificate-pdf"),
    # Commendation (R22).
    path(
        "recognition/committees/<int:pk>/commendation/",
        commendation.committee_commendation,
        name="committee-commendation",
    ),
    path(
        "recognition/commendation/<int:pk>/",
        commendation.proposal_detail,
        name="proposal-detail",
    ),
    path(
        "recognition/commendation/<int:pk>/select/",
        commendation.proposal_select,
        name="proposal-select",
    ),
    path(
        "recognition/commendation/<int:pk>/send/",
        commendation.proposal_send,
        name="proposal-send",
    ),
    path(
        "recognition/commendation/<int:pk>/entries/<int:entry>/outcome/",
        commendation.proposal_outcome,
        name="proposal-outcome",
    ),
    path("recognition/commendation/<int:pk>/pdf/", commendation.proposal_pdf, name="proposal-pdf"),
    path(
        "recognition/commendation/<int:pk>/docx/",
        commendation.proposal_docx,
        name="proposal-docx",
    ),
    path(
        "recognition/commendation/<int:pk>/xlsx/",
        commendation.proposal_xlsx,
        name="proposal-xlsx",
    ),
    path(
        "recognition/units/<int:pk>/commendations/",
        commendation.unit_commendations,
        name="unit-commendations",
    ),
]
