"""Words on the bright spot form that read right (issue 14): no blank radio in the field's
choice, and required marks only on what the official must fill in."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse


@pytest.fixture(autouse=True)
def in_march():
    with time_machine.travel(
        datetime(2026, 3, 10, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")), tick=False
    ):
        yield


def new_form(client, cast):
    url = reverse("registry:bright-spot-create", args=[cast.unit_a.pk]) + "?year=2026"
    return client.get(url).content.decode()


def radios(html, name):
    return re.findall(rf'<input type="radio"[^>]*name="{name}"[^>]*>', html)


def test_the_field_offers_its_two_fields_and_no_blank_radio(cast, client_of):
    html = new_form(client_of(cast.official_a), cast)
    values = [re.search(r'value="([^"]*)"', radio).group(1) for radio in radios(html, "field")]
    assert values == ["qcdc", "dvcq"]
    assert "---------" not in " ".join(re.findall(r"<fieldset.*?</fieldset>", html, re.S)[:1])
    assert not [radio for radio in radios(html, "field") if "checked" in radio]


def test_an_unchosen_field_is_answered_at_the_field(cast, client_of):
    response = client_of(cast.official_a).post(
        reverse("registry:bright-spot-create", args=[cast.unit_a.pk]) + "?year=2026",
        {"name": "Đối thoại", "staff-TOTAL_FORMS": "0", "staff-INITIAL_FORMS": "0",
         "milestones-TOTAL_FORMS": "0", "milestones-INITIAL_FORMS": "0"},
    )  # fmt: skip
    assert response.status_code == 200
    assert "field" in response.context["form"].errors
