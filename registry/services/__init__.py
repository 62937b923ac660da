"""Every change of state in the registry goes through a function here, in one transaction,
recorded in the audit log (R31). Views call these; nothing else writes."""

from registry.services.bright_spots import (
    ChangedMeanwhile,
    bright_spot_create,
    bright_spot_delete_draft,
    bright_spot_resubmit,
    bright_spot_review,
    bright_spot_update,
    bright_spot_withdraw,
    extension_grant,
    extension_refuse,
)
from registry.services.inspections import inspection_answer, inspection_record
from registry.services.papers import annual_report_file, registration_dispatch_file
from registry.services.plans import level_plan_save
from registry.services.progress import (
    annual_report_save,
    annual_report_save_and_submit,
    annual_report_submit,
    milestone_update,
    progress_add,
)
from registry.services.registration import SubmitResult, registration_submit

__all__ = [
    "ChangedMeanwhile",
    "SubmitResult",
    "annual_report_file",
    "annual_report_save",
    "annual_report_save_and_submit",
    "annual_report_submit",
    "bright_spot_create",
    "bright_spot_delete_draft",
    "bright_spot_resubmit",
    "bright_spot_review",
    "bright_spot_update",
    "bright_spot_withdraw",
    "extension_grant",
    "extension_refuse",
    "inspection_answer",
    "inspection_record",
    "level_plan_save",
    "milestone_update",
    "progress_add",
    "registration_dispatch_file",
    "registration_submit",
]
