"""R26: reminders are shown in the app; the header counts the unread ones; users mark them read.
Nobody reaches another person's notifications."""

import re

from django.urls import reverse

from reminders.models import Reminder
from reminders.tests.factories import make_notification

LIST = "/notifications/"


def unread_badge(html: str) -> str | None:
    found = re.search(r'data-testid="unread-count">([^<]+)<', html)
    return found.group(1) if found else None


def test_the_header_counts_unread_notifications(cast, client_of):
    make_notification(cast.official_a)
    make_notification(cast.official_a)
    make_notification(cast.official_a, read=True)
    make_notification(cast.official_b)
    assert unread_badge(client_of(cast.official_a).get("/").text) == "2"
    assert unread_badge(client_of(cast.qcdc_staff).get("/").text) is None


def test_the_list_shows_only_the_users_own_notifications(cast, client_of):
    mine = make_notification(cast.official_a, subject="Nhắc việc của xã Nghĩa Dũng")
    make_notification(cast.official_b, subject="Nhắc việc của phường Đông Vĩnh")
    response = client_of(cast.official_a).get(LIST)
    assert response.status_code == 200
    assert mine.subject in response.text and "phường Đông Vĩnh" not in response.text
    assert reverse("reminders:notification-read", args=[mine.pk]) in response.text


def test_digest_units_are_listed(cast, client_of):
    make_notification(
        cast.qcdc_staff,
        unit=cast.unit_b,
        kind="registration_digest",
        details={
            "units": [
                {
                    "name": "Phường Đông Vĩnh",
                    "parent": "Tỉnh Nghệ An",
                    "missing": "còn thiếu điểm sáng DVCQ",
                    "extension": "10/04/2026",
                }
            ]
        },
    )
    text = client_of(cast.qcdc_staff).get(LIST).text
    assert "Phường Đông Vĩnh" in text and "được gia hạn đến 10/04/2026" in text


def test_marking_read_clears_it_from_the_count(cast, client_of):
    first = make_notification(cast.official_a)
    make_notification(cast.official_a)
    client = client_of(cast.official_a)
    response = client.post(reverse("reminders:notification-read", args=[first.pk]))
    assert response.status_code == 302 and response.url == LIST
    first.refresh_from_db()
    assert first.read_at is not None
    assert unread_badge(client.get(LIST).text) == "1"


def test_opening_marks_read_and_goes_to_the_page_that_resolves_it(cast, client_of):
    note = make_notification(cast.official_a)
    response = client_of(cast.official_a).post(
        reverse("reminders:notification-read", args=[note.pk]), {"then": "open"}
    )
    assert response.status_code == 302 and response.url == note.link
    assert Reminder.objects.get(pk=note.pk).read_at is not None


def test_mark_all_read_touches_only_the_users_own(cast, client_of):
    make_notification(cast.official_a)
    make_notification(cast.official_a)
    theirs = make_notification(cast.official_b)
    client = client_of(cast.official_a)
    response = client.post(reverse("reminders:notifications-read-all"), follow=True)
    assert "Đã đánh dấu tất cả thông báo là đã đọc." in response.text
    assert unread_badge(response.text) is None
    assert not Reminder.objects.filter(recipient=cast.official_a, read_at=None).exists()
    assert Reminder.objects.get(pk=theirs.pk).read_at is None


def test_another_persons_notification_is_a_404(cast, client_of):
    theirs = make_notification(cast.official_b)
    for user in (cast.official_a, cast.admin, cast.provincial):
        url = reverse("reminders:notification-read", args=[theirs.pk])
        assert client_of(user).post(url).status_code == 404
    assert Reminder.objects.get(pk=theirs.pk).read_at is None


def test_post_only_views_refuse_get_and_anonymous_users_log_in(cast, client_of):
    note = make_notification(cast.official_a)
    client = client_of(cast.official_a)
    assert client.get(reverse("reminders:notification-read", args=[note.pk])).status_code == 405
    assert client.get(reverse("reminders:notifications-read-all")).status_code == 405
    anonymous = client_of(None)
    assert anonymous.get(LIST).status_code == 302
    assert anonymous.post(reverse("reminders:notification-read", args=[note.pk])).status_code == 302


def test_the_list_has_a_fixed_number_of_queries(cast, client_of, django_assert_max_num_queries):
    for _ in range(60):
        make_notification(cast.official_a)
    client = client_of(cast.official_a)
    with django_assert_max_num_queries(8):
        response = client.get(LIST)
    assert response.text.count('data-testid="notification"') == 25
    assert "Trang 1/3" in response.text


def test_each_notification_says_whether_its_e_mail_went_out(cast, client_of):
    make_notification(cast.official_a, subject="Đã gửi")
    make_notification(cast.official_a, subject="Chưa gửi được", sent_at=None)
    text = client_of(cast.official_a).get(LIST).text
    assert "Đã gửi qua thư điện tử đến official_a@example.vn ngày" in text
    assert "Thư điện tử đến official_a@example.vn chưa gửi được; hệ thống đang gửi lại." in text


def test_the_record_of_reminders_is_read_only_in_the_django_admin(cast, client_of):
    from organisation.tests.factories import UserFactory

    note = make_notification(cast.official_a)
    root = UserFactory(username="root", is_staff=True, is_superuser=True)
    client = client_of(root)
    page = client.get(reverse("admin:reminders_reminder_changelist"))
    assert page.status_code == 200 and note.subject in page.text
    assert client.get(reverse("admin:reminders_reminder_add")).status_code == 403
    response = client.post(
        reverse("admin:reminders_reminder_delete", args=[note.pk]), {"post": "yes"}
    )
    assert response.status_code == 403 and Reminder.objects.filter(pk=note.pk).exists()
