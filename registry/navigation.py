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
        committees = _committee_panels(scope, year)
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


def _committee_panels(scope, year) -> list[dict]:
    """The committee's counts (R37): what waits for it in every year with open work (to review,
    returned to the unit), the year's accepted; and for a committee that a bright spot passes
    through or is copied to, its own counts of what it reads."""
    ids = scope.committee_ids
    deciding = {
        row["recipient"]: row
        for row in BrightSpot.objects.filter(recipient__in=ids)
        .values("recipient")
        .annotate(
            to_review=Count("pk", filter=Q(status=BrightSpot.Status.SUBMITTED)),
            returned=Count("pk", filter=Q(status=BrightSpot.Status.RETURNED)),
            accepted=Count("pk", filter=Q(status=BrightSpot.Status.ACCEPTED, year=year)),
        )
        .order_by()
    }
    reading = {}
    for column in ("via", "copy_to"):
        rows = (
            BrightSpot.objects.filter(**{f"{column}__in": ids})
            .values(column)
            .annotate(
                waiting=Count("pk", filter=Q(status=BrightSpot.Status.SUBMITTED)),
                this_year=Count("pk", filter=Q(status__in=NOT_DRAFT_LIVE, year=year)),
            )
            .order_by()
        )
        for row in rows:
            mine = reading.setdefault(row[column], {"read_waiting": 0, "read_year": 0})
            mine["read_waiting"] += row["waiting"]
            mine["read_year"] += row["this_year"]
    overdue = overdue_inspections(ids, timezone.localdate())
    return [
        {
            "template": "registry/_home_committee.html",
            "committee": c,
            "year": year,
            "overdue_inspections": overdue.get(c.pk, 0),
            "reads": c.pk in reading,
            **deciding.get(c.pk, {}),
            **reading.get(c.pk, {}),
        }
        for c in scope.committees
    ]
