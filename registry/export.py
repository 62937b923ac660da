"""The registry's part of a province-year archive (core.archive): the year's deadlines, lists,
bright spots and everything recorded about them, and who did it."""

from django.db.models import Q

from core import archive
from core.archive import model_section
from organisation.models import AuditEntry, User
from registry.models import (
    AnnualReport,
    AnnualReportItem,
    BrightSpot,
    Extension,
    LevelPlan,
    Milestone,
    ProgressEntry,
    Registration,
    RegistrationPeriod,
    StaffInCharge,
)

DERIVED = ("name_folded", "name_sort", "search_text")  # rebuilt from the name on import


@archive.register
def sections(context):
    province, year = context.province, context.year
    bright_spots = BrightSpot.objects.filter(province=province, year=year)
    registrations = Registration.objects.filter(province=province, year=year)
    reports = AnnualReport.objects.filter(province=province, year=year)
    extensions = Extension.objects.filter(province=province, year=year)
    audit = AuditEntry.objects.filter(province=province).filter(
        Q(bright_spot_id__in=bright_spots.values("pk"))
        | Q(target_type__model="registration", target_id__in=registrations.values("pk"))
        | Q(target_type__model="annualreport", target_id__in=reports.values("pk"))
        | Q(target_type__model="extension", target_id__in=extensions.values("pk"))
    )
    people = User.objects.filter(
        Q(pk__in=bright_spots.values("created_by")) | Q(pk__in=bright_spots.values("reviewed_by"))
        | Q(pk__in=registrations.values("submitted_by")) | Q(pk__in=audit.values("actor"))
        | Q(pk__in=reports.values("submitted_by")) | Q(pk__in=extensions.values("granted_by"))
    )  # fmt: skip
    return [
        model_section("registration_periods", "The year's deadlines, when an administrator set "
                      "them (otherwise 30 March and 30 November).",
                      RegistrationPeriod.objects.filter(province=province, year=year)),
        model_section("registrations", "Each unit's list for the year and when it was submitted.",
                      registrations),
        model_section("bright_spots", "The year's bright spots (R5) with status, routing and "
                      "review; plan_file names a document under files/.",
                      bright_spots, exclude=DERIVED, files=[("plan_file", "plan_file_name")]),
        model_section("staff_in_charge", "People in charge of each bright spot.",
                      StaffInCharge.objects.filter(bright_spot__in=bright_spots)),
        model_section("milestones", "The milestones of each plan and where they stand.",
                      Milestone.objects.filter(bright_spot__in=bright_spots)),
        model_section("progress_entries", "Progress notes (R11); evidence names a file under files/.",
                      ProgressEntry.objects.filter(bright_spot__in=bright_spots),
                      files=[("evidence", "evidence_name")]),
        model_section("extensions", "Extensions granted for the year (R9).", extensions),
        model_section("level_plans", "Each level's plan for the year (R40); document names a "
                      "file under files/.", LevelPlan.objects.filter(province=province, year=year),
                      files=[("document", "document_name")]),
        model_section("annual_reports", "Annual summary reports (R11).", reports),
        model_section("annual_report_items", "Each bright spot's results in its annual report.",
                      AnnualReportItem.objects.filter(report__in=reports)),
        model_section("audit_log", "Who did what, when, from what to what and why (R31).", audit,
                      plain_refs={"bright_spot_id": "registry.BrightSpot",
                                  "target_id": "@target_type_id"}),
        model_section("people", "The users named by the *_by and actor_id columns (names only).",
                      people, only=("id", "username", "full_name"), match=("username",)),
    ]  # fmt: skip
