"""`manage.py send_reminders --date YYYY-MM-DD [--dry-run]` runs the day's job and says what it
sends, or would send."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from reminders.models import Reminder
from reminders.tests.conftest import at

pytestmark = pytest.mark.quiet_events


def run(*args) -> str:
    out = StringIO()
    with at(date(2026, 11, 24)):
        call_command("send_reminders", *args, stdout=out)
    return out.getvalue()


def test_dry_run_prints_what_would_be_sent_and_sends_nothing(cast, register, mailoutbox):
    register(cast.unit_a, cast.official_a)
    output = run("--date", "2026-03-23", "--dry-run")
    assert "[sẽ gửi] Hạn đăng ký 2026 · 7 ngày trước 30/03/2026 · Phường Đông Vĩnh" in output
    assert "official_b <official_b@example.vn>" in output
    assert "Xã Nghĩa Dũng" not in output
    assert (
        "23/03/2026: 0 lời nhắc mới, 0 đã gửi trước đó, 1 sẽ gửi (chạy thử: không gửi gì)" in output
    )
    assert not Reminder.objects.exists() and mailoutbox == []


@pytest.mark.django_db(transaction=True)
def test_a_real_run_sends_and_a_second_one_reports_them_as_already_sent(cast, mailoutbox):
    first = run("--date", "2026-03-31")
    assert "[mới, đã gửi thư] Đơn vị chưa hoàn thành đăng ký 2026 · 1 ngày sau 30/03/2026" in first
    assert "Ban Chỉ đạo QCDC tỉnh → qcdc_staff" in first
    sent = len(mailoutbox)
    assert sent == Reminder.objects.count() == 3  # QCDC, DVCQ and the other province's committee
    second = run("--date", "2026-03-31")
    assert "31/03/2026: 0 lời nhắc mới, 3 đã gửi trước đó, 0 sẽ gửi" in second
    assert len(mailoutbox) == sent


def test_a_day_with_nothing_due_says_so(cast):
    assert "0 lời nhắc mới, 0 đã gửi trước đó, 0 sẽ gửi" in run("--date", "2026-07-01")


def test_a_malformed_date_is_refused_with_a_message(cast):
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("send_reminders", "--date", "31/03/2026")
