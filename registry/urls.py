from django.urls import path

from registry.views import bright_spots, committees, inspections, papers, progress

app_name = "registry"
urlpatterns = [
    path("units/<int:pk>/registration/", bright_spots.unit_year, name="unit-year"),
    path(
        "units/<int:pk>/registration/<year:year>/dispatch/",
        papers.registration_dispatch,
        name="registration-dispatch",
    ),
    path(
        "units/<int:pk>/registration/<year:year>/dispatch/signed/",
        papers.registration_dispatch_upload,
        name="registration-dispatch-upload",
    ),
    path(
        "units/<int:pk>/registration/<year:year>/dispatch/signed/file/",
        papers.registration_dispatch_file,
        name="registration-dispatch-file",
    ),
    path(
        "units/<int:pk>/annual-report/<year:year>/paper/",
        papers.annual_report_paper,
        name="annual-report-paper",
    ),
    path(
        "units/<int:pk>/annual-report/<year:year>/signed/",
        papers.annual_report_upload,
        name="annual-report-upload",
    ),
    path(
        "annual-reports/<int:pk>/signed-file/",
        papers.annual_report_file,
        name="annual-report-file",
    ),
    path(
        "units/<int:pk>/registration/<year:year>/submit/",
        bright_spots.registration_submit,
        name="registration-submit",
    ),
    path(
        "units/<int:pk>/bright-spots/new/",
        bright_spots.bright_spot_create,
        name="bright-spot-create",
    ),
    path("units/<int:pk>/annual-report/", progress.annual_report, name="annual-report"),
    path("bright-spots/<int:pk>/", bright_spots.bright_spot_detail, name="bright-spot-detail"),
    path("bright-spots/<int:pk>/edit/", bright_spots.bright_spot_edit, name="bright-spot-edit"),
    path(
        "bright-spots/<int:pk>/delete/", bright_spots.bright_spot_delete, name="bright-spot-delete"
    ),
    path(
        "bright-spots/<int:pk>/withdraw/",
        bright_spots.bright_spot_withdraw,
        name="bright-spot-withdraw",
    ),
    path(
        "bright-spots/<int:pk>/resubmit/",
        bright_spots.bright_spot_resubmit,
        name="bright-spot-resubmit",
    ),
    path(
        "bright-spots/<int:pk>/review/", bright_spots.bright_spot_review, name="bright-spot-review"
    ),
    path("bright-spots/<int:pk>/plan-file/", bright_spots.plan_file, name="bright-spot-plan-file"),
    path("bright-spots/<int:pk>/progress/new/", progress.progress_add, name="progress-add"),
    path("milestones/<int:pk>/", progress.milestone_update, name="milestone-update"),
    path("progress/<int:pk>/evidence/", progress.evidence_file, name="progress-evidence"),
    path("annual-reports/", progress.annual_reports, name="annual-reports"),
    path("annual-reports/<int:pk>/", progress.annual_report_detail, name="annual-report-detail"),
    path("committees/<int:pk>/inbox/", committees.inbox, name="committee-inbox"),
    path("committees/<int:pk>/inbox.csv", committees.inbox_csv, name="committee-inbox-csv"),
    path(
        "committees/<int:pk>/non-compliant/",
        committees.non_compliant,
        name="committee-non-compliant",
    ),
    path("committees/<int:pk>/extensions/", committees.extensions, name="committee-extensions"),
    path("committees/<int:pk>/plan/", committees.plan, name="committee-plan"),
    path("plans/<int:pk>/document/", committees.plan_document, name="plan-document"),
    path(
        "committees/<int:pk>/inspections/",
        inspections.committee_inspections,
        name="committee-inspections",
    ),
    path("inspections/<int:pk>/", inspections.inspection_detail, name="inspection-detail"),
]
