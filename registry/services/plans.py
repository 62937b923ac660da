"""Each level's yearly plan (seed 000 §V, R40)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.text import nfc
from core.uploads import clean_display_name
from organisation.services.audit import audit_record
from registry.models import LevelPlan


@transaction.atomic
def level_plan_save(
    *, committee, year: int, number: str, date, target_qcdc: int, target_dvcq: int,
    document=None, by,
) -> LevelPlan:  # fmt: skip
    """Record (or correct) the yearly plan of the committee's level — the province, a commune
    or a department — with its targets per field (R40). One plan per level and year; its date
    lies in the year or the one before, and not after today. A new document replaces the old
    one; the audit log keeps every version's numbers."""
    number = nfc(number or "").strip()
    errors = {}
    if not number:
        errors["number"] = _("Give the plan's number and symbol.")
    if date is None or date > timezone.localdate() or date.year not in (year - 1, year):
        errors["date"] = _("The plan is dated in %(before)s or %(year)s, and not after today.") % {
            "before": year - 1,
            "year": year,
        }
    for name, value in (("target_qcdc", target_qcdc), ("target_dvcq", target_dvcq)):
        if value is None or value < 0 or value > 10_000:
            errors[name] = _("A number of bright spots from 0 to 10,000.")
    if errors:
        raise ValidationError(errors)
    plan = (
        LevelPlan.objects.select_for_update()
        .filter(level_unit=committee.level_unit, year=year)
        .first()
    )
    before = None if plan is None else f"{plan.number} · {plan.target_qcdc}/{plan.target_dvcq}"
    if plan is None:
        plan = LevelPlan(province=committee.province, level_unit=committee.level_unit, year=year)
    plan.number, plan.date = number, date
    plan.target_qcdc, plan.target_dvcq = target_qcdc, target_dvcq
    plan.recorded_by, plan.recorded_at = by, timezone.now()
    if document:
        plan.document, plan.document_name = document, clean_display_name(document.name)
    plan.save()
    audit_record(
        actor=by,
        action="plan.saved",
        target=plan,
        province=committee.province,
        from_state=before or "",
        to_state=f"{plan.number} · {plan.target_qcdc}/{plan.target_dvcq}",
        data={"year": year, "level_unit": committee.level_unit_id},
    )
    return plan
