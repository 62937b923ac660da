"""The summary's figures counted again, the plain way: one ORM query per figure, and the merger
followed with `Unit.current_successor()`. Tests compare every number the app shows with these."""

from django.db.models import Avg, Count, Q

from organisation.models import Unit
from recognition.models import CommendationEntry, Dossier, UnitCommendation
from registry.deadlines import period_for
from registry.models import AnnualReport, BrightSpot, Registration

REGISTERED = ["submitted", "returned", "accepted"]


def spots(province, year, *, unit_ids=None, status="registered", **filters):
    queryset = BrightSpot.objects.filter(province=province, year=year)
    if status == "registered":
        queryset = queryset.filter(status__in=REGISTERED)
    else:
        queryset = queryset.filter(status=status)
    if unit_ids is not None:
        queryset = queryset.filter(unit_id__in=unit_ids)
    if filters.pop("progress", None) == "recorded":
        queryset = queryset.filter(progress_entries__isnull=False).distinct()
    return queryset.filter(**filters)


def units_subject(province, year, unit_ids=None) -> set[int]:
    """Units active on the registration deadline (not the province), and any unit that
    submitted something that year."""
    deadline = period_for(province, year).deadline
    expected = set(
        Unit.objects.filter(province=province)
        .exclude(kind="province")
        .active_on(deadline)
        .values_list("pk", flat=True)
    )
    expected |= set(
        BrightSpot.objects.filter(province=province, year=year)
        .exclude(status="draft")
        .values_list("unit_id", flat=True)
    )
    expected |= set(
        Registration.objects.filter(province=province, year=year, status="submitted").values_list(
            "unit_id", flat=True
        )
    )
    if unit_ids is not None:
        expected &= set(unit_ids)
    return expected


def unit_figures(province, year, unit_ids=None) -> dict:
    subject = units_subject(province, year, unit_ids)
    fields = (
        Unit.objects.filter(pk__in=subject)
        .annotate(
            qcdc=Count("bright_spots", filter=Q(bright_spots__year=year, bright_spots__status__in=REGISTERED, bright_spots__field="qcdc")),
            dvcq=Count("bright_spots", filter=Q(bright_spots__year=year, bright_spots__status__in=REGISTERED, bright_spots__field="dvcq")),
        )
        .values_list("pk", "qcdc", "dvcq")
    )  # fmt: skip
    both = {pk for pk, q, d in fields if q and d}
    none = {pk for pk, q, d in fields if not q and not d}
    with_spots = {pk for pk, q, d in fields if q or d}
    registrations = Registration.objects.filter(unit_id__in=subject, year=year, status="submitted")
    reports = AnnualReport.objects.filter(unit_id__in=subject, year=year, status="submitted")
    return {
        "unit_total": len(subject),
        "both": len(both),
        "one": len(subject) - len(both) - len(none),
        "none": len(none),
        "list_on_time": registrations.filter(timeliness="on_time").count(),
        "list_extended": registrations.filter(timeliness="extended").count(),
        "list_missing": len(subject) - registrations.count(),
        "report_on_time": reports.filter(timeliness="on_time").count(),
        "report_extended": reports.filter(timeliness="extended").count(),
        "report_missing": len(with_spots - set(reports.values_list("unit_id", flat=True))),
    }


def figures(province, year, unit_ids=None) -> dict:
    """Every overview figure of the year (the keys of `reporting.figures`)."""

    def n(**filters):
        return spots(province, year, unit_ids=unit_ids, **filters).count()

    mean = spots(province, year, unit_ids=unit_ids).aggregate(mean=Avg("progress"))["mean"]
    values = {
        "registered": n(),
        "qcdc": n(field="qcdc"),
        "dvcq": n(field="dvcq"),
        "accepted": n(status="accepted"),
        "awaiting": n(status="submitted"),
        "returned": n(status="returned"),
        "on_time": n(timeliness="on_time"),
        "extended": n(timeliness="extended"),
        "withdrawn": n(status="withdrawn"),
        "recorded": n(progress="recorded"),
        "mean_progress": round(mean) if mean is not None else None,
        **{f"level_{level}": n(level=level) for level in ("commune", "district", "province", "agency")},
    }  # fmt: skip
    values.update(unit_figures(province, year, unit_ids))
    values.update(recognition_figures(province, year, unit_ids))
    return values


def recognition_figures(province, year, unit_ids=None) -> dict:
    """Dossiers of registered bright spots by fate, and the commendations (R17–R22)."""
    dossiers = Dossier.objects.filter(
        province=province, year=year, bright_spot__status__in=REGISTERED
    ).exclude(status="draft")
    commended = UnitCommendation.objects.filter(
        province=province, year=year, bright_spot__year=year, bright_spot__status__in=REGISTERED
    )
    council = CommendationEntry.objects.filter(
        recognition__dossier__province=province, recognition__dossier__year=year,
        recognition__dossier__bright_spot__status__in=REGISTERED,
    )  # fmt: skip
    if unit_ids is not None:
        dossiers = dossiers.filter(bright_spot__unit_id__in=unit_ids)
        commended = commended.filter(bright_spot__unit_id__in=unit_ids)
        council = council.filter(recognition__dossier__bright_spot__unit_id__in=unit_ids)
    return {
        "dossiers": dossiers.count(),
        "recognized": dossiers.filter(status="recognized").count(),
        "not_recognized": dossiers.filter(status="not_recognized").count(),
        "in_review": dossiers.filter(status__in=["submitted", "supplement", "proposed"]).count(),
        "commended": commended.count(),
        "merit": council.filter(outcome="merit").values("recognition__dossier").distinct().count(),
        "letter": council.filter(outcome="commendation")
        .values("recognition__dossier")
        .distinct()
        .count(),
    }


def locality_of(unit: Unit, root: Unit) -> Unit:
    """The unit directly under the root that holds `unit` (the unit itself outside the root)."""
    if unit.pk == root.pk or not unit.is_within(root):
        return unit
    chain = unit.ancestor_ids
    return Unit.objects.get(pk=chain[chain.index(root.pk) + 1])


def registered_by_locality(province, year, root, *, today: bool) -> dict[int, int]:
    """Registered bright spots per locality; with today=True, each first moved to the unit that
    carries its unit's history today (R2)."""
    counts: dict[int, int] = {}
    for spot in spots(province, year).select_related("unit"):
        unit = spot.unit.current_successor() if today else spot.unit
        locality = locality_of(unit, root)
        counts[locality.pk] = counts.get(locality.pk, 0) + 1
    return counts
