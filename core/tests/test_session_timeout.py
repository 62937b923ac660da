"""Issue 7.3: a session ends after 30 idle minutes and after 12 hours whatever the activity."""

from datetime import timedelta

import time_machine
from django.contrib.messages import get_messages
from django.utils import timezone

from core.sessions import LAST_SEEN_AT, STARTED_AT

LOGIN = "/accounts/login/"


def log_in(client, username="official_a"):
    response = client.post(LOGIN, {"username": username, "password": "correct-horse-battery"})
    assert response.status_code == 302
    return client


def test_a_fresh_session_stays_alive(cast, client):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        log_in(client)
        clock.shift(timedelta(minutes=29))
        assert client.get("/").status_code == 200


def test_idle_for_31_minutes_goes_back_to_login_and_returns_to_the_page(cast, client):
    page = f"/units/{cast.unit_a.pk}/?tab=children"
    with time_machine.travel(timezone.now(), tick=False) as clock:
        log_in(client)
        assert client.get(page).status_code == 200
        clock.shift(timedelta(minutes=31))
        response = client.get(page)
    assert response.status_code == 302
    assert response.url == f"/accounts/login/?next=/units/{cast.unit_a.pk}/%3Ftab%3Dchildren"
    assert "_auth_user_id" not in client.session

    login_page = client.get(response.url)
    assert "Bạn đã được đăng xuất sau 30 phút không thao tác" in login_page.text
    back = client.post(
        response.url,
        {"username": "official_a", "password": "correct-horse-battery", "next": page},
    )
    assert back.status_code == 302 and back.url == page


def test_activity_keeps_the_session_alive_within_the_day(cast, client):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        log_in(client)
        for _ in range(20):  # a request every 25 minutes for 8 h 20 min
            clock.shift(timedelta(minutes=25))
            assert client.get("/").status_code == 200


def test_an_active_session_ends_after_12_hours(cast, client):
    never_idle = timedelta(minutes=29, seconds=59)
    with time_machine.travel(timezone.now(), tick=False) as clock:
        log_in(client)
        for _ in range(24):  # busy all day: 11 h 59 min after logging in, still in
            clock.shift(never_idle)
            assert client.get("/").status_code == 200
        clock.shift(never_idle)  # 12 h 29 min
        response = client.get("/")
    assert response.status_code == 302 and response.url == f"{LOGIN}?next=/"
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert "mỗi phiên làm việc kéo dài tối đa 12 giờ" in messages[0]


def test_a_form_post_after_expiry_returns_to_the_form_page(cast, client):
    form_page = f"/units/{cast.unit_a.pk}/"
    with time_machine.travel(timezone.now(), tick=False) as clock:
        log_in(client)
        clock.shift(timedelta(minutes=45))
        response = client.post(
            "/i18n/language/", {"language": "en"}, HTTP_REFERER=f"http://testserver{form_page}"
        )
    assert response.status_code == 302
    assert response.url == f"/accounts/login/?next=/units/{cast.unit_a.pk}/"


def test_a_foreign_referer_is_not_followed(cast, client):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        log_in(client)
        clock.shift(timedelta(minutes=45))
        response = client.post(
            "/i18n/language/", {"language": "en"}, HTTP_REFERER="https://evil.example/"
        )
    assert response.url == LOGIN
    assert "không thao tác" in str(list(get_messages(response.wsgi_request))[0])


def test_durations_follow_the_settings(cast, client, settings):
    settings.SESSION_IDLE_TIMEOUT = timedelta(minutes=5)
    with time_machine.travel(timezone.now(), tick=False) as clock:
        log_in(client)
        clock.shift(timedelta(minutes=6))
        assert client.get("/").status_code == 302


def test_the_session_records_times_without_writing_on_every_request(cast, client):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        log_in(client)
        started = client.session[STARTED_AT]
        clock.shift(timedelta(seconds=20))
        client.get("/")
        assert client.session[LAST_SEEN_AT] == started  # within the minute: not written
        clock.shift(timedelta(minutes=2))
        client.get("/")
        assert client.session[LAST_SEEN_AT] == started + 140
        assert client.session[STARTED_AT] == started
