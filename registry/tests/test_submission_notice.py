"""R8, R36: the staff of each receiving committee are told, by e-mail and under the bell, what a
unit's list sent them (reminders.events)."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from core.models import Job
from organisation.models import RoleAssignment
from organisation.tests.factories import UserFactory, assign
from registry import services
from registry.tests.factories import make_bright_spot
from reminders.models import Reminder


@pytest.fixture(autouse=True)
def in_march():
    with time_machine.travel(
        datetime(2026, 3, 10, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")), tick=False
    ):
        yield


@pytest.fixture
def drafts(cast):
    return (
        make_bright_spot(cast.unit_a, field="qcdc", name="Đối thoại định kỳ với Nhân dân"),
        make_bright_spot(cast.unit_a, field="dvcq", name="Một cửa thân thiện"),
    )


def submit(cast, capture):
    with capture(execute=True):
        return services.registration_submit(unit=cast.unit_a, year=2026, by=cast.official_a)


def test_each_committee_hears_of_its_own_bright_spots(
    cast, drafts, mailoutbox, django_capture_on_commit_callbacks
):
    submit(cast, django_capture_on_commit_callbacks)
    by_address = {message.to[0]: message for message in mailoutbox}
    assert set(by_address) == {cast.qcdc_staff.email, cast.dvcq_staff.email}
    qcdc = by_address[cast.qcdc_staff.email]
    assert qcdc.subject == "Xã Nghĩa Dũng đã gửi danh sách điểm sáng năm 2026"
    assert "Đối thoại định kỳ với Nhân dân" in qcdc.body
    assert "Một cửa thân thiện" not in qcdc.body  # a DVCQ bright spot is not theirs
    assert f"/committees/{cast.qcdc.pk}/inbox/?year=2026" in qcdc.body
    assert "/messages/unsubscribe/" in qcdc.body and qcdc.extra_headers["List-Unsubscribe"]
    bell = Reminder.objects.get(recipient=cast.qcdc_staff)
    assert bell.subject == qcdc.subject and bell.kind == "list_submitted"
    assert "Một cửa thân thiện" in by_address[cast.dvcq_staff.email].body


def test_the_notice_speaks_each_recipients_language(
    cast, drafts, mailoutbox, django_capture_on_commit_callbacks
):
    cast.qcdc_staff.language = "en"
    cast.qcdc_staff.save()
    submit(cast, django_capture_on_commit_callbacks)
    english = next(m for m in mailoutbox if m.to == [cast.qcdc_staff.email])
    assert english.subject == "Xã Nghĩa Dũng submitted its bright spots for 2026"
    assert "These arrived in the inbox of Ban Chỉ đạo QCDC tỉnh" in english.body


def test_staff_without_an_address_or_inactive_are_skipped(
    cast, drafts, mailoutbox, django_capture_on_commit_callbacks
):
    gone = UserFactory(username="da_nghi", is_active=False)
    silent = UserFactory(username="khong_thu", email="")
    for user in (gone, silent):
        assign(user, RoleAssignment.Role.COMMITTEE_STAFF, committee=cast.qcdc)
    submit(cast, django_capture_on_commit_callbacks)
    assert len(mailoutbox) == 2
    # the one without an address is still told in the app; the inactive one is not
    assert Reminder.objects.filter(recipient=silent, email="").count() == 1
    assert not Reminder.objects.filter(recipient=gone).exists()


def test_the_notice_is_a_job_committed_with_the_submission(cast, drafts):
    services.registration_submit(unit=cast.unit_a, year=2026, by=cast.official_a)
    assert Job.objects.filter(task="reminders.deliver").count() == 2
    # submitting again sends nothing new, and asks for no second notice
    services.registration_submit(unit=cast.unit_a, year=2026, by=cast.official_a)
    assert Job.objects.filter(task="reminders.deliver").count() == 2


def test_bright_spots_added_later_are_told_as_more_of_the_list(
    cast, drafts, mailoutbox, django_capture_on_commit_callbacks
):
    submit(cast, django_capture_on_commit_callbacks)
    make_bright_spot(cast.unit_a, field="qcdc", name="Chợ không rác thải nhựa")
    submit(cast, django_capture_on_commit_callbacks)
    later = [m for m in mailoutbox if "Chợ không rác thải nhựa" in m.body]
    assert [m.to for m in later] == [[cast.qcdc_staff.email]]
    assert "Đối thoại định kỳ" not in later[0].body  # only what this call sent


def test_a_refused_submission_notifies_nobody(cast, mailoutbox, django_capture_on_commit_callbacks):
    make_bright_spot(cast.unit_a, field="qcdc")
    with pytest.raises(Exception, match="DVCQ"):
        submit(cast, django_capture_on_commit_callbacks)
    assert mailoutbox == [] and not Job.objects.exists()
