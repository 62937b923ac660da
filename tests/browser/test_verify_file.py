"""R41 in Chromium: a visitor who holds a certificate's PDF uploads it to /verify/ and reads that
its signature is intact, who signed it, and that it is the certificate on record; the same file
with one byte changed is called altered."""

from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import expect

from recognition import services
from recognition.models import Certificate
from recognition.tests.factories import (
    authority_for,
    cast_pair,
    decision_for,
    proposed,
    submitted_dossier,
)
from recognition.tests.test_signed_documents import changed_byte


@pytest.fixture
def signed_certificate(cast, settings, tmp_path, signing_keys, transactional_db):
    settings.MEDIA_ROOT = tmp_path / "media"
    # Transactional: an earlier browser test emptied the database, the shipped criteria included.
    from recognition import criteria_data
    from recognition.models import CriteriaSet, Criterion

    criteria_data.install(CriteriaSet, Criterion)
    authority = authority_for(cast.root)
    signing_keys(authority)
    spots = cast_pair(cast, names=("Tổ hòa giải ở cơ sở tiêu biểu", ""))
    dossier = proposed(submitted_dossier(spots["qcdc"], cast.official_a), cast.qcdc_staff)
    decision = decision_for(cast.qcdc, [dossier], cast.qcdc_staff, day=date(2026, 11, 20))
    services.certificates_allocate(decision)
    certificate = services.certificate_render(Certificate.objects.get())
    path = tmp_path / f"giay-chung-nhan-{certificate.serial}.pdf"
    path.write_bytes(Path(certificate.file.path).read_bytes())
    return certificate, path


def test_a_visitor_uploads_a_certificate_pdf_to_verify_it(
    page, signed_certificate, screenshot, tmp_path
):
    certificate, path = signed_certificate
    page.goto("/verify/")
    page.get_by_label(
        "Hoặc kiểm tra tệp: tải lên tệp PDF của giấy chứng nhận hoặc Quyết định"
    ).set_input_files(path)
    page.get_by_role("button", name="Kiểm tra tệp", exact=True).click()
    verdict = page.get_by_test_id("file-verdict")
    expect(verdict).to_have_attribute("data-verdict", "valid")
    expect(verdict).to_contain_text("Tệp nguyên vẹn, đã được ký số và khớp với văn bản đã cấp")
    expect(page.get_by_test_id("signer")).to_have_text("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN")
    expect(page.get_by_test_id("record")).to_contain_text(certificate.serial)
    expect(page.get_by_test_id("revoked")).to_have_text("không")
    screenshot("valid")

    altered = tmp_path / "sua.pdf"
    altered.write_bytes(changed_byte(path.read_bytes()))
    page.get_by_label(
        "Hoặc kiểm tra tệp: tải lên tệp PDF của giấy chứng nhận hoặc Quyết định"
    ).set_input_files(altered)
    page.get_by_role("button", name="Kiểm tra tệp", exact=True).click()
    expect(page.get_by_test_id("file-verdict")).to_have_attribute("data-verdict", "altered")
    expect(page.get_by_test_id("intact")).to_have_text("không: tệp đã bị thay đổi sau khi ký")
    screenshot("altered")
