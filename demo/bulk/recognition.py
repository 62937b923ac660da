"""Recognition in bulk, for the demo province and the benchmark dataset.

Builds a year of recognition the way it happens: units prepare dossiers for some of their
accepted bright spots between 15 October and 30 November; reviewers score them; the committee
proposes; in December a Decision per committee recognizes most of them and certificates are
issued (rows with their serials; the PDF is rendered on first download). For the current year
the window is still open: dossiers are at every stage. Rows go in with bulk inserts, with the
audit entries the pages show.
"""

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from demo.bulk import copy
from demo.bulk.papers import PAPERS, paper
from organisation.models import AuditEntry
from recognition.models import (
    Assessment,
    Certificate,
    Decision,
    Dossier,
    Recognition,
    Review,
    Score,
    SerialCounter,
)
from recognition.services.certificates import serial_settings

Status = Dossier.Status

METHODS = [
    "Cấp ủy ban hành nghị quyết chuyên đề; chính quyền xây dựng kế hoạch, phân công cán bộ phụ trách từng xóm; Mặt trận và các đoàn thể vận động từng hộ.",
    "Tổ chức hội nghị đối thoại định kỳ hằng quý giữa người đứng đầu với Nhân dân; công khai kết quả giải quyết trên bảng tin và nhóm Zalo của xóm.",
    "Rà soát quy trình một cửa, niêm yết công khai thủ tục, bố trí cán bộ hướng dẫn tận tình; tiếp nhận phản ánh qua đường dây nóng.",
]
EXPERIENCES = [
    "Người đứng đầu gương mẫu, sâu sát cơ sở; phát huy vai trò của người có uy tín trong cộng đồng.",
    "Việc gì có lợi cho dân thì hết sức làm; công khai, minh bạch để Nhân dân cùng bàn, cùng làm, cùng giám sát.",
]
EFFECTS = [
    "100% hộ dân đồng thuận; huy động được hơn 2 tỷ đồng và 3.500 ngày công; không có đơn thư vượt cấp.",
    "Thời gian giải quyết hồ sơ giảm 30%; mức độ hài lòng của người dân đạt trên 95%.",
]
SPREADS = [
    "Mô hình được nhân rộng ra các xóm trong xã và được nhiều địa phương trong tỉnh đến học tập.",
    "Được báo chí, đài phát thanh tuyên truyền; 5 đơn vị đã đăng ký áp dụng mô hình.",
]
NOT_RECOGNIZED = [
    "Mô hình mới triển khai, chưa có sức lan tỏa rộng; đề nghị tiếp tục duy trì và đăng ký năm sau.",
    "Hồ sơ chưa chứng minh được hiệu quả thực tế bằng số liệu cụ thể.",
]


@dataclass
class RecognitionPlan:
    year: int
    dossier_share: float = 0.35  # of accepted bright spots
    not_recognized: float = 0.1  # of dossiers
    decided: bool = True  # the Decisions of the year were issued
    reviews_per_dossier: int = 2
    now: datetime | None = None


@dataclass
class Built:
    dossiers: list = field(default_factory=list)
    decisions: list = field(default_factory=list)
    certificates: int = 0


def _at(day: date, hour: int = 9) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=timezone.get_default_timezone())


def recognize_year(
    *, province, bright_spots, reviewers: dict, authorities: dict, criteria: dict, officials: dict,
    plan: RecognitionPlan, rng: random.Random, must: frozenset = frozenset(),
) -> Built:  # fmt: skip
    """One year of recognition for `bright_spots` (accepted, routed to a committee in
    `reviewers`). `reviewers` maps a committee id to its staff, `authorities` a committee id to
    the IssuingAuthority of its level, `criteria` a field to (criteria set, [criteria]),
    `officials` a unit id to the user who prepares its dossiers. Bright spots in `must` always
    get a dossier (the demo's own units)."""
    now = plan.now or timezone.now()
    today = timezone.localdate(now)
    opens, closes = date(plan.year, 10, 15), date(plan.year, 11, 30)
    chosen = [b for b in bright_spots if b.pk in must or rng.random() < plan.dossier_share]
    signed = {part: paper(part) for part in PAPERS} if chosen else {}
    built = Built()
    rows = []
    for spot in chosen:
        latest = min(closes, today - timedelta(days=1)) if not plan.decided else closes
        if latest < opens:
            continue
        submitted = _at(
            opens + timedelta(days=rng.randint(0, (latest - opens).days)), rng.randint(8, 16)
        )
        status = _status(spot, plan, rng, must)
        criteria_set, _criteria = criteria[spot.field]
        dossier = Dossier(
            province=province, unit=spot.unit, bright_spot=spot, year=plan.year, field=spot.field,
            committee_id=spot.recipient_id, criteria_set=criteria_set, status=status,
            method=rng.choice(METHODS), experience=rng.choice(EXPERIENCES),
            effectiveness=rng.choice(EFFECTS), spread=rng.choice(SPREADS),
            evaluation_by="Ban Dân vận Đảng ủy", evaluation_summary="Mô hình thiết thực, hiệu quả, được Nhân dân đồng tình hưởng ứng.",
            dispatch_number=f"{rng.randint(10, 250)}/TTr-UBND", dispatch_date=submitted.date() - timedelta(days=2),
            dispatch_signer=rng.choice(["Nguyễn Văn Thắng", "Trần Thị Hoa", "Lê Đình Phúc"]),
            created_by=officials.get(spot.unit_id) or spot.created_by,
        )  # fmt: skip
        if status != Status.DRAFT:  # submitted: its three parts are complete (R17)
            dossier.evaluation_file, dossier.evaluation_file_name = signed["evaluation"]
            dossier.dispatch_file, dossier.dispatch_file_name = signed["dispatch"]
            dossier.first_submitted_at = dossier.submitted_at = submitted
            dossier.submitted_by, dossier.timeliness = dossier.created_by, "on_time"
        if status == Status.SUPPLEMENT:
            dossier.supplement_note = (
                "Đề nghị bổ sung biên bản hội nghị đối thoại và số liệu minh chứng."
            )
            dossier.supplement_due = today + timedelta(days=4)
        if status in (Status.PROPOSED, Status.NOT_RECOGNIZED, Status.RECOGNIZED):
            dossier.proposed_at = min(submitted + timedelta(days=rng.randint(3, 10)), now)
            dossier.proposed_by = reviewers[spot.recipient_id][0]
            if status == Status.NOT_RECOGNIZED:
                dossier.proposal_reasons = rng.choice(NOT_RECOGNIZED)
        rows.append(dossier)
    # A recognized dossier needs its Decision first (a database constraint): insert as proposed.
    final = {id(d): d.status for d in rows}
    for dossier in rows:
        if dossier.status == Status.RECOGNIZED:
            dossier.status = Status.PROPOSED
    copy.insert(Dossier, rows)
    built.dossiers = rows
    _parts(rows, criteria, reviewers, plan, rng, now)
    to_recognize = [d for d in rows if final[id(d)] == Status.RECOGNIZED]
    built.decisions, built.certificates = _decide(
        province, to_recognize, authorities, reviewers, plan, rng
    )
    _audit(province, rows, final, reviewers)
    return built


def _status(spot, plan, rng, must) -> str:
    roll = rng.random()
    if plan.decided:
        return (
            Status.NOT_RECOGNIZED
            if roll < plan.not_recognized and spot.pk not in must
            else Status.RECOGNIZED
        )
    for share, status in ((0.2, Status.DRAFT), (0.45, Status.SUBMITTED), (0.1, Status.SUPPLEMENT),
                          (0.2, Status.PROPOSED)):  # fmt: skip
        if roll < share:
            return status
        roll -= share
    return Status.NOT_RECOGNIZED


def _parts(rows, criteria, reviewers, plan, rng, now) -> None:
    """The unit's assessment of each criterion, and the reviewers' scores."""
    assessments, reviews, scores = [], [], []
    for dossier in rows:
        _set, items = criteria[dossier.field]
        draft = dossier.status == Status.DRAFT
        for index, criterion in enumerate(items):
            filled = not draft or index < len(items) // 2
            assessments.append(Assessment(
                dossier=dossier, criterion=criterion, level="achieved" if filled else "",
                text="Đơn vị đã thực hiện đầy đủ, có kết quả cụ thể." if filled else "",
                evidence="Nghị quyết, kế hoạch, biên bản hội nghị." if filled else "",
            ))  # fmt: skip
        if dossier.status in (Status.DRAFT, Status.SUPPLEMENT):
            continue
        staff = reviewers[dossier.committee_id]
        count = (
            plan.reviews_per_dossier if dossier.status != Status.SUBMITTED else rng.randint(0, 2)
        )
        for reviewer in staff[:count]:
            done = dossier.status != Status.SUBMITTED or rng.random() < 0.6
            review = Review(
                dossier=dossier, reviewer=reviewer, assigned_by=staff[0],
                assigned_at=dossier.submitted_at + timedelta(days=1),
                completed_at=min(dossier.submitted_at + timedelta(days=3), now) if done else None,
            )  # fmt: skip
            reviews.append(review)
            if done:
                weak = dossier.status == Status.NOT_RECOGNIZED
                for criterion in items:
                    verdict = rng.choices(
                        ["met", "partly", "not_met"], [2, 3, 1] if weak else [9, 1, 0]
                    )[0]
                    scores.append(Score(review=review, criterion=criterion, verdict=verdict))
    copy.insert(Assessment, assessments)
    copy.insert(Review, reviews)
    copy.insert(Score, scores)


def _decide(province, dossiers, authorities, reviewers, plan, rng):
    """One Decision per committee in December, its recognitions and certificates."""
    by_committee = {}
    for dossier in dossiers:
        by_committee.setdefault(dossier.committee_id, []).append(dossier)
    decisions, recognitions = [], []
    taken = set(Decision.objects.filter(year=plan.year).values_list("authority_id", "number"))
    for committee_id, group in by_committee.items():
        authority = authorities[committee_id]
        # A province numbers in the thousands by December; a ward or a department in the tens.
        number = (
            rng.randint(2000, 3600)
            if authority.level_unit.parent_id is None
            else rng.randint(5, 60)
        )
        while (authority.pk, number) in taken:
            number += 1
        taken.add((authority.pk, number))
        day = date(plan.year, 12, rng.randint(5, 20))
        decision = Decision(
            province=province, committee_id=committee_id, authority=authority, number=number,
            year=day.year, date=day, recognition_year=plan.year, authority_name=authority.name,
            parent_name=authority.parent_name, place_name=authority.place_name,
            symbol=authority.decision_symbol, signing_form=authority.signing_form,
            signer_title=authority.signer_title, signer_name=authority.signer_name,
            legal_bases=authority.legal_bases, recorded_at=_at(day, 15),
            recorded_by=reviewers[committee_id][0],
        )  # fmt: skip
        decisions.append(decision)
        group.sort(key=lambda d: (d.unit.name_sort, d.bright_spot.name_sort))
        recognitions += [
            Recognition(decision=decision, dossier=d, position=i) for i, d in enumerate(group, 1)
        ]
    copy.insert(Decision, decisions)
    copy.insert(Recognition, recognitions)
    for recognition in recognitions:
        recognition.dossier.status, recognition.dossier.decision = (
            Status.RECOGNIZED,
            recognition.decision,
        )
    Dossier.objects.bulk_update(
        [r.dossier for r in recognitions], ["status", "decision"], batch_size=2000
    )
    counter, _ = SerialCounter.objects.get_or_create(province=province, year=plan.year)
    settings = serial_settings(province)
    certificates = []
    for recognition in recognitions:
        counter.last_number += 1
        certificates.append(Certificate(
            recognition=recognition, province=province, year=plan.year, number=counter.last_number,
            serial=settings.serial(province_code=province.code, year=plan.year, number=counter.last_number),
            issued_at=_at(recognition.decision.date, 16),
        ))  # fmt: skip
    copy.insert(Certificate, certificates)
    counter.save(update_fields=["last_number"])
    return decisions, len(certificates)


def _audit(province, rows, final, reviewers) -> None:
    dossier_type = ContentType.objects.get_for_model(Dossier)
    entries = []
    for dossier in rows:
        common = {"province": province, "bright_spot_id": dossier.bright_spot_id, "target_type": dossier_type,
                  "target_id": dossier.pk, "target_label": dossier.bright_spot.name[:300]}  # fmt: skip
        started = (dossier.submitted_at or timezone.now()) - timedelta(days=5)
        entries.append(
            AuditEntry(
                actor=dossier.created_by,
                at=started,
                action="dossier.created",
                to_state="draft",
                **common,
            )
        )
        if dossier.submitted_at:
            entries.append(AuditEntry(actor=dossier.created_by, at=dossier.submitted_at, action="dossier.submitted",
                                      from_state="draft", to_state="submitted", **common))  # fmt: skip
        if dossier.status == Status.SUPPLEMENT:
            entries.append(AuditEntry(actor=reviewers[dossier.committee_id][0], at=dossier.submitted_at + timedelta(days=2), action="dossier.supplement_requested",
                                      from_state="submitted", to_state="supplement", comment=dossier.supplement_note, **common))  # fmt: skip
        if dossier.proposed_at:
            action = (
                "dossier.not_recognized"
                if final[id(dossier)] == Status.NOT_RECOGNIZED
                else "dossier.proposed"
            )
            entries.append(AuditEntry(actor=dossier.proposed_by, at=dossier.proposed_at, action=action, from_state="submitted",
                                      to_state=Status.NOT_RECOGNIZED if action.endswith("not_recognized") else Status.PROPOSED,
                                      comment=dossier.proposal_reasons, **common))  # fmt: skip
        if dossier.decision_id:
            decision = dossier.decision
            entries.append(AuditEntry(actor=decision.recorded_by, at=decision.recorded_at, action="dossier.recognized",
                                      from_state="proposed", to_state="recognized", comment=decision.reference, **common))  # fmt: skip
    copy.insert(AuditEntry, entries)
