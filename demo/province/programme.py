"""Each level's programme in the demo (R40): this year's plans of the province and of the
local levels, a few inspections by the Mass Mobilization Committee (one overdue, one answered),
and yearly follow-ups of past recognitions (one model no longer a model). Safe to run again."""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from demo import names as data
from organisation.models import Committee, User
from recognition.models import Dossier, FollowUp
from registry.models import Inspection, LevelPlan


@transaction.atomic
def build(context: dict) -> None:
    province, committees = context["province"], context["committees"]
    today = timezone.localdate()
    year = today.year
    if LevelPlan.objects.filter(province=province).exists():
        return
    staff = User.objects.get(username="bcd.qcdc")
    plans = [(committees["qcdc"], "45/KH-UBND", 135, 136)]
    for commune in data.LOCAL_COMMUNES:
        plans.append((Committee.objects.get(name=commune["committee"]), "12/KH-UBND", 3, 3))
    LevelPlan.objects.bulk_create([
        LevelPlan(
            province=province, level_unit=committee.level_unit, year=year, number=number,
            date=date(year, 1, 20), target_qcdc=qcdc, target_dvcq=dvcq, recorded_by=staff,
        )
        for committee, number, qcdc, dvcq in plans
    ])  # fmt: skip

    inspector = User.objects.get(username="bandanvan")
    party = committees["party"]
    ward = Committee.objects.get(name=data.COMBINED_COMMITTEE).level_unit
    department = Committee.objects.get(name=data.LOCAL_DEPARTMENT["committee"]).level_unit
    official = User.objects.get(username="canbo.sotuphap")
    visited = today - timedelta(days=30)
    Inspection.objects.bulk_create([
        Inspection(
            province=province, committee=party, unit=ward, date=visited,
            team="Đoàn kiểm tra số 3, Ban Tuyên giáo và Dân vận Tỉnh ủy",
            findings="Phường triển khai đúng kế hoạch; một số khối chưa lưu đủ biên bản đối thoại.",
            requests="Bổ sung biên bản hội nghị đối thoại ở các khối, báo cáo kết quả.",
            follow_up_due=today - timedelta(days=5), recorded_by=inspector,
        ),
        Inspection(
            province=province, committee=party, unit=department, date=visited - timedelta(days=20),
            team="Đoàn kiểm tra số 1, Ban Tuyên giáo và Dân vận Tỉnh ủy",
            findings="Sở thực hiện tốt quy chế dân chủ trong cơ quan.",
            requests="Nhân rộng mô hình ra các đơn vị trực thuộc.", follow_up_due=visited,
            answer="Đã chỉ đạo các đơn vị trực thuộc đăng ký mô hình trong năm.",
            answered_at=timezone.now() - timedelta(days=25), answered_by=official,
            recorded_by=inspector,
        ),
    ])  # fmt: skip

    # Past recognitions of the local levels reviewed the years after: one lapsed.
    recognized = list(
        Dossier.objects.filter(
            province=province, status=Dossier.Status.RECOGNIZED, year__lt=year,
            committee__level_unit__parent__isnull=False,
        ).select_related("committee").order_by("year", "pk")[:6]
    )  # fmt: skip
    follow_ups = []
    for index, dossier in enumerate(recognized):
        reviewer = (
            User.objects.filter(role_assignments__committee=dossier.committee).first() or staff
        )
        for later in range(dossier.year + 1, year + 1):
            lapsed = index == 0 and later == dossier.year + 2
            follow_ups.append(FollowUp(
                province=province, dossier=dossier, year=later, recorded_by=reviewer,
                outcome=FollowUp.Outcome.NO_LONGER_MODEL if lapsed else FollowUp.Outcome.EFFECTIVE,
                reason="Mô hình không còn duy trì sinh hoạt định kỳ." if lapsed else "",
            ))  # fmt: skip
            if lapsed:
                break
    FollowUp.objects.bulk_create(follow_ups)
