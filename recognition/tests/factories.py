"""Building recognition states for tests, through the services wherever a rule is involved."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from core.tests.upload_samples import PDF
from core.text import fold, sort_key
from recognition import services
from recognition.models import (
    Assessment,
    Certificate,
    Dossier,
    IssuingAuthority,
    Review,
    Score,
)
from recognition.selectors import criteria_set_for
from registry import services as registry_services
from registry.models import BrightSpot, Registration
from registry.tests.factories import make_bright_spot

ICT = ZoneInfo("Asia/Ho_Chi_Minh")


def at(year, month, day, hour=9, minute=0, second=0):
    """Freeze the clock at a moment in Asia/Ho_Chi_Minh."""
    return time_machine.travel(
        datetime(year, month, day, hour, minute, second, tzinfo=ICT), tick=False
    )


def pdf_upload(name="tai-lieu.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def accepted_pair(unit, official, reviewers: dict, *, year=2026, names=("", ""), level="province"):
    """A QCDC and a DVCQ bright spot of the unit, registered in March and accepted by their
    committees (reviewers maps field → committee staff). Answers {field: bright spot}."""
    with at(year, 3, 10):
        spots = {
            field: make_bright_spot(
                unit, year=year, field=field, name=name or None, by=official, level=level
            )
            for field, name in zip(("qcdc", "dvcq"), names, strict=True)
        }
        registry_services.registration_submit(unit=unit, year=year, by=official)
    with at(year, 4, 2):
        for field, spot in spots.items():
            spot.refresh_from_db()
            registry_services.bright_spot_review(
                bright_spot=spot, accept=True, comment="", version=spot.version,
                by=reviewers[field],
            )  # fmt: skip
            spot.refresh_from_db()
    return spots


def cast_pair(cast, unit=None, official=None, **kwargs):
    return accepted_pair(
        unit or cast.unit_a,
        official or cast.official_a,
        {"qcdc": cast.qcdc_staff, "dvcq": cast.dvcq_staff},
        **kwargs,
    )


def fill(dossier, by):
    """Complete the three parts of the dossier (R17)."""
    assessments = {
        a.criterion_id: {
            "level": "achieved",
            "text": "Đạt đầy đủ yêu cầu.",
            "evidence": "Biên bản hội nghị.",
        }
        for a in dossier.assessments.all()
    }
    services.dossier_save_report(
        dossier=dossier, method="Xây dựng kế hoạch, giao nhiệm vụ cụ thể.",
        experience="Người đứng đầu gương mẫu.", effectiveness="100% hộ đồng thuận.",
        spread="Nhân rộng ra 5 xóm.", assessments=assessments, version=dossier.version, by=by,
    )  # fmt: skip
    services.dossier_save_evaluation(
        dossier=dossier, evaluation_by="Ban Dân vận Đảng ủy xã",
        evaluation_summary="Mô hình hiệu quả, được Nhân dân đồng tình.",
        evaluation_file=pdf_upload("danh-gia.pdf"), version=dossier.version, by=by,
    )  # fmt: skip
    services.dossier_save_dispatch(
        dossier=dossier, dispatch_number="45/TTr-UBND", dispatch_date=timezone.localdate(),
        dispatch_signer="Nguyễn Văn Cường", dispatch_file=pdf_upload("to-trinh.pdf"),
        version=dossier.version, by=by,
    )  # fmt: skip
    dossier.refresh_from_db()
    return dossier


def submitted_dossier(bright_spot, by, *, when=(2026, 10, 20)):
    with at(*when):
        dossier = services.dossier_start(bright_spot=bright_spot, by=by)
        fill(dossier, by)
        services.dossier_submit(dossier=dossier, version=dossier.version, by=by)
    dossier.refresh_from_db()
    return dossier


def scored(dossier, reviewer, verdict="met", *, assigned_by=None):
    services.reviewers_assign(
        committee=dossier.committee, dossiers=[dossier], reviewers=[reviewer],
        by=assigned_by or reviewer,
    )  # fmt: skip
    review = Review.objects.get(dossier=dossier, reviewer=reviewer)
    scores = {c.pk: (verdict, "") for c in dossier.criteria_set.criteria.all()}
    services.review_save(review=review, scores=scores, comment="", by=reviewer)
    return review


def proposed(dossier, reviewer, *, when=(2026, 11, 2)):
    with at(*when):
        scored(dossier, reviewer)
        dossier.refresh_from_db()
        services.dossier_propose(
            dossier=dossier, recognize=True, reasons="", version=dossier.version, by=reviewer
        )
    dossier.refresh_from_db()
    return dossier


def authority_for(level_unit, **changes):
    values = {
        "province": level_unit.province,
        "level_unit": level_unit,
        "name": "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN",
        "place_name": "Nghệ An",
        "decision_symbol": "QĐ-UBND",
        "signing_form": "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH",
        "signer_title": "PHÓ CHỦ TỊCH",
        "signer_name": "Hoàng Minh Châu",
        "legal_bases": "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
        **changes,
    }
    return IssuingAuthority.objects.create(**values)


def decision_for(committee, dossiers, by, *, number=125, day=date(2026, 11, 20), authority=None):
    authority = authority or (
        IssuingAuthority.objects.filter(level_unit=committee.level_unit).first()
        or authority_for(committee.level_unit)
    )
    with at(day.year, day.month, day.day, 15):
        return services.decision_record(
            committee=committee, authority=authority, number=number, date=day,
            dossiers=list(dossiers), by=by,
        )  # fmt: skip


def bulk_proposed(unit, committee, count, *, year=2026, field="qcdc", reviewer, names=None):
    """Many complete dossiers proposed for recognition at once, for bulk certificates and long
    lists (rows written directly: the services are tested one dossier at a time)."""
    user = unit.role_assignments.first().user
    registration, _ = Registration.objects.get_or_create(
        unit=unit, year=year, defaults={"province": unit.province}
    )
    names = names or [f"Mô hình dân vận khéo số {i:03d} của {unit.name}" for i in range(count)]
    submitted = timezone.make_aware(datetime(year, 3, 20, 9), ICT)
    spots = BrightSpot.objects.bulk_create(
        [
            BrightSpot(
                province=unit.province, unit=unit, registration=registration, year=year,
                field=field, level="province", name=name, address=f"Xóm {i}", objectives="Mục tiêu",
                plan="Kế hoạch", status="accepted", recipient=committee, submitted_at=submitted,
                timeliness="on_time", reviewed_at=submitted + timedelta(days=5), reviewed_by=reviewer,
                created_by=user, search_text=fold(f"{name} Xóm {i}"), name_sort=sort_key(name),
            )
            for i, name in enumerate(names)
        ]
    )  # fmt: skip
    criteria_set = criteria_set_for(unit.province, field, year)
    on = timezone.make_aware(datetime(year, 10, 20, 9), ICT)
    dossiers = Dossier.objects.bulk_create(
        [
            Dossier(
                province=unit.province, unit=unit, bright_spot=spot, year=year, field=field,
                committee=committee, criteria_set=criteria_set, status="proposed",
                method="Phương pháp", experience="Kinh nghiệm", effectiveness="Hiệu quả",
                spread="Lan tỏa", evaluation_by="Ban Dân vận Đảng ủy xã",
                evaluation_summary="Mô hình hiệu quả.", evaluation_file="ho-so/danh-gia.pdf",
                dispatch_number="45/TTr-UBND", dispatch_date=on.date(),
                dispatch_signer="Nguyễn Văn Cường", dispatch_file="ho-so/to-trinh.pdf",
                first_submitted_at=on, submitted_at=on, timeliness="on_time",
                proposed_at=on + timedelta(days=10), proposed_by=reviewer, created_by=user,
            )
            for spot in spots
        ]
    )  # fmt: skip
    criteria = list(criteria_set.criteria.all())
    Assessment.objects.bulk_create(
        [
            Assessment(dossier=d, criterion=c, level="achieved", text="Đạt")
            for d in dossiers
            for c in criteria
        ]
    )
    reviews = Review.objects.bulk_create(
        [
            Review(dossier=d, reviewer=reviewer, assigned_by=reviewer, completed_at=on)
            for d in dossiers
        ]
    )
    Score.objects.bulk_create(
        [Score(review=r, criterion=c, verdict="met") for r in reviews for c in criteria]
    )
    for dossier in dossiers:
        dossier.bright_spot = next(s for s in spots if s.pk == dossier.bright_spot_id)
        dossier.unit = unit
    return dossiers


def recognition_history(cast, *, certificates: bool = True) -> dict:
    """The recognition rounds of 2024 and 2025 as seen in March 2026, built through the services
    at the dates they happened (R16–R22); the permission matrix and the bad-input tests share it.

    Unit A, 2025: its QCDC dossier is under review (scored by the QCDC staff), its DVCQ dossier
    still a draft. Unit B, 2025: QCDC recognized by Decision 125/QĐ-UBND with its certificate
    (`certificates=False` leaves the certificate out), DVCQ proposed and awaiting a Decision.
    Unit B, 2024: DVCQ recognized by Decision 88. Proposals 2021–2025: the QCDC committee's
    being prepared (nothing selected yet), the DVCQ committee's sent with unit B's 2024 model.
    """
    authority = authority_for(cast.root)
    staff = {"qcdc": cast.qcdc_staff, "dvcq": cast.dvcq_staff}
    a = accepted_pair(cast.unit_a, cast.official_a, staff, year=2025)
    b = accepted_pair(cast.unit_b, cast.official_b, staff, year=2025)
    b_2024 = accepted_pair(cast.unit_b, cast.official_b, staff, year=2024)

    dvcq_2024 = submitted_dossier(b_2024["dvcq"], cast.official_b, when=(2024, 10, 20))
    dvcq_2024 = proposed(dvcq_2024, cast.dvcq_staff, when=(2024, 11, 4))
    decision_2024 = decision_for(
        cast.dvcq, [dvcq_2024], cast.dvcq_staff, number=88, day=date(2024, 11, 20)
    )

    under_review = submitted_dossier(a["qcdc"], cast.official_a, when=(2025, 10, 20))
    with at(2025, 10, 16):
        draft = services.dossier_start(bright_spot=a["dvcq"], by=cast.official_a)
    with at(2025, 10, 27):
        scored(under_review, cast.qcdc_staff)
    under_review.refresh_from_db()
    recognized = proposed(
        submitted_dossier(b["qcdc"], cast.official_b, when=(2025, 10, 21)),
        cast.qcdc_staff,
        when=(2025, 11, 3),
    )
    awaiting = proposed(
        submitted_dossier(b["dvcq"], cast.official_b, when=(2025, 10, 22)),
        cast.dvcq_staff,
        when=(2025, 11, 4),
    )
    decision = decision_for(cast.qcdc, [recognized], cast.qcdc_staff, day=date(2025, 11, 20))
    certificate = None
    if certificates:
        with at(2025, 11, 21):
            services.certificates_issue(decision=decision, by=cast.qcdc_staff)
            services.certificates_run(decision_id=decision.pk, round=1, part=1)
        certificate = Certificate.objects.get(recognition__decision=decision)

    with at(2025, 12, 15):
        council = "Hội đồng Thi đua - Khen thưởng tỉnh"
        proposal = services.commendation_proposal_create(
            committee=cast.qcdc, period_start=2021, council=council, by=cast.qcdc_staff
        )
        dvcq_proposal = services.commendation_proposal_create(
            committee=cast.dvcq, period_start=2021, council=council, by=cast.dvcq_staff
        )
        services.commendation_select(
            proposal=dvcq_proposal, recognitions=list(decision_2024.recognitions.all()),
            by=cast.dvcq_staff,
        )  # fmt: skip
        services.commendation_send(proposal=dvcq_proposal, by=cast.dvcq_staff)
    recognized.refresh_from_db()
    return {
        "authority": authority,
        "accepted_a_qcdc": a["qcdc"],
        "dossier_review": under_review,
        "dossier_draft": draft,
        "dossier_recognized": recognized,
        "dossier_awaiting": awaiting,
        "recognized_spot": b["qcdc"],
        "decision": decision,
        "recognition": decision.recognitions.get(),
        "decision_2024": decision_2024,
        "certificate": certificate,
        "proposal": proposal,
        "dvcq_proposal": dvcq_proposal,
        "dvcq_entry": dvcq_proposal.entries.get(),
    }
