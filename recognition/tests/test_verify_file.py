"""R21, R41: /verify/ checks an uploaded PDF as well as a serial: whether its signature is intact,
who signed and when, whether it is the file on record, whether it was revoked; the serial's page
shows the issued file's SHA-256."""

from datetime import date
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.tests.upload_samples import PDF, PNG, POLYGLOT_PDF
from recognition import services
from recognition.models import Certificate
from recognition.tests.factories import decision_for
from recognition.tests.test_signed_documents import changed_byte


@pytest.fixture
def issued(cast, authority, proposed_pair, signing_keys):
    signing_keys(authority)
    decision = decision_for(cast.qcdc, proposed_pair, cast.qcdc_staff, day=date(2026, 11, 5))
    services.certificates_allocate(decision)
    certificate = services.certificate_render(Certificate.objects.order_by("number").first())
    return decision, certificate


def check(client, data: bytes, name="giay-chung-nhan.pdf"):
    return client.post(reverse("recognition:verify-file"), {"file": SimpleUploadedFile(name, data)})


def verdict(page) -> str:
    return page.text.split('data-testid="file-verdict" data-verdict="')[1].split('"')[0]


def test_an_intact_signed_certificate_is_valid_and_named(issued, client):
    _decision, certificate = issued
    page = check(client, Path(certificate.file.path).read_bytes())
    assert page.status_code == 200 and verdict(page) == "valid"
    assert "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN" in page.text
    assert f"Giấy chứng nhận số {certificate.serial}" in page.text
    assert certificate.sha256 in page.text


def test_a_changed_byte_says_the_file_was_altered(issued, client):
    _decision, certificate = issued
    page = check(client, changed_byte(Path(certificate.file.path).read_bytes()))
    assert verdict(page) == "altered"
    assert "Tệp đã bị thay đổi sau khi ký" in page.text


def test_a_revoked_certificates_signed_file_says_revoked(issued, client, cast):
    decision, certificate = issued
    services.decision_annul(decision=decision, reason="Hồ sơ kê khai sai", by=cast.qcdc_staff)
    page = check(client, Path(certificate.file.path).read_bytes())
    assert verdict(page) == "revoked"
    assert "Hồ sơ kê khai sai" in page.text


def test_a_signed_decision_is_recognised_as_the_one_on_record(issued, client):
    decision, _certificate = issued
    decision = services.decision_render(decision)
    page = check(client, Path(decision.file.path).read_bytes(), "quyet-dinh.pdf")
    assert verdict(page) == "valid"
    assert "Quyết định số 125/QĐ-UBND ngày 05 tháng 11 năm 2026" in page.text


def test_an_unsigned_pdf_from_elsewhere_is_neither_signed_nor_on_record(db, client):
    assert verdict(check(client, PDF)) == "unsigned"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("anh.png", PNG, "Đề nghị tải lên giấy chứng nhận hoặc Quyết định dưới dạng tệp PDF."),
        ("gcn.pdf", POLYGLOT_PDF, "Tệp có chứa mã trang web nên không được chấp nhận."),
    ],
)
def test_what_is_not_a_pdf_is_answered_at_the_field(db, client, name, data, message):
    page = check(client, data, name)
    assert page.status_code == 200 and 'id="id_file_error"' in page.text
    assert message in page.text


def test_the_serial_page_shows_the_fingerprint_and_the_signer(issued, client):
    _decision, certificate = issued
    page = client.get(f"/verify/{certificate.serial}/")
    assert f'data-testid="sha256">{certificate.sha256}<' in page.text
    assert "Ký số bởi" in page.text


def test_checking_a_file_is_a_post(db, client):
    assert client.get(reverse("recognition:verify-file")).status_code == 405
