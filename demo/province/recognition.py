"""Recognition in the demo province: four past years (2022–2025) decided, with Decisions and
certificates; the current year's window open, dossiers at every stage; a 2021–2025 commendation
proposal; replications of recognized models. Safe to run again: nothing is duplicated."""

import random
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from demo import names as demo_org
from demo.bulk import recognition as bulk
from demo.signing import demo_signing_keys
from organisation.models import Field, RoleAssignment, User
from recognition.models import (
    CommendationEntry,
    CommendationProposal,
    Dossier,
    IssuingAuthority,
    Outcome,
    Recognition,
    RecognitionSettings,
    UnitCommendation,
)
from recognition.selectors import criteria_set_for
from registry.models import BrightSpot

SECOND_REVIEWERS = {
    "qcdc": ("bcd.qcdc2", "Nguyễn Thị Thu Hà", "Chuyên viên Ban Chỉ đạo QCDC"),
    "dvcq": ("bcd.dvcq2", "Hồ Văn Trung", "Chuyên viên Ban Chỉ đạo DVCQ"),
}
PROVINCE_AUTHORITY = {
    "name": "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN",
    "place_name": "Nghệ An",
    "decision_symbol": "QĐ-UBND",
    "signing_form": "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH",
    "signer_title": "PHÓ CHỦ TỊCH",
    "signer_name": "Nguyễn Văn Đề",  # an invented name: the demo signs nothing real
    "legal_bases": (
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\n"
        "Căn cứ Luật Thực hiện dân chủ ở cơ sở ngày 10 tháng 11 năm 2022;\n"
        "Căn cứ Đề án số 04-ĐA/TU ngày 01 tháng 10 năm 2021 của Ban Thường vụ Tỉnh ủy;"
    ),
}


def _reviewers(context) -> dict:
    """The two reviewers of each provincial steering committee (the demo adds a second one)."""
    committees, province = context["committees"], context["province"]
    found = {}
    for key, (username, full_name, position) in SECOND_REVIEWERS.items():
        first = User.objects.get(username=f"bcd.{key}")
        second, created = User.objects.get_or_create(
            username=username,
            defaults={
                "full_name": full_name,
                "position": position,
                "email": f"{username}@diemsang.local",
            },
        )
        if created:
            second.set_password(demo_org.PASSWORD)
            second.save()
        RoleAssignment.objects.get_or_create(
            user=second, role=RoleAssignment.Role.COMMITTEE_STAFF, province=province,
            committee=committees[key],
        )  # fmt: skip
        found[committees[key].pk] = [first, second]
        described = f"{RoleAssignment.Role.COMMITTEE_STAFF.label} — {committees[key].name}"
        if all(login[0] != username for login in context.get("logins", [])):
            context.setdefault("logins", []).append((username, demo_org.PASSWORD, described))
    return found


def _authorities(context) -> dict:
    province, root, committees = context["province"], context["root"], context["committees"]
    authority, _ = IssuingAuthority.objects.get_or_create(
        province=province, level_unit=root, name=PROVINCE_AUTHORITY["name"],
        defaults=PROVINCE_AUTHORITY,
    )  # fmt: skip
    local = {authority.pk: authority for authority in context["local_authorities"].values()}
    _signing_keys([authority, *local.values()])
    return {
        committees["qcdc"].pk: authority,
        committees["dvcq"].pk: authority,
        **context["local_authorities"],  # communes' and a department's own (R40)
    }


def _signing_keys(authorities) -> None:
    """Each demo authority signs with a key of the demo CA (R41): made once, kept after."""
    names = demo_signing_keys(settings.SIGNING_KEYS_FILE, authorities)
    for authority in authorities:
        if authority.name in names and not authority.signing_key:
            authority.signing_key = names[authority.name]
            authority.save(update_fields=["signing_key"])


@transaction.atomic
def build(context: dict) -> None:
    """Recognition's part of `manage.py load_demo` (see that command)."""
    province = context["province"]
    RecognitionSettings.objects.get_or_create(province=province)
    reviewers = {**_reviewers(context), **context["local_committees"]}
    authorities = _authorities(context)
    if Dossier.objects.filter(province=province).exists():
        return
    rng = random.Random(4)
    officials = {
        a.unit_id: a.user
        for a in RoleAssignment.objects.filter(
            province=province, role=RoleAssignment.Role.UNIT_OFFICIAL
        )
    }
    demo_units = set(officials)
    this_year = timezone.localdate().year
    recognized = []
    for year in range(2022, this_year + 1):
        criteria = {}
        for field in Field.values:
            criteria_set = criteria_set_for(province, field, year)
            criteria[field] = (
                criteria_set,
                list(criteria_set.criteria.order_by("group", "number")),
            )
        accepted = list(
            BrightSpot.objects.filter(
                province=province, year=year, status=BrightSpot.Status.ACCEPTED,
                recipient__in=list(reviewers),
            ).exclude(
                # A commune merged away before the window opened has no committee to decide.
                recipient__level_unit__valid_to__lt=date(year, 10, 15),
            ).select_related("unit").order_by("pk")
        )  # fmt: skip
        ours = [b for b in accepted if b.unit_id in demo_units]
        if year == this_year and ours:
            # Each demo unit keeps one accepted bright spot without a dossier, to start one.
            first = {}
            for spot in ours:
                first.setdefault(spot.unit_id, spot)
            accepted = [b for b in accepted if b not in first.values()]
        built = bulk.recognize_year(
            province=province, bright_spots=accepted, reviewers=reviewers, authorities=authorities,
            criteria=criteria, officials=officials, rng=rng,
            must=frozenset(b.pk for b in accepted if b.unit_id in demo_units),
            plan=bulk.RecognitionPlan(year=year, decided=year < this_year,
                                      dossier_share=0.3 if year < this_year else 0.25),
        )  # fmt: skip
        recognized += [d.bright_spot for d in built.dossiers if d.decision_id]
    _replications(province, recognized, this_year, rng)
    _commendation(province, context["committees"], reviewers, officials, rng)


def _replications(province, recognized, this_year, rng) -> None:
    """Later bright spots of other units that apply a recognized model (R24)."""
    later = list(
        BrightSpot.objects.filter(province=province, year__gte=2024, replicates=None)
        .exclude(status__in=[BrightSpot.Status.DRAFT, BrightSpot.Status.WITHDRAWN])
        .order_by("pk")
    )
    rng.shuffle(later)
    models = [b for b in recognized if b.year <= 2024]
    changed = []
    for spot in later[:60]:
        candidates = [
            m
            for m in models
            if m.field == spot.field and m.year < spot.year and m.unit_id != spot.unit_id
        ]
        if candidates:
            # A few popular models spread widely; most are replicated once or twice.
            spot.replicates = candidates[min(int(rng.expovariate(0.5)), len(candidates) - 1)]
            changed.append(spot)
    BrightSpot.objects.bulk_update(changed, ["replicates"])


def _commendation(province, committees, reviewers, officials, rng) -> None:
    """The 2021–2025 proposal of the QCDC committee, sent with the Council's outcomes; the DVCQ
    committee's still being prepared; and units' yearly commendations."""
    council = f"Hội đồng Thi đua - Khen thưởng tỉnh {province.name}"
    for key, sent in (("qcdc", True), ("dvcq", False)):
        committee = committees[key]
        staff = reviewers[committee.pk][0]
        proposal = CommendationProposal.objects.create(
            province=province, committee=committee, period_start=2021, period_end=2025,
            council=council, created_by=staff,
            status="sent" if sent else "draft", sent_at=timezone.now() - timedelta(days=20) if sent else None,
        )  # fmt: skip
        chosen = list(
            Recognition.objects.filter(decision__committee=committee, dossier__year__lte=2025)
            .select_related("dossier__unit", "dossier__bright_spot")
            .order_by("dossier__year", "pk")
        )
        chosen = sorted(
            rng.sample(chosen, k=min(15, len(chosen))),
            key=lambda r: (r.dossier.year, r.dossier.unit.name_sort),
        )
        entries = []
        for position, recognition in enumerate(chosen, 1):
            outcome = (
                rng.choice(
                    [Outcome.MERIT, Outcome.COMMENDATION, Outcome.COMMENDATION, Outcome.NONE]
                )
                if sent
                else Outcome.PENDING
            )
            entries.append(CommendationEntry(
                proposal=proposal, recognition=recognition, position=position, outcome=outcome,
                outcome_reference="Quyết định số 3120/QĐ-UBND ngày 20/12/2025" if outcome in (Outcome.MERIT, Outcome.COMMENDATION) else "",
                outcome_recorded_at=proposal.sent_at if sent else None, outcome_recorded_by=staff if sent else None,
            ))  # fmt: skip
        CommendationEntry.objects.bulk_create(entries)
    commended = list(
        BrightSpot.objects.filter(
            province=province, unit_id__in=list(officials), status=BrightSpot.Status.ACCEPTED,
            year__in=[2024, 2025],
        ).select_related("unit")[:6]
    )  # fmt: skip
    UnitCommendation.objects.bulk_create(
        [
            UnitCommendation(
                province=province,
                unit=b.unit,
                bright_spot=b,
                year=b.year,
                form=f"Giấy khen của Chủ tịch UBND {b.unit.name}",
                reference=f"Quyết định số {rng.randint(100, 900)}/QĐ-UBND",
                recorded_by=officials[b.unit_id],
            )  # fmt: skip
            for b in commended
        ]
    )
