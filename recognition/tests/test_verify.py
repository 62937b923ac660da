"""R21: /verify/<serial>/ is public and stable: valid with what it certifies, revoked with the
annulment, or unknown."""

import pytest
from django.urls import reverse

from recognition import services
from recognition.models import Certificate
from recognition.tests.factories import (
    authority_for,
    cast_pair,
    decision_for,
    proposed,
    submitted_dossier,
)


@pytest.fixture
def certificate(cast):
    authority_for(cast.root)
    spots = cast_pair(cast, names=("Tổ hòa giải ở cơ sở tiêu biểu", ""))
    dossier = proposed(submitted_dossier(spots["qcdc"], cast.official_a), cast.qcdc_staff)
    decision = decision_for(cast.qcdc, [dossier], cast.qcdc_staff)
    services.certificates_allocate(decision)
    return Certificate.objects.select_related("recognition__decision").get()


def test_the_address_printed_on_paper_never_changes(certificate):
    assert (
        reverse("recognition:verify", args=[certificate.serial]) == f"/verify/{certificate.serial}/"
    )


def test_valid_for_anyone_without_logging_in(certificate, client):
    page = client.get(f"/verify/{certificate.serial}/")
    assert page.status_code == 200 and 'data-verdict="valid"' in page.text
    for shown in [
        "Tổ hòa giải ở cơ sở tiêu biểu",
        "Xã Nghĩa Dũng",
        "125/QĐ-UBND",
        "20/11/2026",
        "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN",
    ]:
        assert shown in page.text
    assert page["Cache-Control"] == "no-store"


def test_revoked_after_the_annulment_with_its_reason(cast, certificate, client):
    services.decision_annul(
        decision=certificate.recognition.decision,
        reason="Quyết định ban hành sai thẩm quyền",
        by=cast.qcdc_staff,
    )
    page = client.get(f"/verify/{certificate.serial}/")
    assert 'data-verdict="revoked"' in page.text
    assert "Quyết định ban hành sai thẩm quyền" in page.text
    assert "Giấy chứng nhận đã bị thu hồi" in page.text


@pytest.mark.parametrize("serial", ["40-2026-999999", "<b>gia-mao</b>", "x" * 300, "40/2026/1"])
def test_an_unknown_or_forged_serial_says_so(db, client, serial):
    page = client.get(f"/verify/{serial}/")
    assert page.status_code == 404 and 'data-verdict="unknown"' in page.text
    assert "<b>gia-mao</b>" not in page.text


def test_typing_the_serial(certificate, client):
    response = client.get(
        reverse("recognition:verify-search"), {"serial": f"  {certificate.serial} "}
    )
    assert response.status_code == 302 and response["Location"] == f"/verify/{certificate.serial}/"
    assert client.get(reverse("recognition:verify-search")).status_code == 200
    assert client.post(f"/verify/{certificate.serial}/").status_code == 405


def test_a_serial_with_a_line_break_or_accents_is_answered_at_the_field(client, db):
    for typed in ["40-2026\n000001", "số-1"]:
        page = client.get(reverse("recognition:verify-search"), {"serial": typed})
        assert page.status_code == 200
        assert (
            "Số hiệu chỉ gồm chữ cái không dấu" in page.text and 'aria-invalid="true"' in page.text
        )
