"""R25: 30, 14, 7, 3 and 1 days before the registration deadline, units without a submitted list
holding both fields are reminded; the others hear nothing."""

from datetime import date, timedelta

import pytest

from registry import services as registry_services
from registry.models import Extension, RegistrationPeriod
from registry.tests.factories import bulk_submitted
from reminders.models import Reminder
from reminders.tests.conftest import at

pytestmark = pytest.mark.quiet_events

DEADLINE = date(2026, 3, 30)


@pytest.mark.parametrize("days", [30, 14, 7, 3, 1])
def test_each_milestone_reminds_the_officials_of_units_without_a_list(
    cast, register, send, mailoutbox, days
):
    register(cast.unit_a, cast.official_a)  # compliant: hears nothing
    send(DEADLINE - timedelta(days=days))

    reminder = Reminder.objects.get()
    assert (reminder.recipient, reminder.unit, reminder.kind) == (
        cast.official_b,
        cast.unit_b,
        "registration",
    )
    assert (reminder.days_before, reminder.deadline, reminder.year) == (days, DEADLINE, 2026)
    plural = f"còn {days} ngày"
    assert reminder.subject == f"Điểm sáng năm 2026: hạn đăng ký 30/03/2026 ({plural})"
    assert (
        "Phường Đông Vĩnh chưa gửi đủ danh sách đăng ký điểm sáng năm 2026: chưa gửi điểm sáng nào."
        in reminder.body
    )
    assert "chậm nhất trong ngày 30/03/2026" in reminder.body

    [mail] = mailoutbox
    assert mail.to == ["official_b@example.vn"] and mail.subject == reminder.subject
    link = f"/units/{cast.unit_b.pk}/registration/?year=2026"
    assert link in mail.body and link in mail.alternatives[0][0]
    assert "Kính gửi Trần Thị Bình" in mail.body
    reminder.refresh_from_db()
    assert reminder.sent_at is not None and reminder.read_at is None


@pytest.mark.parametrize("days", [31, 29, 2, 0, -1])
def test_other_days_remind_no_unit(cast, send, mailoutbox, days):
    send(DEADLINE - timedelta(days=days))
    assert not Reminder.objects.filter(kind="registration").exists()
    assert all(m.to != ["official_b@example.vn"] for m in mailoutbox)


def test_a_list_with_one_field_still_gets_reminded_and_says_what_is_missing(cast, send):
    bulk_submitted(cast.unit_b, cast.qcdc, 1, field="qcdc")
    send(DEADLINE - timedelta(days=7))
    reminder = Reminder.objects.get(recipient=cast.official_b)
    assert "còn thiếu điểm sáng DVCQ" in reminder.body


def test_drafts_do_not_count_as_submitted(cast, send):
    from registry.tests.factories import make_bright_spot

    with at(date(2026, 1, 5)):
        make_bright_spot(cast.unit_a, field="qcdc", by=cast.official_a)
        make_bright_spot(cast.unit_a, field="dvcq", by=cast.official_a)
    send(DEADLINE - timedelta(days=3))
    assert Reminder.objects.filter(recipient=cast.official_a, unit=cast.unit_a).exists()


def test_english_speaking_official_gets_english(cast, send, mailoutbox):
    cast.official_b.language = "en"
    cast.official_b.save()
    send(DEADLINE - timedelta(days=1))
    reminder = Reminder.objects.get(recipient=cast.official_b)
    assert reminder.subject == "Bright spots 2026: register by 30/03/2026 (1 day left)"
    assert (
        "a complete list of bright spots for 2026: no bright spot submitted yet." in reminder.body
    )
    [mail] = [m for m in mailoutbox if m.to == ["official_b@example.vn"]]
    assert mail.subject == reminder.subject and "Hello Trần Thị Bình," in mail.body


def test_the_deadline_comes_from_the_years_settings(cast, send):
    RegistrationPeriod.objects.create(
        province=cast.province,
        year=2026,
        deadline=date(2026, 4, 15),
        report_deadline=date(2026, 11, 30),
    )
    send(DEADLINE - timedelta(days=7))
    assert not Reminder.objects.exists()
    send(date(2026, 4, 8))
    assert set(Reminder.objects.values_list("deadline", flat=True)) == {date(2026, 4, 15)}


def test_a_unit_with_an_extension_is_reminded_against_its_own_date(cast, send):
    with at(date(2026, 3, 20)):
        registry_services.extension_grant(
            committee=cast.qcdc,
            unit=cast.unit_b,
            year=2026,
            kind=Extension.Kind.REGISTRATION,
            until=date(2026, 4, 10),
            reason="Sáp nhập đơn vị",
            by=cast.qcdc_staff,
        )
    send(DEADLINE - timedelta(days=1))
    assert not Reminder.objects.filter(unit=cast.unit_b).exists()
    send(date(2026, 4, 9))
    reminder = Reminder.objects.get(unit=cast.unit_b)
    assert (reminder.deadline, reminder.days_before) == (date(2026, 4, 10), 1)
    assert "10/04/2026" in reminder.subject


def test_officials_without_an_address_or_inactive_are_skipped(cast, send):
    cast.official_a.is_active = False
    cast.official_a.save()
    cast.official_b.email = ""
    cast.official_b.save()
    send(DEADLINE - timedelta(days=14))
    assert not Reminder.objects.exists()


def test_an_official_of_two_units_hears_about_each(cast, send):
    from organisation.tests.factories import assign

    assign(cast.official_b, "unit_official", unit=cast.department)
    send(DEADLINE - timedelta(days=14))
    about = set(Reminder.objects.filter(recipient=cast.official_b).values_list("unit", flat=True))
    assert about == {cast.unit_b.pk, cast.department.pk}
