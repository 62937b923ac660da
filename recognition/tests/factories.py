"""Building recognition states for tests, through the services wherever a rule is involved."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from brightspots.text import fold, sort_key
from recognition import services
from recognition.models import Assessment, Dossier, IssuingAuthority, Review, Score
from recognition.selectors import criteria_set_for
from registry import services as registry_services
from registry.models import BrightSpot, Registration
from registry.tests.factories import make_bright_spot

ICT = ZoneInfo("Asia/Ho_Chi_Minh")
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def at(year, month, day, hour=9, minute=0, second=0):
    """Freeze the clock at a moment in Asia/Ho_Chi_Minh."""
    return time_machine.travel(
        datetime(year, month, day, hour, minute, second, tzinfo=ICT), tick=False
    )


def pdf_upload(name="tai-lieu.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def accepted_pair(unit, official, reviewers: dict, *, year=2026, names=("", "")):
    """A QCDC and a DVCQ bright spot of the unit, registered in March and accepted by their
    committees (reviewers maps field → committee staff). Answers {field: bright spot}."""
    with at(year, 3, 10):
        spots = {
            field: make_bright_spot(unit, year=year, field=field, name=name or None, by=official)
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
    """Many dossiers proposed for recognition at once, for bulk certificates and long lists
    (rows written directly: the services are tested one dossier at a time)."""
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
                spread="Lan tỏa", first_submitted_at=on, submitted_at=on, timeliness="on_time",
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
