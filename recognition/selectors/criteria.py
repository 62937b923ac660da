"""Criteria in force (R15)."""

from django.db.models import F, Prefetch, Q

from organisation.models import Field
from recognition.models import CriteriaSet, Criterion


def criteria_set_for(province, field: str, year: int) -> CriteriaSet | None:
    """The criteria set in force for a field and year (R15)."""
    return (
        CriteriaSet.objects.filter(field=field, valid_from_year__lte=year, active=True)
        .filter(Q(province=province) | Q(province=None))
        # The newest set; in a tie the province's own set comes before the shipped one.
        .order_by("-valid_from_year", F("province").asc(nulls_last=True))
        .prefetch_related(
            Prefetch("criteria", queryset=Criterion.objects.order_by("group", "number"))
        )
        .first()
    )


def criteria_sets_for(province, year: int) -> dict[str, CriteriaSet]:
    sets = {field: criteria_set_for(province, field, year) for field in Field.values}
    return {field: criteria_set for field, criteria_set in sets.items() if criteria_set}
