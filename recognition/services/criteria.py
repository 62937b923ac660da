"""Versions of the criteria (R15): a set a dossier was assessed against is frozen; changing it
means a new version, which dossiers started afterwards use."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from recognition.models import CriteriaSet, Criterion
from recognition.services.common import audit_record


@transaction.atomic
def criteria_set_new_version(*, criteria_set: CriteriaSet, province=None, by) -> CriteriaSet:
    """Copy a set and its criteria into a new version that can be edited (R15).

    A province's own set is replaced: the old version stays, out of force, for the dossiers
    that used it. The set shipped with the app serves every province, so a province's
    administrator gets the province's own copy beside it (`province`); only a superuser
    (province=None) replaces the shipped set itself.
    """
    if not criteria_set.active:
        raise ValidationError(
            _("This version was already replaced; make a copy of the newest one.")
        )
    target_province = criteria_set.province or province
    replaces = target_province == criteria_set.province
    if not replaces and CriteriaSet.objects.filter(
        province=target_province, field=criteria_set.field,
        valid_from_year=criteria_set.valid_from_year, active=True,
    ).exists():  # fmt: skip
        raise ValidationError(_("The province already has its own version for this year."))
    if replaces:
        CriteriaSet.objects.filter(pk=criteria_set.pk).update(active=False)
    criteria = list(criteria_set.criteria.all())
    copy = CriteriaSet.objects.create(
        province=target_province,
        field=criteria_set.field,
        valid_from_year=criteria_set.valid_from_year,
        version=_("%(version)s, revised") % {"version": criteria_set.version},
        source=criteria_set.source,
        previous=criteria_set,
    )
    Criterion.objects.bulk_create(
        [
            Criterion(
                criteria_set=copy,
                group=c.group,
                number=c.number,
                text_vi=c.text_vi,
                text_en=c.text_en,
            )
            for c in criteria
        ]
    )
    audit_record(
        actor=by,
        action="criteria.new_version",
        target=copy,
        province=target_province,
        data={"previous": criteria_set.pk},
    )
    return copy
