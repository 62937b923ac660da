"""A draft never submitted can be deleted; its history stays in the audit log (R31)."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from organisation.models import AuditEntry
from registry import services
from registry.models import BrightSpot
from registry.tests.factories import make_bright_spot


@pytest.fixture(autouse=True)
def in_march():
    with time_machine.travel(
        datetime(2026, 3, 10, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")), tick=False
    ):
        yield


def test_official_deletes_a_draft_and_its_history_remains(cast, client_of):
    draft = make_bright_spot(cast.unit_a, name="Mô hình thử")
    response = client_of(cast.official_a).post(
        reverse("registry:bright-spot-delete", args=[draft.pk]), follow=True
    )
    assert response.status_code == 200
    assert "Đã xóa bản nháp" in response.text
    assert not BrightSpot.objects.filter(pk=draft.pk).exists()
    actions = list(
        AuditEntry.objects.filter(target_id=draft.pk, target_type__model="brightspot")
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == ["bright_spot.created", "bright_spot.deleted"]


def test_a_submitted_bright_spot_cannot_be_deleted(cast, client_of):
    qcdc = make_bright_spot(cast.unit_a, field="qcdc")
    make_bright_spot(cast.unit_a, field="dvcq")
    services.registration_submit(unit=cast.unit_a, year=2026, by=cast.official_a)
    response = client_of(cast.official_a).post(
        reverse("registry:bright-spot-delete", args=[qcdc.pk]), follow=True
    )
    assert "rút" in response.text  # "withdraw it instead"
    assert BrightSpot.objects.filter(pk=qcdc.pk).exists()
