"""Issue 7.3: the server's half of drafts — the script on every page, the notice, the saved mark.

The browser's half (typing, restoring, discarding) is walked in tests/browser/test_drafts.py.
"""

import pytest
from django.contrib.messages.storage.base import Message

from brightspots.tests import urls_for_tests
from core.drafts import draft_key_of

pytestmark = pytest.mark.urls("brightspots.tests.urls_for_tests")
FORM = "/test/draft-form/"


@pytest.fixture(autouse=True)
def _fresh_plan():
    saved = dict(urls_for_tests.STORED_PLAN)
    yield
    urls_for_tests.STORED_PLAN.update(saved)


def test_every_page_loads_the_script_and_the_notice(cast, client_of):
    html = client_of(cast.official_a).get("/").text
    assert '<script src="/static/js/drafts.js"></script>' in html
    assert '<template id="draft-restored-notice">' in html
    assert "Đã khôi phục bản nháp chưa lưu" in html and "Bỏ bản nháp" in html


def test_the_script_is_served_by_the_app(client, db):
    response = client.get("/static/js/drafts.js")
    assert response.status_code == 200
    assert "data-draft-key" in b"".join(response.streaming_content).decode()


def test_drafts_belong_to_the_user(cast, client_of):
    html = client_of(cast.official_a).get("/").text
    assert f'data-draft-owner="{cast.official_a.pk}"' in html
    assert 'data-draft-owner=""' in client_of(None).get("/accounts/login/").text


def test_a_successful_save_marks_the_next_page(cast, client_of):
    client = client_of(cast.official_a)
    response = client.post(FORM, {"title": "Dân vận khéo", "plan": "Tháng 3: họp dân"}, follow=True)
    assert response.redirect_chain == [(FORM, 302)]
    assert 'data-draft-saved="test-plan"' in response.text
    assert "Đã lưu kế hoạch." in response.text
    assert 'class="alert alert-success' in response.text
    # The mark is shown once: the page after that has none.
    assert "data-draft-saved" not in client.get(FORM).text


def test_a_refused_save_keeps_the_draft(cast, client_of):
    response = client_of(cast.official_a).post(FORM, {"title": " ", "plan": "Tháng 3: họp dân"})
    assert response.status_code == 200
    assert "Chưa nhập tên điểm sáng." in response.text
    assert "data-draft-saved" not in response.text
    assert urls_for_tests.STORED_PLAN["plan"] == ""


def test_the_form_is_marked_for_drafts(cast, client_of):
    assert 'data-draft-key="test-plan"' in client_of(cast.official_a).get(FORM).text


def test_only_tagged_messages_carry_a_key():
    assert draft_key_of(Message(25, "Saved.", extra_tags="draft-saved:bright-spot-7")) == (
        "bright-spot-7"
    )
    assert draft_key_of(Message(25, "Saved.")) == ""
    assert draft_key_of(Message(25, "Saved.", extra_tags="important")) == ""
