"""Words on the bright spot form that read right (issue 14): no blank radio in the field's
choice, and required marks only on what the official must fill in."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from registry.tests.factories import make_bright_spot


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


def starred(html, input_id):
    """Whether the label of the input `input_id` carries the required mark."""
    label = re.search(rf'<label\s+for="{input_id}"[^>]*>(.*?)</label>', html, re.S)
    assert label, input_id
    return "asteriskField" in label.group(1)


def test_required_marks_sit_on_required_fields_only(cast, client_of):
    html = new_form(client_of(cast.official_a), cast)
    assert all(starred(html, f"id_{name}") for name in ("name", "address", "objectives", "plan"))
    assert not starred(html, "id_plan_file")
    # The empty rows are optional: only the rule "at least one" is told, once per section.
    for row in range(3):
        assert not starred(html, f"id_milestones-{row}-title")
        assert not starred(html, f"id_milestones-{row}-due")
    for row in range(2):
        assert not starred(html, f"id_staff-{row}-name")
        assert not starred(html, f"id_staff-{row}-position")
        assert not starred(html, f"id_staff-{row}-phone")
    assert html.count("Kế hoạch cần có ít nhất một mốc tiến độ kèm thời hạn.") == 1


def test_an_existing_row_and_a_row_being_filled_in_are_starred(cast, client_of):
    spot = make_bright_spot(cast.unit_a)
    client = client_of(cast.official_a)
    html = client.get(reverse("registry:bright-spot-edit", args=[spot.pk])).content.decode()
    assert starred(html, "id_milestones-0-title") and starred(html, "id_staff-0-name")
    assert not starred(html, "id_milestones-1-title") and not starred(html, "id_staff-1-name")

    url = reverse("registry:bright-spot-create", args=[cast.unit_a.pk]) + "?year=2026"
    response = client.post(
        url,
        {"field": "qcdc", "staff-TOTAL_FORMS": "2", "staff-INITIAL_FORMS": "0",
         "milestones-TOTAL_FORMS": "3", "milestones-INITIAL_FORMS": "0",
         "milestones-1-title": "Đối thoại lần 1"},
    )  # fmt: skip
    html = response.content.decode()
    # The row the official began: both its fields are required, and the missing date says so.
    assert starred(html, "id_milestones-1-title") and starred(html, "id_milestones-1-due")
    assert response.context["milestones"].forms[1].errors["due"]
    assert not starred(html, "id_milestones-0-title") and not starred(html, "id_milestones-2-due")
