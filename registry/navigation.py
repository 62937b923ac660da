"""The registry's entries in the header and its panels on the home page."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core import navigation
from organisation.models import Field
from organisation.selectors import reading_provinces
from registry.deadlines import period_for
from registry.models import AnnualReport, BrightSpot
from registry.selectors import (
    NOT_DRAFT_LIVE,
    overdue_inspections,
    progress_rollup,
    unit_inspections,
    unit_year,
)


@navigation.register_menu
def menu(request, scope):
    items = []
    if len(scope.official_units) == 1:
        items.append(
            (_("Registration"), reverse("registry:unit-year", args=[scope.official_units[0].pk]))
        )
    steering = [c for c in scope.committees if c.kind == "steering"]
    if len(steering) == 1:
        items.append((_("Inbox"), reverse("registry:committee-inbox", args=[steering[0].pk])))
    if scope.committees or scope.is_provincial or scope.is_admin:
        items.append((_("Annual reports"), reverse("registry:annual-reports")))
    return items


@navigation.register_panel
def panels(user, scope, year) -> list[dict]:
    """The unit's year, the committee's inbox counts, the province's registration at a glance."""
    units = []
    for unit in scope.official_units:
        summary = unit_year(unit, year)
        report = AnnualReport.objects.filter(unit=unit, year=year).first()
        units.append(
            {
                "template": "registry/_home_official.html",
                "summary": summary,
                "returned": sum(
                    1 for b in summary.bright_spots if b.status == BrightSpot.Status.RETURNED
                ),
                "report": report,
                "report_deadline": summary.period.report_deadline,
                "inspections": list(unit_inspections(unit).filter(answered_at=None)[:5]),
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
        overdue = overdue_inspections(scope.committee_ids, timezone.localdate())
        committees = [
            {
                "template": "registry/_home_committee.html",
                "committee": c,
                "overdue_inspections": overdue.get(c.pk, 0),
                **by_committee.get(c.pk, {}),
            }
            for c in scope.committees
        ]
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
                "template": "registry/_home_provincial.html",
                "province": province,
                "period": period_for(province, year),
                "progress": progress,
                **totals,
            }
        )
    return units + committees + provinces
