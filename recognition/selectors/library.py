"""The public good-practice library (R24): recognized bright spots only, and only their public
fields. The pages, the CSV and the JSON all read `PUBLIC_FIELDS` through `public_record`, so the
open data is exactly what the pages show."""

from django.conf import settings
from django.db.models import Count, Q
from django.http import Http404
from django.urls import reverse

from core.text import fold
from organisation.models import Province
from recognition.models import Dossier, FollowUp
from registry.models import BrightSpot
from registry.selectors import NOT_DRAFT_LIVE

LIVE_REPLICATION = NOT_DRAFT_LIVE
# Everything the public may know about a recognized bright spot, in the order of the CSV.
PUBLIC_FIELDS = [
    "id", "name", "field", "level", "year", "unit", "locality", "province", "address",
    "objectives", "method", "experience", "effectiveness", "spread", "decision", "decision_date",
    "issued_by", "replications", "spread_units", "url",
]  # fmt: skip


def public_bright_spots():
    """Bright spots recognized by a Decision in force (R24), with what their pages show; a
    model found no longer a model at a yearly follow-up has left the library (R40)."""
    return (
        BrightSpot.objects.filter(dossier__status=Dossier.Status.RECOGNIZED)
        .exclude(dossier__follow_ups__outcome=FollowUp.Outcome.NO_LONGER_MODEL)
        .select_related("unit__parent", "province", "dossier__decision")
    )


def with_spread(bright_spots) -> list:
    """The bright spots with their spread, in one query for all of them (R24).

    `replication_count`: submitted bright spots that replicate the model; `spread_units`: the
    distinct units they belong to, i.e. how far the model has spread.
    """
    rows = list(bright_spots)
    counts = {
        row["replicates"]: row
        for row in BrightSpot.objects.filter(
            replicates__in=[b.pk for b in rows], status__in=LIVE_REPLICATION
        )
        .values("replicates")
        .annotate(replications=Count("pk"), units=Count("unit", distinct=True))
        .order_by()
    }
    for bright_spot in rows:
        found = counts.get(bright_spot.pk, {})
        bright_spot.replication_count = found.get("replications", 0)
        bright_spot.spread_units = found.get("units", 0)
    return rows


def library_search(*, q="", field="", year=None, province="", locality=""):
    """The library filtered as the public asks, ignoring diacritics and case (R24, R33)."""
    found = public_bright_spots()
    for word in fold(q).split()[:8]:
        found = found.filter(search_text__contains=word)
    if field:
        found = found.filter(field=field)
    if year:
        found = found.filter(year=year)
    if province:
        found = found.filter(province__code=province)
    place = fold(locality)
    if place:
        # The unit, the district it belonged to, or the commune it merged into (R2).
        found = found.filter(
            Q(unit__name_folded__contains=place)
            | Q(unit__parent__name_folded__contains=place)
            | Q(unit__successor__name_folded__contains=place)
        )
    return found.order_by("-year", "name_sort", "pk")


def library_list(found):
    """The search results as the list shows them: only the columns it prints, so that sorting
    thousands of recognized bright spots for one page stays cheap."""
    return (
        found.select_related(None)
        .select_related("unit__parent", "province")
        .only("name", "field", "year", "unit__name", "unit__parent__name", "province__name")
    )


def library_provinces():
    recognized = Dossier.objects.filter(status=Dossier.Status.RECOGNIZED)
    return Province.objects.filter(pk__in=recognized.values("province")).order_by("name")


def library_years() -> list[int]:
    return list(
        Dossier.objects.filter(status=Dossier.Status.RECOGNIZED)
        .values_list("year", flat=True)
        .distinct()
        .order_by("-year")
    )


def public_records(bright_spots, chunk: int = 500):
    """The public record of each bright spot, read in chunks (for the open data downloads)."""
    batch = []
    for bright_spot in bright_spots.iterator(chunk_size=chunk):
        batch.append(bright_spot)
        if len(batch) == chunk:
            yield from (public_record(b) for b in with_spread(batch))
            batch = []
    yield from (public_record(b) for b in with_spread(batch))


def get_public_bright_spot(pk: int) -> BrightSpot:
    """A recognized bright spot, for anyone; anything else is not found (R24, R30)."""
    bright_spot = public_bright_spots().filter(pk=pk).first()
    if bright_spot is None:
        raise Http404
    return with_spread([bright_spot])[0]


def public_replications(bright_spot: BrightSpot) -> list[dict]:
    """Where the model has spread: the unit and year of each replication. A replication's own
    name and page are shown only when it was recognized too (drafts never)."""
    rows = (
        bright_spot.replications.filter(status__in=LIVE_REPLICATION)
        .select_related("unit", "dossier")
        .order_by("year", "unit__name_sort")
    )
    result = []
    for row in rows:
        recognized = getattr(_dossier(row), "status", None) == Dossier.Status.RECOGNIZED
        result.append(
            {
                "unit": row.unit.name,
                "year": row.year,
                "name": row.name if recognized else "",
                "pk": row.pk if recognized else None,
            }
        )
    return result


def _dossier(bright_spot):
    try:
        return bright_spot.dossier
    except Dossier.DoesNotExist:
        return None


def public_record(bright_spot: BrightSpot) -> dict:
    """The public fields of one recognized bright spot (from `public_bright_spots`, with its
    spread from `with_spread`)."""
    dossier, unit = bright_spot.dossier, bright_spot.unit
    decision = dossier.decision
    locality = [unit.name] + ([unit.parent.name] if unit.parent_id else [])
    return {
        "id": bright_spot.pk,
        "name": bright_spot.name,
        "field": bright_spot.field,
        "level": bright_spot.level,
        "year": bright_spot.year,
        "unit": unit.name,
        "locality": ", ".join(locality),
        "province": bright_spot.province.name,
        "address": bright_spot.address,
        "objectives": bright_spot.objectives,
        "method": dossier.method,
        "experience": dossier.experience,
        "effectiveness": dossier.effectiveness,
        "spread": dossier.spread,
        "decision": decision.number_and_symbol,
        "decision_date": decision.date.isoformat(),
        "issued_by": decision.authority_name,
        "replications": bright_spot.replication_count,
        "spread_units": bright_spot.spread_units,
        "url": settings.SITE_URL + reverse("recognition:library-detail", args=[bright_spot.pk]),
    }


def replicable_bright_spots(province):
    """Bright spots a new one may replicate (R24): those recognized, newest first."""
    return BrightSpot.objects.filter(
        province=province, dossier__status=Dossier.Status.RECOGNIZED
    ).order_by("-year", "name_sort")
