"""What waits for each role on the home page, with counts (SPEC §1)."""

from django.db.models import Count, Q

from brightspots import navigation
from registry.models import AnnualReport, BrightSpot, Field
from registry.periods import current_year, period_for
from registry.scope import scope_for
from registry.selectors import NOT_DRAFT_LIVE, progress_rollup, reading_provinces, unit_year


def home_panels(user) -> dict:
    scope = scope_for(user)
    year = current_year()
    units = []
    for unit in scope.official_units:
        summary = unit_year(unit, year)
        report = AnnualReport.objects.filter(unit=unit, year=year).first()
        units.append(
            {
                "summary": summary,
                "returned": sum(
                    1 for b in summary.bright_spots if b.status == BrightSpot.Status.RETURNED
                ),
                "report": report,
                "report_deadline": summary.period.report_deadline,
            }
        )
    committees = []
    if scope.committees:
        counts = (
            BrightSpot.objects.filter(recipient__in=scope.committee_ids, year=year)
            .values("recipient")
            .annotate(
                to_review=Count("pk", filter=Q(status=BrightSpot.Status.SUBMITTED)),
                returned=Count("pk", filter=Q(status=BrightSpot.Status.RETURNED)),
                accepted=Count("pk", filter=Q(status=BrightSpot.Status.ACCEPTED)),
            )
        )
        by_committee = {row["recipient"]: row for row in counts}
        committees = [{"committee": c, **by_committee.get(c.pk, {})} for c in scope.committees]
    provinces = []
    for province in reading_provinces(user):
        totals = BrightSpot.objects.filter(
            province=province, year=year, status__in=NOT_DRAFT_LIVE
        ).aggregate(
            qcdc=Count("pk", filter=Q(field=Field.QCDC)),
            dvcq=Count("pk", filter=Q(field=Field.DVCQ)),
        )
        progress = progress_rollup(BrightSpot.objects.filter(province=province, year=year))
        provinces.append(
            {
                "province": province,
                "period": period_for(province, year),
                "progress": progress,
                **totals,
            }
        )
    return {
        "year": year,
        "unit_panels": units,
        "committee_panels": committees,
        "province_panels": provinces,
        "extra_panels": navigation.panels(user, scope, year),  # other apps' panels
    }
