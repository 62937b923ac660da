"""R25: 14, 7 and 1 days before 30 November, units that have not submitted their annual report;
on 15 October, units with accepted bright spots, as the recognition window opens."""

from datetime import date, timedelta

import pytest

from registry import services as registry_services
from registry.models import BrightSpot, Extension
from reminders.models import Reminder
from reminders.tests.conftest import at

pytestmark = pytest.mark.quiet_events

REPORT_DEADLINE = date(2026, 11, 30)


def submit_report(unit, official, year=2026):
    with at(date(year, 11, 2)):
        results = {
            b.pk: ("Tổ chức 4 hội nghị đối thoại.", "Nhân rộng")
            for b in BrightSpot.objects.filter(unit=unit, year=year)
        }
        registry_services.annual_report_save(
            unit=unit,
            year=year,
            summary="Hoàn thành kế hoạch.",
            next_year_plan="Tiếp tục.",
            results=results,
            by=official,
        )
        registry_services.annual_report_submit(unit=unit, year=year, by=official)


@pytest.mark.parametrize("days", [14, 7, 1])
def test_annual_report_milestones_remind_units_that_have_not_reported(
    cast, register, send, mailoutbox, days
):
    register(cast.unit_a, cast.official_a)
    register(cast.unit_b, cast.official_b)
    submit_report(cast.unit_b, cast.official_b)  # reported: hears nothing
    send(REPORT_DEADLINE - timedelta(days=days))

    reminder = Reminder.objects.get()
    assert (reminder.recipient, reminder.kind, reminder.days_before) == (
        cast.official_a,
        "annual_report",
        days,
    )
    assert reminder.subject == f"Báo cáo tổng kết năm 2026: hạn nộp 30/11/2026 (còn {days} ngày)"
    assert reminder.body.startswith("Xã Nghĩa Dũng chưa nộp báo cáo tổng kết năm 2026")
    assert reminder.link == f"/units/{cast.unit_a.pk}/annual-report/?year=2026"
    assert [m.to for m in mailoutbox] == [["official_a@example.vn"]]


def test_units_without_submitted_bright_spots_owe_no_report(cast, send):
    # Nobody registered: the department and units A and B have nothing to report on.
    send(REPORT_DEADLINE - timedelta(days=7))
    assert not Reminder.objects.filter(kind="annual_report").exists()


def test_no_annual_report_reminder_on_other_days(cast, register, send):
    register(cast.unit_a, cast.official_a)
    for days in (15, 8, 2, 0, -1):
        send(REPORT_DEADLINE - timedelta(days=days))
    assert not Reminder.objects.filter(kind="annual_report").exists()


def test_an_annual_report_extension_moves_the_reminders(cast, register, send):
    register(cast.unit_a, cast.official_a)
    with at(date(2026, 11, 10)):
        registry_services.extension_grant(
            committee=cast.qcdc,
            unit=cast.unit_a,
            year=2026,
            kind=Extension.Kind.ANNUAL_REPORT,
            until=date(2026, 12, 15),
            reason="Chờ số liệu",
            by=cast.qcdc_staff,
        )
    send(REPORT_DEADLINE - timedelta(days=1))
    assert not Reminder.objects.exists()
    send(date(2026, 12, 8))
    reminder = Reminder.objects.get()
    assert (reminder.deadline, reminder.days_before, reminder.year) == (date(2026, 12, 15), 7, 2026)


def accept_one(cast, unit, official):
    with at(date(2026, 4, 2)):
        spot = BrightSpot.objects.filter(unit=unit, field="qcdc").first()
        registry_services.bright_spot_review(
            bright_spot=spot, accept=True, comment="", version=spot.version, by=cast.qcdc_staff
        )


def test_on_15_october_units_with_accepted_bright_spots_hear_the_window_opens(
    cast, register, send, mailoutbox
):
    register(cast.unit_a, cast.official_a)
    register(cast.unit_b, cast.official_b)  # submitted, none accepted: hears nothing
    accept_one(cast, cast.unit_a, cast.official_a)
    send(date(2026, 10, 15))

    reminder = Reminder.objects.get()
    assert (reminder.recipient, reminder.kind) == (cast.official_a, "recognition_opening")
    assert reminder.deadline == date(2026, 10, 15) and reminder.days_before == 0
    assert reminder.subject == (
        "Công nhận điểm sáng năm 2026: nhận hồ sơ từ 15/10/2026 đến 30/11/2026"
    )
    assert "Xã Nghĩa Dũng có 1 điểm sáng đã được chấp nhận trong năm" in reminder.body
    assert len(mailoutbox) == 1


def test_the_recognition_reminder_is_sent_on_15_october_only(cast, register, send):
    register(cast.unit_a, cast.official_a)
    accept_one(cast, cast.unit_a, cast.official_a)
    send(date(2026, 10, 14))
    send(date(2026, 10, 16))
    assert not Reminder.objects.exists()
