"""What every recognition service shares: the stale-page guard and the audit call."""

from django.utils.translation import gettext_lazy as _

from core import versions
from organisation.services import audit_record

__all__ = ["ChangedMeanwhile", "audit_record", "bump"]


class ChangedMeanwhile(versions.ChangedMeanwhile):
    message = _(
        "This dossier was changed by someone else meanwhile. Reload the page to see the change."
    )


def bump(dossier, *, expected_version: int | None = None, **changes) -> None:
    """Apply a change to a dossier only if nobody changed it since `expected_version` (R31)."""
    versions.bump(dossier, ChangedMeanwhile, expected_version=expected_version, **changes)
