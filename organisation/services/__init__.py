"""Every change of state of the organisation goes through a function here, in one transaction,
recorded in the audit log (R31). Views call these; nothing else writes."""

from organisation.services.audit import audit_record
from organisation.services.imports import (
    ImportRefused,
    import_apply,
    import_confirm,
    import_preview,
    import_upload,
)
from organisation.services.people import role_assign, user_set_language, user_welcome

__all__ = [
    "ImportRefused",
    "audit_record",
    "import_apply",
    "import_confirm",
    "import_preview",
    "import_upload",
    "role_assign",
    "user_set_language",
    "user_welcome",
]
