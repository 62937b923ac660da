"""People: new accounts, roles and preferences."""

from django.db import transaction

from core.jobs import enqueue
from organisation.models import RoleAssignment, User
from organisation.services.audit import audit_record


@transaction.atomic
def user_welcome(*, user: User, by) -> None:
    """A new account: audit it and send the welcome e-mail with a link to set a password."""
    audit_record(actor=by, action="user.created", target=user)
    if user.email:
        enqueue("organisation.send_welcome_email", key=f"welcome:{user.pk}", user_id=user.pk)


@transaction.atomic
def role_assign(
    *, user: User, role: str, by, unit=None, committee=None, province=None
) -> RoleAssignment:
    """Give a user a scoped role (R30). The province follows from the unit or committee."""
    province = province or (unit.province if unit else committee.province if committee else None)
    assignment, created = RoleAssignment.objects.get_or_create(
        user=user, role=role, unit=unit, committee=committee, province=province
    )
    if created:
        audit_record(
            actor=by,
            action="role.assigned",
            target=user,
            province=province,
            to_state=role,
            data={"unit": unit and unit.pk, "committee": committee and committee.pk},
        )
    return assignment


def user_set_language(*, user: User, language: str) -> None:
    if user.is_authenticated and user.language != language:
        user.language = language
        user.save(update_fields=["language"])
