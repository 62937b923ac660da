"""Registry's documents rendered in the background (core.renditions, issue 13): the unit's
registration dispatch. Allowed to those who act for the unit, asked again when the job runs."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from core.renditions import Rendered, register
from organisation.selectors import get_unit_for_user
from registry import documents


def _allowed(user, params) -> bool:
    try:
        get_unit_for_user(user, params["unit"], write=True)
    except (Http404, PermissionDenied):
        return False
    return True


def _dispatch(user, params) -> Rendered:
    unit = get_unit_for_user(user, params["unit"], write=True)
    content = documents.registration_dispatch_docx(unit, params["year"])
    return Rendered(f"cong-van-dang-ky-diem-sang-{params['year']}.docx", "docx", content)


register("registry.registration_dispatch", render=_dispatch, allowed=_allowed)
