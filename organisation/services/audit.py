"""The audit log (R31): one function records every change of state."""

from django.contrib.contenttypes.models import ContentType

from organisation import events
from organisation.models import AuditEntry, Province


def audit_record(
    *,
    actor,
    action: str,
    target,
    province: Province | None = None,
    from_state: str = "",
    to_state: str = "",
    comment: str = "",
    data: dict | None = None,
    bright_spot=None,
) -> AuditEntry:
    """Record who did what to which object, from which state to which, and why (R31)."""
    if province is None:
        province = getattr(target, "province", None)
    entry = AuditEntry.objects.create(
        province=province,
        bright_spot_id=bright_spot.pk if bright_spot is not None else None,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        target_type=ContentType.objects.get_for_model(target),
        target_id=target.pk,
        target_label=str(target)[:300],
        from_state=from_state,
        to_state=to_state,
        comment=comment,
        data=data or {},
    )
    events.announce(entry)  # R36: the people it concerns are told, in this transaction
    return entry
