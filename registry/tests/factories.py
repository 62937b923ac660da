"""Bright spots for tests: one made by the service, or many at once."""


def make_bright_spot(
    unit, *, year=2026, field="qcdc", level="province", name=None, by=None, plan_file=None, **extra
):
    """A draft bright spot with one person in charge and one milestone, made by the service.
    `plan_file`: an uploaded file (e.g. SimpleUploadedFile) attached as the plan document."""
    from datetime import date

    from registry import services

    return services.bright_spot_create(
        unit=unit,
        year=year,
        values={
            "field": field,
            "level": level,
            "name": name or f"Điểm sáng {field.upper()} của {unit.name}",
            "address": f"Thôn 1, {unit.name}",
            "objectives": "Phát huy quyền làm chủ của Nhân dân.",
            "plan": "Quý I: khảo sát. Quý II: triển khai. Quý IV: sơ kết.",
            "continues": None,
            "replicates": None,
            **extra,
        },
        staff=[
            {
                "name": "Nguyễn Văn Cường",
                "position": "Phó Chủ tịch UBND",
                "phone": "0912345678",
                "email": "",
            }
        ],
        milestones=[{"title": "Khảo sát, xây dựng kế hoạch", "due": date(year, 6, 30)}],
        plan_file=plan_file,
        by=by or unit.role_assignments.first().user,
    )


def bulk_submitted(unit, committee, count, *, year=2026, field="qcdc", names=None, **extra):
    """Many submitted bright spots at once, for lists and query counts (bypasses the services)."""
    from django.utils import timezone

    from core.text import fold, sort_key
    from registry.models import BrightSpot, Registration

    registration, _ = Registration.objects.get_or_create(
        unit=unit, year=year, defaults={"province": unit.province}
    )
    user = unit.role_assignments.first().user
    names = names or [f"Mô hình số {i:04d} của {unit.name}" for i in range(count)]
    rows = [
        BrightSpot(
            province=unit.province,
            unit=unit,
            registration=registration,
            year=year,
            field=field,
            level="province",
            name=name,
            address=f"Xóm {i}",
            objectives="Mục tiêu",
            plan="Kế hoạch",
            status="submitted",
            recipient=committee,
            submitted_at=timezone.now(),
            timeliness="on_time",
            created_by=user,
            search_text=fold(f"{name} Xóm {i}"),
            name_sort=sort_key(name),
            **extra,
        )
        for i, name in enumerate(names)
    ]
    return BrightSpot.objects.bulk_create(rows)
