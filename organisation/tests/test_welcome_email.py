from urllib.parse import urlsplit

from django.db import transaction

from organisation import services
from organisation.models import AuditEntry
from organisation.tests.factories import UserFactory


def test_new_user_gets_a_welcome_email_in_their_language(
    cast, mailoutbox, django_capture_on_commit_callbacks
):
    user = UserFactory(username="moi", email="moi@example.vn", language="vi")
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        services.user_welcome(user=user, by=cast.admin)
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["moi@example.vn"]
    assert message.subject == "Tài khoản hệ thống Điểm sáng của bạn"
    assert "/accounts/reset/" in message.body and "moi" in message.body
    assert "Đặt mật khẩu của bạn" in message.alternatives[0][0]
    assert AuditEntry.objects.filter(
        action="user.created", target_id=user.pk, actor=cast.admin
    ).exists()


def test_english_speaker_gets_english(cast, mailoutbox, django_capture_on_commit_callbacks):
    user = UserFactory(username="guest", email="guest@example.vn", language="en")
    with django_capture_on_commit_callbacks(execute=True):
        services.user_welcome(user=user, by=cast.admin)
    assert mailoutbox[0].subject == "Your Bright Spots account"


def test_welcome_link_lets_the_user_choose_a_password(
    cast, client, mailoutbox, django_capture_on_commit_callbacks
):
    user = UserFactory(username="moi2", email="moi2@example.vn")
    with django_capture_on_commit_callbacks(execute=True):
        services.user_welcome(user=user, by=cast.admin)
    link = next(line for line in mailoutbox[0].body.splitlines() if "/accounts/reset/" in line)
    response = client.get(urlsplit(link.strip()).path, follow=True)
    assert "Đặt mật khẩu mới" in response.text
