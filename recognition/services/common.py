"""What every recognition service shares: the stale-page guard and the audit call."""

from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils.translation import gettext as _

from organisation.services import audit_record
from recognition.models import Dossier

__all__ = ["ChangedMeanwhile", "audit_record", "bump"]


class ChangedMeanwhile(ValidationError):
    """Someone else changed the dossier after this user loaded the page."""

    def __init__(self):
        super().__init__(
            _(
                "This dossier was changed by someone else meanwhile. Reload the page to see the change."
            ),
            code="changed_meanwhile",
        )


def bump(dossier, *, expected_version: int | None = None, **changes) -> None:
    """Apply a change to a dossier only if nobody changed it since `expected_version` (R31)."""
    expected = dossier.version if expected_version is None else expected_version
    updated = Dossier.objects.filter(pk=dossier.pk, version=expected).update(
        version=F("version") + 1, **changes
    )
    if not updated:
        raise ChangedMeanwhile
    for name, value in changes.items():
        setattr(dossier, name, value)
    dossier.version = expected + 1
