"""Registry's documents rendered in the background (core.renditions, issue 13): the unit's
registration dispatch and annual report, as PDF or Word. Allowed to those who act for the unit
(its officials), asked again when the job runs."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from core.renditions import Rendered, register
from organisation.selectors import get_unit_for_user
from registry import documents
from registry.models import AnnualReport


def _allowed(user, params) -> bool:
    try:
        get_unit_for_user(user, params["unit"], write=True)
    except (Http404, PermissionDenied):
        return False
    return True


def _kind(params) -> str:
    kind = params.get("format", "docx")  # requests made before PDFs existed name no format
    if kind not in documents.FORMATS:
        raise ValueError(f"no paper in {kind!r}")
    return kind


def _dispatch(user, params) -> Rendered:
    unit = get_unit_for_user(user, params["unit"], write=True)
    kind = _kind(params)
    paper = documents.registration_dispatch(unit, params["year"])
    name = f"cong-van-dang-ky-diem-sang-{params['year']}.{kind}"
    return Rendered(name, kind, documents.rendered(paper, kind))


def _annual_report(user, params) -> Rendered:
    unit = get_unit_for_user(user, params["unit"], write=True)
    report = AnnualReport.objects.select_related("unit__province", "unit__parent").get(
        unit=unit, year=params["year"]
    )
    kind = _kind(params)
    name = f"bao-cao-diem-sang-{params['year']}.{kind}"
    return Rendered(name, kind, documents.rendered(documents.annual_report(report), kind))


register("registry.registration_dispatch", render=_dispatch, allowed=_allowed)
register("registry.annual_report_paper", render=_annual_report, allowed=_allowed)
