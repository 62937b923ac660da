"""R25: 7 and 1 days before the recognition window closes, units with dossiers still in draft;
two days before a supplement's due date, the officials of the dossier's unit. The recognition
window and extensions come from the year's settings (R16, R9)."""

from datetime import date, timedelta

import pytest

from recognition import criteria_data
from recognition import services as recognition_services
from recognition.models import CriteriaSet, Criterion, RecognitionPeriod
from recognition.tests.factories import at, cast_pair, submitted_dossier
from registry import services as registry_services
from registry.models import Extension
from reminders.models import Reminder

pytestmark = pytest.mark.quiet_events

CLOSES = date(2026, 11, 30)


@pytest.fixture(autouse=True)
def _criteria(db):
    # A transactional test elsewhere may have emptied the shipped criteria: dossiers need them.
    criteria_data.install(CriteriaSet, Criterion)


@pytest.fixture
def drafts(cast):
    """Unit A: one dossier in draft and one submitted. Unit B: one submitted only."""
    a = cast_pair(cast)
    b = cast_pair(cast, unit=cast.unit_b, official=cast.official_b)
    with at(2026, 10, 16):
        draft = recognition_services.dossier_start(bright_spot=a["qcdc"], by=cast.official_a)
    submitted_dossier(a["dvcq"], cast.official_a)
    submitted_dossier(b["qcdc"], cast.official_b)
    return draft


@pytest.mark.parametrize("days", [7, 1])
def test_units_with_draft_dossiers_are_reminded_before_the_window_closes(
    cast, drafts, send, mailoutbox, days
):
    send(CLOSES - timedelta(days=days))
    # The annual report is due on 30 November too: its own reminders go out the same days.
    reminder = Reminder.objects.get(kind="dossier_draft")
    assert (reminder.recipient, reminder.kind, reminder.days_before) == (
        cast.official_a,
        "dossier_draft",
        days,
    )
    assert reminder.subject == (
        f"Công nhận điểm sáng năm 2026: 1 hồ sơ chưa gửi, hạn 30/11/2026 (còn {days} ngày)"
    )
    assert reminder.body.startswith("Xã Nghĩa Dũng còn 1 hồ sơ đề nghị công nhận đang soạn thảo")
    assert reminder.link == f"/recognition/units/{cast.unit_a.pk}/?year=2026"
    assert [m.subject for m in mailoutbox].count(reminder.subject) == 1


def test_no_draft_reminder_on_other_days_or_once_submitted(cast, drafts, send):
    for days in (8, 6, 2, 0):
        send(CLOSES - timedelta(days=days))
    assert not Reminder.objects.filter(kind="dossier_draft").exists()
    drafts.delete()  # the unit dropped its only draft
    send(CLOSES - timedelta(days=1))
    assert not Reminder.objects.filter(kind="dossier_draft").exists()


def test_the_window_and_the_units_extension_come_from_the_years_settings(cast, drafts, send):
    RecognitionPeriod.objects.create(
        province=cast.province, year=2026, opens=date(2026, 10, 15), closes=date(2026, 12, 5)
    )
    drafts_only = Reminder.objects.filter(kind="dossier_draft")
    send(CLOSES - timedelta(days=1))
    assert not drafts_only.exists()
    send(date(2026, 11, 28))  # 7 days before 5 December
    assert drafts_only.get().deadline == date(2026, 12, 5)

    with at(2026, 11, 29):
        registry_services.extension_grant(
            committee=cast.qcdc,
            unit=cast.unit_a,
            year=2026,
            kind=Extension.Kind.RECOGNITION,
            until=date(2026, 12, 20),
            reason="Bổ sung minh chứng",
            by=cast.qcdc_staff,
        )
    send(date(2026, 12, 4))  # 1 day before the province's date: unit A has its own
    send(date(2026, 12, 19))
    assert list(drafts_only.order_by("pk").values_list("deadline", "days_before")) == [
        (date(2026, 12, 5), 7),
        (date(2026, 12, 20), 1),
    ]


def test_the_opening_reminder_points_to_the_units_dossiers(cast, send):
    cast_pair(cast)
    send(date(2026, 10, 15))
    reminder = Reminder.objects.get(kind="recognition_opening")
    assert reminder.body.startswith("Từ ngày 15/10/2026 bắt đầu nhận hồ sơ")
    assert "Xã Nghĩa Dũng có 2 điểm sáng đã được chấp nhận" in reminder.body
    assert reminder.link == f"/recognition/units/{cast.unit_a.pk}/?year=2026"


def test_the_opening_day_comes_from_the_years_recognition_window(cast, send):
    cast_pair(cast)
    RecognitionPeriod.objects.create(
        province=cast.province, year=2026, opens=date(2026, 10, 1), closes=date(2026, 11, 30)
    )
    send(date(2026, 10, 15))
    assert not Reminder.objects.exists()
    send(date(2026, 10, 1))
    assert Reminder.objects.get().deadline == date(2026, 10, 1)


@pytest.fixture
def supplement(cast):
    spots = cast_pair(cast)
    dossier = submitted_dossier(spots["qcdc"], cast.official_a)
    with at(2026, 11, 3):
        return recognition_services.supplement_request(
            dossier=dossier,
            note="Bổ sung biên bản hội nghị đối thoại với Nhân dân",
            due=date(2026, 11, 10),
            version=dossier.version,
            by=cast.qcdc_staff,
        )


def test_two_days_before_a_supplement_is_due_the_unit_is_reminded(
    cast, supplement, send, mailoutbox
):
    send(date(2026, 11, 8))
    reminder = Reminder.objects.get()
    assert (reminder.recipient, reminder.kind, reminder.deadline, reminder.days_before) == (
        cast.official_a,
        "supplement_due",
        date(2026, 11, 10),
        2,
    )
    name = supplement.bright_spot.name
    assert reminder.subject == f"Bổ sung hồ sơ “{name}”: hạn 10/11/2026 (còn 2 ngày)"
    assert "Ban Chỉ đạo đề nghị Xã Nghĩa Dũng bổ sung hồ sơ" in reminder.body
    assert reminder.body.endswith(
        "Nội dung cần bổ sung: Bổ sung biên bản hội nghị đối thoại với Nhân dân"
    )
    assert reminder.link == f"/recognition/dossiers/{supplement.pk}/"
    assert mailoutbox[0].to == ["official_a@example.vn"]


def test_no_supplement_reminder_on_other_days_or_once_resubmitted(cast, supplement, send):
    send(date(2026, 11, 7))
    send(date(2026, 11, 9))
    assert not Reminder.objects.exists()
    type(supplement).objects.filter(pk=supplement.pk).update(status="submitted")
    send(date(2026, 11, 8))
    assert not Reminder.objects.exists()


def test_a_second_supplement_request_with_a_new_date_is_reminded_again(cast, supplement, send):
    send(date(2026, 11, 8))
    type(supplement).objects.filter(pk=supplement.pk).update(supplement_due=date(2026, 11, 20))
    send(date(2026, 11, 18))
    send(date(2026, 11, 18))
    assert list(Reminder.objects.order_by("pk").values_list("deadline", flat=True)) == [
        date(2026, 11, 10),
        date(2026, 11, 20),
    ]


def test_a_level_with_its_own_window_is_reminded_by_it(cast, drafts, send):
    """A ward's window (20 October – 10 November) inside the province's (15 October – 30
    November): the ward's school is told of the opening and of its drafts by the ward's dates,
    a commune recognized by the province still by the province's (R16, R40)."""
    from organisation.models import Level
    from organisation.tests.levels import build_levels
    from recognition.tests.factories import accepted_pair

    levels = build_levels(cast)
    RecognitionPeriod.objects.create(
        province=cast.province, level_unit=levels.ward, year=2026,
        opens=date(2026, 10, 20), closes=date(2026, 11, 10),
    )  # fmt: skip
    official = levels.school.role_assignments.first().user
    staff = levels.combined_staff
    spots = accepted_pair(
        levels.school, official, {"qcdc": staff, "dvcq": staff}, level=Level.COMMUNE
    )
    opening = Reminder.objects.filter(kind="recognition_opening")
    send(date(2026, 10, 15))
    assert official.pk not in opening.values_list("recipient", flat=True)
    assert opening.filter(recipient=cast.official_a).exists()
    send(date(2026, 10, 20))
    assert opening.get(recipient=official).deadline == date(2026, 10, 20)

    with at(2026, 10, 21):
        recognition_services.dossier_start(bright_spot=spots["qcdc"], by=official)
    drafts_only = Reminder.objects.filter(kind="dossier_draft")
    send(date(2026, 11, 3))  # 7 days before the ward closes; 27 before the province does
    assert list(drafts_only.values_list("recipient", "deadline", "days_before")) == [
        (official.pk, date(2026, 11, 10), 7)
    ]
    send(CLOSES - timedelta(days=7))
    assert list(drafts_only.filter(deadline=CLOSES).values_list("recipient", flat=True)) == [
        cast.official_a.pk
    ]
