"""Reads and access checks for the organisation. Every view asks one of these first (R30):
an object outside the user's scope is a 404, an object they may read but not change is a 403."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from organisation.models import Committee, ImportRun, Province, Unit, User
from organisation.scope import scope_for


def get_unit_for_user(user, pk: int, *, write: bool = False) -> Unit:
    """The unit, if the user may read it (or act for it, with write=True); 404 otherwise."""
    unit = Unit.objects.select_related("province", "parent", "successor").filter(pk=pk).first()
    scope = scope_for(user)
    if unit is None or not scope.can_read_unit(unit):
        raise Http404
    if write and not scope.acts_for_unit(unit):
        raise PermissionDenied
    return unit


def get_committee_for_user(user, pk: int, *, write: bool = False) -> Committee:
    """The committee, if the user is its staff or reads the province; 404 otherwise."""
    committee = Committee.objects.select_related("level_unit", "province").filter(pk=pk).first()
    scope = scope_for(user)
    if committee is None or not scope.can_read_committee(committee):
        raise Http404
    if write and not scope.acts_for_committee(committee):
        raise PermissionDenied
    return committee


def units_for_user(user):
    return Unit.objects.filter(scope_for(user).units_q())


def unit_children(unit: Unit):
    return unit.children.select_related("successor").order_by("name_sort")


def reading_provinces(user):
    """Provinces the user reads as a whole (provincial staff, administrators)."""
    return Province.objects.filter(pk__in=scope_for(user).reading_province_ids).order_by("name")


def unit_search(user, text: str, limit: int = 20):
    """Units in the user's scope whose name matches `text`, ignoring diacritics (R33)."""
    return (
        units_for_user(user)
        .search(text)
        .select_related("parent")
        .order_by("valid_to", "name_sort")[:limit]
    )


def administered_provinces(user):
    """The provinces whose imports the user runs (administrators); 403 for anyone else (R30)."""
    scope = scope_for(user)
    if scope.is_superuser:
        return Province.objects.order_by("name")
    if not scope.admin_province_ids:
        raise PermissionDenied
    return Province.objects.filter(pk__in=scope.admin_province_ids).order_by("name")


def get_import_for_user(user, pk: int) -> ImportRun:
    """An import of a province the user administers; 404 for another province's (R30)."""
    provinces = administered_provinces(user)
    run = (
        ImportRun.objects.select_related("province", "created_by")
        .filter(pk=pk, province__in=provinces)
        .first()
    )
    if run is None:
        raise Http404
    return run


def imports_for_user(user, limit: int = 30):
    return ImportRun.objects.filter(province__in=administered_provinces(user)).select_related(
        "province", "created_by"
    )[:limit]


def people_not_logged_in(user, limit: int = 200):
    """People holding a role in the administered provinces who have never logged in (R39)."""
    return (
        User.objects.filter(
            last_login=None, role_assignments__province__in=administered_provinces(user)
        )
        .distinct()
        .order_by("username")[:limit]
    )
