from django.urls import reverse


def test_switching_to_english_and_back(cast, client_of):
    client = client_of(cast.official_a)
    response = client.post(reverse("language-set"), {"language": "en", "next": "/"}, follow=True)
    assert '<html lang="en">' in response.text and "Home" in response.text
    cast.official_a.refresh_from_db()
    assert cast.official_a.language == "en"  # e-mails follow the choice

    response = client.post(reverse("language-set"), {"language": "vi", "next": "/"}, follow=True)
    assert '<html lang="vi">' in response.text and "Trang chủ" in response.text


def test_unknown_language_is_refused(cast, client_of):
    response = client_of(cast.official_a).post(reverse("language-set"), {"language": "fr"})
    assert response.status_code == 400


def test_anonymous_visitor_can_switch_too(client, db):
    response = client.post(
        reverse("language-set"), {"language": "en", "next": "/accounts/login/"}, follow=True
    )
    assert '<html lang="en">' in response.text and "Log in" in response.text


def test_switch_is_post_only(client, db):
    assert client.get(reverse("language-set")).status_code == 405


def test_offsite_next_is_ignored(client, db):
    response = client.post(
        reverse("language-set"), {"language": "en", "next": "https://evil.example/"}
    )
    assert response.status_code == 302 and "evil.example" not in response.url


def test_an_english_browser_still_meets_vietnamese(client, db):
    response = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="vi">' in response.text and "Đăng nhập" in response.text


def test_a_user_who_chose_english_gets_it_on_another_computer(cast, client_of):
    cast.official_a.language = "en"
    cast.official_a.save()
    response = client_of(cast.official_a).get("/")  # a new client: no language cookie
    assert '<html lang="en">' in response.text
