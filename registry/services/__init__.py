"""Every change of state in the registry goes through a function here, in one transaction,
recorded in the audit log (R31). Views call these; nothing else writes."""

from registry.services.audit import audit_record
from registry.services.bright_spots import (
    ChangedMeanwhile,
    bright_spot_create,
    bright_spot_delete_draft,
    bright_spot_resubmit,
    bright_spot_review,
    bright_spot_update,
    bright_spot_withdraw,
    extension_grant,
)
from registry.services.people import role_assign, user_set_language, user_welcome
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
    "annual_report_save",
    "annual_report_save_and_submit",
    "annual_report_submit",
    "audit_record",
    "bright_spot_create",
    "bright_spot_delete_draft",
    "bright_spot_resubmit",
    "bright_spot_review",
    "bright_spot_update",
    "bright_spot_withdraw",
    "extension_grant",
    "milestone_update",
    "progress_add",
    "registration_submit",
    "role_assign",
    "user_set_language",
    "user_welcome",
]
