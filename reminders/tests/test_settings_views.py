"""R25: administrators set, per province and kind, whether a reminder goes out, its milestones and
its texts in Vietnamese and English; the job obeys. Others get 403, other provinces 404."""

from datetime import date

from django.urls import reverse

from organisation.models import AuditEntry
from reminders.models import Reminder, ReminderSetting


def edit_url(cast, kind="registration"):
    return reverse("reminders:setting-edit", args=[cast.province.pk, kind])


def form_data(**changes):
    return {
        "enabled": "on",
        "milestones": "30, 14, 7, 3, 1",
        "subject_vi": "",
        "body_vi": "",
        "subject_en": "",
        "body_en": "",
        **changes,
    }


def test_the_administrator_sees_every_kind_with_its_milestones(cast, client_of):
    client = client_of(cast.admin)
    response = client.get(reverse("reminders:settings"), follow=True)
    assert response.redirect_chain[-1][0] == reverse(
        "reminders:settings-province", args=[cast.province.pk]
    )
    text = response.text
    assert "Nhắc việc tại Nghệ An" in text
    assert "30 ngày trước, 14 ngày trước, 7 ngày trước, 3 ngày trước, 1 ngày trước" in text
    assert "1 ngày sau" in text and "đúng ngày" in text
    assert "Điểm sáng năm {year}: hạn đăng ký {deadline} (còn {days})" in text
    assert reverse("reminders:settings") in client.get("/").text  # in the header menu


def test_the_form_starts_with_the_standard_texts_in_both_languages(cast, client_of):
    text = client_of(cast.admin).get(edit_url(cast)).text
    assert "Điểm sáng năm {year}: hạn đăng ký {deadline} (còn {days})" in text
    assert "Bright spots {year}: register by {deadline} ({days} left)" in text
    assert "{unit}, {year}, {deadline}, {days}, {missing}" in text


def test_changed_milestones_and_texts_are_saved_audited_and_used(cast, client_of, send):
    response = client_of(cast.admin).post(
        edit_url(cast),
        form_data(milestones="10, 2", subject_vi="Nhắc {unit}: còn {days} đến hạn {deadline}"),
    )
    assert response.status_code == 302
    setting = ReminderSetting.objects.get(province=cast.province, kind="registration")
    assert setting.milestones == [10, 2] and setting.subject_en == ""
    entry = AuditEntry.objects.get(action="reminder_setting.updated")
    assert entry.actor == cast.admin
    assert entry.data["before"]["milestones"] == [30, 14, 7, 3, 1]
    assert entry.data["after"]["milestones"] == [10, 2]

    send(date(2026, 3, 23))  # 7 days before: no longer a milestone
    assert not Reminder.objects.exists()
    send(date(2026, 3, 28))
    reminder = Reminder.objects.get(recipient=cast.official_b)
    assert reminder.subject == "Nhắc Phường Đông Vĩnh: còn 2 ngày đến hạn 30/03/2026"
    # The other province keeps the standard settings.
    assert not ReminderSetting.objects.filter(province=cast.other_province).exists()


def test_a_reminder_turned_off_is_not_sent(cast, client_of, send):
    client_of(cast.admin).post(
        edit_url(cast, "registration_digest"), form_data(enabled="", milestones="1")
    )
    send(date(2026, 3, 31))
    assert not Reminder.objects.filter(province=cast.province).exists()
    assert Reminder.objects.filter(province=cast.other_province).exists()


def test_bad_input_is_explained_at_the_field_and_nothing_is_saved(cast, client_of):
    client = client_of(cast.admin)
    cases = [
        ({"milestones": "7, bảy"}, "Nhập số ngày là số nguyên"),
        ({"milestones": "7, ²"}, "Nhập số ngày là số nguyên"),  # a digit int() refuses
        ({"milestones": "400"}, "Mỗi số ngày phải từ 0 đến 366."),
        ({"milestones": ""}, "Nhập ít nhất một số ngày, hoặc tắt lời nhắc này."),
        ({"body_vi": "Đơn vị {don_vi} chưa gửi"}, "Trường thay thế không hợp lệ: {don_vi}."),
        ({"subject_en": "Deadline {deadline"}, "Viết mỗi trường thay thế là một tên"),
        ({"subject_en": "{unit.__class__}"}, "Viết mỗi trường thay thế là một tên"),
    ]
    for changes, message in cases:
        response = client.post(edit_url(cast), form_data(**changes))
        assert response.status_code == 200, changes
        assert message in response.text, changes
    assert not ReminderSetting.objects.exists()


def test_a_digest_counts_days_after_the_deadline_from_one(cast, client_of):
    response = client_of(cast.admin).post(
        edit_url(cast, "registration_digest"), form_data(milestones="0")
    )
    assert "Mỗi số ngày phải từ 1 đến 366." in response.text


def test_a_cleared_text_brings_back_the_standard_one(cast, client_of):
    client = client_of(cast.admin)
    client.post(edit_url(cast), form_data(subject_vi="Tiêu đề riêng {year}"))
    client.post(edit_url(cast), form_data(subject_vi=""))
    setting = ReminderSetting.objects.get()
    assert setting.subject_vi == ""
    assert setting.texts("vi")[0] == "Điểm sáng năm {year}: hạn đăng ký {deadline} (còn {days})"


def test_who_may_open_the_settings(cast, client_of):
    pages = [
        reverse("reminders:settings"),
        reverse("reminders:settings-province", args=[cast.province.pk]),
        edit_url(cast),
    ]
    for user in (cast.official_a, cast.qcdc_staff, cast.provincial):
        for url in pages:
            assert client_of(user).get(url).status_code == 403, (user, url)
    # The other province's staff and administrators do not see Nghệ An's settings at all.
    assert client_of(cast.other_province_staff).get(pages[1]).status_code == 404
    assert (
        client_of(cast.admin)
        .get(reverse("reminders:settings-province", args=[cast.other_province.pk]))
        .status_code
        == 404
    )
    assert client_of(cast.admin).get(edit_url(cast, "no_such_kind")).status_code == 404
    assert client_of(None).get(pages[2]).status_code == 302
    assert client_of(cast.official_a).post(edit_url(cast), form_data()).status_code == 403
    assert not ReminderSetting.objects.exists()
