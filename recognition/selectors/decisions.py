"""Decisions and certificates: access (R30), pages, progress, verification (R19–R21)."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max, Q
from django.http import Http404

from organisation.scope import scope_for
from recognition.models import Certificate, Decision, Dossier, IssuingAuthority, Recognition
from recognition.selectors.dossiers import _on_unit_side


def _decision_units(decision: Decision):
    return [r.dossier.unit for r in decision.recognitions.select_related("dossier__unit")]


def can_read_decision(scope, decision: Decision) -> bool:
    """The committee that proposed it, provincial staff and administrators of the province, and
    officials of a unit it recognizes."""
    if (
        scope.is_superuser
        or decision.committee_id in scope.committee_ids
        or decision.province_id in scope.reading_province_ids
    ):
        return True
    return bool(scope.official_units) and any(
        _on_unit_side(scope, unit) for unit in _decision_units(decision)
    )


def get_decision_for_user(user, pk: int, *, write: bool = False) -> Decision:
    """The Decision if the user may read it (404 otherwise); with write=True only the staff of
    the committee that recorded it (403 for other readers)."""
    decision = (
        Decision.objects.select_related("committee__level_unit", "province", "authority")
        .filter(pk=pk)
        .first()
    )
    scope = scope_for(user)
    if decision is None or not can_read_decision(scope, decision):
        raise Http404
    if write and not scope.acts_for_committee(decision.committee):
        raise PermissionDenied
    return decision


def get_decision_for_staff(user, pk: int) -> Decision:
    """The Decision for staff who may see all its certificates at once (the zip): its
    committee, provincial staff, administrators. A recognized unit reads the Decision but gets
    only its own certificate (403 here)."""
    decision = get_decision_for_user(user, pk)
    scope = scope_for(user)
    if not (
        scope.is_superuser
        or decision.committee_id in scope.committee_ids
        or decision.province_id in scope.reading_province_ids
    ):
        raise PermissionDenied
    return decision


def committee_decisions(committee):
    return (
        Decision.objects.filter(committee=committee)
        .annotate(recognized=Count("recognitions"))
        .order_by("-date", "-number")
    )


def decision_recognitions(decision: Decision) -> list[Recognition]:
    """The annex: each recognized bright spot with its unit and certificate, in order."""
    return list(
        decision.recognitions.select_related(
            "dossier__bright_spot", "dossier__unit", "certificate"
        ).order_by("position")
    )


def proposed_dossiers(committee, year: int):
    """Dossiers the committee proposed for recognition and no Decision in force took yet."""
    return (
        Dossier.objects.filter(committee=committee, year=year, status=Dossier.Status.PROPOSED)
        .select_related("bright_spot", "unit")
        .order_by("unit__name_sort", "bright_spot__name_sort")
    )


def authorities_for(committee):
    """The authorities whose Decisions this committee's level records (R19)."""
    return IssuingAuthority.objects.filter(
        province=committee.province, level_unit=committee.level_unit, active=True
    ).order_by("name")


def next_decision_number(authority: IssuingAuthority, year: int) -> int:
    """A suggestion only: the office's register gives the real number."""
    last = Decision.objects.filter(authority=authority, year=year).aggregate(n=Max("number"))["n"]
    return (last or 0) + 1


# --- certificates -----------------------------------------------------------------------------
def can_read_certificate(scope, certificate: Certificate) -> bool:
    """The recognized unit's officials, the committee that recorded the Decision, provincial
    staff and administrators of the province (R30). Another unit never sees it."""
    decision = certificate.recognition.decision
    return (
        scope.is_superuser
        or decision.committee_id in scope.committee_ids
        or decision.province_id in scope.reading_province_ids
        or _on_unit_side(scope, certificate.recognition.dossier.unit)
    )


def get_certificate_for_user(user, pk: int) -> Certificate:
    certificate = (
        Certificate.objects.select_related(
            "recognition__decision",
            "recognition__dossier__bright_spot__unit",
            "recognition__dossier__unit",
        )  # fmt: skip
        .filter(pk=pk)
        .first()
    )
    if certificate is None or not can_read_certificate(scope_for(user), certificate):
        raise Http404
    return certificate


def certificate_progress(decision: Decision) -> dict:
    """How far the bulk issue of a Decision's certificates has gone (for the progress page)."""
    counts = Recognition.objects.filter(decision=decision).aggregate(
        total=Count("pk"),
        issued=Count("certificate"),
        rendered=Count("certificate", filter=Q(certificate__rendered_at__isnull=False)),
    )
    # The reverse one-to-one raises an AttributeError subclass when there is no batch yet.
    batch = getattr(decision, "batch", None)
    total = counts["total"] or 0
    finished = bool(batch and batch.finished_at and counts["rendered"] == total)
    return {
        "total": total,
        "issued": counts["issued"],
        "done": counts["rendered"],
        "percent": round(100 * counts["rendered"] / total) if total else 100,
        "finished": finished,
        "requested": batch is not None,
        "has_zip": bool(finished and batch.zip_file),
        # The last attempt failed; the job is retried automatically (core.jobs).
        "retrying": bool(batch and batch.last_error and not finished),
    }


def certificate_by_serial(serial: str) -> Certificate | None:
    """The certificate with this serial, for the public verification page (R21)."""
    return (
        Certificate.objects.select_related(
            "recognition__decision", "recognition__dossier__bright_spot__unit__province"
        )
        .filter(serial=serial.strip()[:40])
        .first()
    )
