"""The stale-page guard (R31): a change of state applies only to the row the user saw.

A model that guards its changes has a `version` column, bumped by every change of state. A page
carries the version it was loaded with; `bump` applies the change in one conditional update and
refuses it — with the model's own "changed meanwhile" message — when someone else changed the
row since, so a decision taken on a stale page never overwrites another.
"""

from django.core.exceptions import ValidationError
from django.db.models import F


class ChangedMeanwhile(ValidationError):
    """Someone else changed the object after this user loaded the page."""

    message = ""

    def __init__(self):
        super().__init__(self.message, code="changed_meanwhile")


def bump(obj, refusal: type[ChangedMeanwhile], *, expected_version=None, **changes) -> None:
    """Apply `changes` to `obj` and bump its version, only if it still has `expected_version`."""
    expected = obj.version if expected_version is None else expected_version
    updated = (
        type(obj)
        .objects.filter(pk=obj.pk, version=expected)
        .update(version=F("version") + 1, **changes)
    )
    if not updated:
        raise refusal
    for name, value in changes.items():
        setattr(obj, name, value)
    obj.version = expected + 1
