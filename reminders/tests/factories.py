from datetime import date

from reminders.models import Reminder

_counter = {"n": 0}


def make_notification(user, *, unit=None, subject=None, read=False, **extra) -> Reminder:
    """A reminder already delivered to `user`, as the job leaves it."""
    from django.utils import timezone

    _counter["n"] += 1
    n = _counter["n"]
    unit = unit or user.role_assignments.first().unit
    values = {
        "province": unit.province,
        "kind": "registration",
        "year": 2026,
        "deadline": date(2026, 3, 30),
        "days_before": n,  # a distinct milestone each, as the unique constraint wants
        "about": f"unit:{unit.pk}",
        "unit": unit,
        "recipient": user,
        "day": date(2026, 3, 23),
        "language": "vi",
        "subject": subject or f"Điểm sáng năm 2026: hạn đăng ký 30/03/2026 (còn {n} ngày)",
        "body": f"{unit.name} chưa gửi đủ danh sách đăng ký điểm sáng năm 2026.",
        "link": f"/units/{unit.pk}/registration/?year=2026",
        "email": user.email,
        "sent_at": timezone.now(),
        "read_at": timezone.now() if read else None,
        **extra,
    }
    return Reminder.objects.create(**values)
