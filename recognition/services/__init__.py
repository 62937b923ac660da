"""Every change of state in recognition goes through a function here, in one transaction,
recorded in the audit log (R31). Views and tasks call these; nothing else writes."""

from recognition.services.certificates import (
    certificate_file,
    certificate_render,
    certificates_allocate,
    certificates_issue,
    certificates_run,
)
from recognition.services.commendation import (
    commendation_outcome_record,
    commendation_proposal_create,
    commendation_select,
    commendation_send,
    unit_commendation_record,
)
from recognition.services.common import ChangedMeanwhile
from recognition.services.criteria import criteria_set_new_version
from recognition.services.decisions import decision_annul, decision_record
from recognition.services.documents import (
    decision_file,
    decision_final_upload,
    decision_render,
    stored,
)
from recognition.services.dossiers import (
    dossier_save_dispatch,
    dossier_save_evaluation,
    dossier_save_report,
    dossier_start,
    dossier_submit,
)
from recognition.services.follow_up import follow_up_record
from recognition.services.reviews import (
    dossier_propose,
    review_save,
    reviewers_assign,
    supplement_request,
)

__all__ = [
    "ChangedMeanwhile",
    "follow_up_record",
    "certificate_file",
    "certificate_render",
    "certificates_allocate",
    "certificates_issue",
    "certificates_run",
    "commendation_outcome_record",
    "commendation_proposal_create",
    "commendation_select",
    "commendation_send",
    "criteria_set_new_version",
    "decision_annul",
    "decision_file",
    "decision_final_upload",
    "decision_render",
    "decision_record",
    "dossier_propose",
    "dossier_save_dispatch",
    "dossier_save_evaluation",
    "dossier_save_report",
    "dossier_start",
    "dossier_submit",
    "review_save",
    "reviewers_assign",
    "stored",
    "supplement_request",
    "unit_commendation_record",
]
