"""Access helpers for reporting (R30): every reporting view asks one of these first.

- Provincial staff and administrators read the summary of their province (or any subtree of it);
  another province is a 404.
- Committee staff read the summary of their committee: its level's subtree, its fields, and only
  the bright spots routed to it (R8). Another committee they do not read is a 404.
- Unit officials do not read province or committee summaries (403); they read their own unit's
  history, which includes the units merged into theirs (R2).
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from organisation.models import Committee, Province, Unit
from organisation.scope import scope_for
from organisation.selectors import get_committee_for_user, get_unit_for_user
from reporting.areas import Area
from reporting.models import Export


def can_read_summaries(user) -> bool:
    scope = scope_for(user)
    return scope.is_superuser or bool(scope.reading_province_ids) or scope.is_committee_staff


def require_summary_reader(user) -> None:
    """403 for a user whose roles read no summary at all (a unit official): asked before a
    download is even described."""
    if not can_read_summaries(user):
        raise PermissionDenied


def provinces_for_user(user):
    """Provinces whose whole summary the user reads."""
    scope = scope_for(user)
    provinces = Province.objects.order_by("code")
    return provinces if scope.is_superuser else provinces.filter(pk__in=scope.reading_province_ids)


def committees_for_user(user) -> list[Committee]:
    """Committees whose summary the user reads as its staff (steering committees first)."""
    return sorted(scope_for(user).committees, key=lambda c: (c.kind != "steering", c.name))


def _reads_province(user, province_id: int) -> bool:
    scope = scope_for(user)
    return scope.is_superuser or province_id in scope.reading_province_ids


def _root(province, unit_id) -> Unit:
    if unit_id is None:
        root = province.root_unit
        if root is None:
            raise Http404
        return root
    unit = Unit.objects.filter(pk=unit_id, province=province).first()
    if unit is None:
        raise Http404
    return unit


def get_area_for_user(
    user, *, province: int | None = None, committee: int | None = None, unit: int | None = None
) -> Area:
    """The summary the user asked for, if they may read it: 404 for what lies outside their
    scope (another province, another committee, a unit elsewhere), 403 for a role that reads no
    summary at all (a unit official)."""
    if not can_read_summaries(user):
        raise PermissionDenied
    scope = scope_for(user)
    reads_provinces = scope.is_superuser or scope.reading_province_ids
    if committee is None and province is None and not reads_provinces:
        # committee staff only: their (first) committee's summary
        committee = committees_for_user(user)[0].pk
    if committee is not None:
        found = get_committee_for_user(user, committee)
        root = found.level_unit if unit is None else _root(found.province, unit)
        if not root.is_within(found.level_unit):
            raise Http404
        return Area(province=found.province, root=root, fields=tuple(found.fields), committee=found)
    if province is None:
        chosen = provinces_for_user(user).first()
    else:
        chosen = Province.objects.filter(pk=province).first()
        if chosen is not None and not _reads_province(user, chosen.pk):
            chosen = None
    if chosen is None:
        raise Http404
    return Area(province=chosen, root=_root(chosen, unit))


def national_areas_for_user(user) -> list[Area]:
    """One scope per province the user reads as a whole, in the provinces' order: the national
    workbook's scopes and the rows of the country's page (two queries for any number)."""
    if not can_read_summaries(user):
        raise PermissionDenied
    provinces = list(provinces_for_user(user))
    roots = {}
    for root in Unit.objects.filter(province__in=provinces, parent=None).order_by("name_sort"):
        roots.setdefault(root.province_id, root)  # the first by name, as Province.root_unit
    areas = [Area(province=p, root=roots[p.pk]) for p in provinces if p.pk in roots]
    if not areas:
        raise PermissionDenied
    return areas


def get_unit_for_history(user, pk: int) -> Unit:
    """A unit's own history (item 5 of issue 5): for its officials (and those of units merged
    into it, R2), and for provincial staff and administrators of the province."""
    unit = get_unit_for_user(user, pk)
    scope = scope_for(user)
    heritage = any(unit.path.startswith(path) for path in scope.heritage_paths)
    if scope.acts_for_unit(unit) or heritage or _reads_province(user, unit.province_id):
        return unit
    raise PermissionDenied


def get_export_for_user(user, pk) -> Export:
    """A download is its requester's: anybody else gets a 404."""
    export = Export.objects.filter(pk=pk, requested_by=user).first()
    if export is None or not user.is_authenticated:
        raise Http404
    return export


def exports_of(user, limit: int = 10):
    return Export.objects.filter(requested_by=user).order_by("-created_at")[:limit]
