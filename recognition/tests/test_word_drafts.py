"""R41: the Decision and the commendation proposal as Word drafts (python-docx) in the
administrative format; LibreOffice turns the draft into a PDF with the same text; the Decision,
edited and signed, is filed back as its final document, checked against its number and date."""

import io
import re
import shutil
import subprocess
import unicodedata
from datetime import date
from pathlib import Path

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from conftest import skip_unless_required
from core import signing
from core.signing import SignatureBox
from core.tests.pdf_helpers import pdf_text
from core.tests.rendition_helpers import rendered
from core.tests.upload_samples import PDF
from recognition import documents
from recognition.models import Decision
from recognition.tests.factories import decision_for
from recognition.tests.test_commendation import proposal, recognized  # noqa: F401 - fixtures
from recognition.tests.test_signed_documents import changed_byte

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


def to_pdf(data: bytes, folder: Path) -> bytes:
    """The DOCX converted by LibreOffice headless, in a profile of its own."""
    if not SOFFICE:
        skip_unless_required("LibreOffice is not installed (apt-get install libreoffice-writer)")
    source = folder / "du-thao.docx"
    source.write_bytes(data)
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{folder / 'lo-profile'}", "--headless",
         "--convert-to", "pdf", "--outdir", str(folder), str(source)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    return (folder / "du-thao.pdf").read_bytes()


@pytest.fixture
def decision(cast, authority, proposed_pair):
    return decision_for(cast.qcdc, proposed_pair, cast.qcdc_staff, day=date(2026, 11, 5))


EXPECTED = [
    "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Số: 125/QĐ-UBND",
    "Nghệ An, ngày 05 tháng 11 năm 2026",
    "QUYẾT ĐỊNH",
    "Điều 1. Công nhận 2 điểm sáng",
    "PHÓ CHỦ TỊCH",
    "Hoàng Minh Châu",
    "DANH SÁCH ĐIỂM SÁNG ĐƯỢC CÔNG NHẬN",
]


def test_the_decision_draft_opens_in_word_with_the_administrative_format(decision, client_of, cast, django_capture_on_commit_callbacks):  # fmt: skip
    url = reverse("recognition:decision-docx", args=[decision.pk])
    content = rendered(client_of(cast.qcdc_staff), url, django_capture_on_commit_callbacks)
    text = docx_text(content)
    for expected in [*EXPECTED, decision.recognitions.first().dossier.bright_spot.name]:
        assert expected in text, expected
    section = docx.Document(io.BytesIO(content)).sections[0]
    assert round(section.left_margin.mm) == 30 and round(section.page_width.mm) == 210


def test_libreoffice_turns_the_draft_into_a_pdf_with_the_same_text(decision, tmp_path):
    draft = documents.decision_docx(decision)
    converted = squeezed(pdf_text(to_pdf(draft, tmp_path)))
    for paragraph in docx_text(draft).splitlines():
        assert squeezed(paragraph) in converted, paragraph


def test_the_proposal_draft_opens_in_word(
    cast, client_of, request, django_capture_on_commit_callbacks
):
    found = request.getfixturevalue("proposal")
    url = reverse("recognition:proposal-docx", args=[found.pk])
    text = docx_text(rendered(client_of(cast.qcdc_staff), url, django_capture_on_commit_callbacks))
    assert "DANH SÁCH ĐIỂM SÁNG ĐỀ NGHỊ KHEN THƯỞNG GIAI ĐOẠN 2021 - 2025" in text
    assert f"Kính gửi: {found.council}" in text


def signed(pdf: bytes, key: str) -> bytes:
    return signing.sign_pdf(pdf, key=key, where=SignatureBox(page=0, box=(300, 100, 480, 170)))


def file_back(client, decision, data: bytes):
    return client.post(
        reverse("recognition:decision-final", args=[decision.pk]),
        {"file": SimpleUploadedFile("quyet-dinh-da-ky.pdf", data)},
    )


def test_the_edited_signed_decision_is_filed_back_and_verifies(decision, authority, signing_keys, tmp_path, client_of, cast, client):  # fmt: skip
    signing_keys(authority)
    final = signed(to_pdf(documents.decision_docx(decision), tmp_path), authority.signing_key)
    response = file_back(client_of(cast.qcdc_staff), decision, final)
    assert response.status_code == 302
    decision.refresh_from_db()
    assert decision.final_file_sha256 == signing.sha256(final)
    assert decision.final_signed_by == "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN"
    page = client.post(
        reverse("recognition:verify-file"), {"file": SimpleUploadedFile("qd.pdf", final)}
    )
    assert 'data-verdict="valid"' in page.text
    download = client_of(cast.official_a).get(
        reverse("recognition:decision-final-file", args=[decision.pk])
    )
    assert b"".join(download.streaming_content) == final


def test_a_file_that_is_not_this_decision_or_not_signed_is_refused_at_the_field(decision, cast, authority, signing_keys, client_of):  # fmt: skip
    signing_keys(authority)
    client = client_of(cast.qcdc_staff)
    final = signed(documents.decision_pdf(decision), authority.signing_key)
    for data, message in [
        (PDF, "Tệp chưa có chữ ký số"),
        (changed_byte(final), "Tệp đã bị thay đổi sau khi ký"),
    ]:
        page = file_back(client, decision, data)
        assert page.status_code == 200 and message in page.text
    # The same signed file, filed as another Decision (number 07 of 1 November): refused.
    Decision.objects.filter(pk=decision.pk).update(number=7, date=date(2026, 11, 1))
    page = file_back(client, decision, final)
    assert "Đây không phải Quyết định số 07/QĐ-UBND ngày 01 tháng 11 năm 2026" in page.text
    assert not Decision.objects.get(pk=decision.pk).final_file
