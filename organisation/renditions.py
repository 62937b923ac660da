"""Organisation's documents rendered in the background (core.renditions, issue 13): the import
template workbooks (R39). Allowed to administrators, asked again when the job runs."""

from django.core.exceptions import PermissionDenied

from core.renditions import Rendered, register
from organisation import selectors
from organisation.imports.base import KINDS
from organisation.imports.workbooks import template_workbook


def _administers(user, params) -> bool:
    try:
        selectors.administered_provinces(user)
    except PermissionDenied:
        return False
    return params.get("kind") in KINDS


def _template(user, params) -> Rendered:
    kind = params["kind"]
    return Rendered(f"mau-nhap-{kind}.xlsx", "xlsx", template_workbook(KINDS[kind]))


register("organisation.import_template", render=_template, allowed=_administers)
