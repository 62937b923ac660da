"""R41: Decisions and certificates signed digitally (PAdES) by the issuing authority's key, with
the visible signature in the signer block; pyHanko's own validator accepts them against the demo
CA, and a single changed byte breaks them."""

import io
from datetime import date
from pathlib import Path

import pytest
from asn1crypto import pem
from asn1crypto import x509 as asn1_x509
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from pypdf import PdfReader

from core.tests.pdf_helpers import pdf_text
from recognition import services
from recognition.models import Certificate
from recognition.tests.factories import decision_for


def validation_context(ca_pem: Path) -> ValidationContext:
    _type, _headers, der = pem.unarmor(ca_pem.read_bytes())
    return ValidationContext(
        trust_roots=[asn1_x509.Certificate.load(der)], allow_fetching=False,
        revocation_mode="soft-fail",
    )  # fmt: skip


def validate(pdf: bytes, ca_pem: Path):
    signature = PdfFileReader(io.BytesIO(pdf)).embedded_signatures[0]
    return validate_pdf_signature(signature, validation_context(ca_pem))


def changed_byte(pdf: bytes) -> bytes:
    """One byte of the signed content changed (inside the first page's content)."""
    changed = bytearray(pdf)
    offset = pdf.index(b"stream", 200) + 20
    changed[offset] ^= 0x01
    return bytes(changed)


@pytest.fixture
def signed_decision(cast, authority, proposed_pair, signing_keys):
    ca = signing_keys(authority)
    decision = decision_for(cast.qcdc, proposed_pair, cast.qcdc_staff, day=date(2026, 11, 5))
    return decision, ca


def test_a_signed_certificate_validates_against_the_demo_ca(signed_decision):
    decision, ca = signed_decision
    services.certificates_allocate(decision)
    certificate = services.certificate_render(Certificate.objects.order_by("number").first())
    pdf = Path(certificate.file.path).read_bytes()
    status = validate(pdf, ca)
    assert status.intact and status.valid and status.trusted
    assert status.bottom_line
    assert status.signing_cert.subject.native["common_name"] == "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN"
    assert certificate.signed_by == "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN"
    assert len(certificate.sha256) == 64
    assert "Đã ký số" in pdf_text(pdf)  # the visible signature, in the signer block


def test_a_signed_decision_validates_and_a_changed_byte_breaks_it(signed_decision):
    decision, ca = signed_decision
    decision = services.decision_render(decision)
    pdf = Path(decision.file.path).read_bytes()
    assert validate(pdf, ca).bottom_line
    assert decision.signed_by == "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN"
    broken = validate(changed_byte(pdf), ca)
    assert not broken.intact and not broken.bottom_line


def test_the_visible_signature_sits_over_the_signer_block(signed_decision):
    """Decree 30 puts the signature between the signing form and the signer's name, on the
    right: the signature field's rectangle is there, on the page that holds the block."""
    decision, _ca = signed_decision
    pdf = Path(services.decision_render(decision).file.path).read_bytes()
    reader = PdfReader(io.BytesIO(pdf))
    widgets = [
        (index, annotation.get_object())
        for index, page in enumerate(reader.pages)
        for annotation in page.get("/Annots", [])
        if annotation.get_object().get("/FT") == "/Sig"
    ]
    assert len(widgets) == 1
    index, widget = widgets[0]
    x1, y1, x2, y2 = (float(v) for v in widget["/Rect"])
    page = reader.pages[index]
    width = float(page.mediabox.width)
    assert x1 > width / 2  # the right column
    assert 60 < x2 - x1 < 200 and 30 < y2 - y1 < 90  # about 62 × 25 mm
    words = page.extract_text()
    assert "PHÓ CHỦ TỊCH" in words and "Hoàng Minh Châu" in words


def test_without_a_key_documents_are_issued_unsigned(cast, authority, proposed_pair):
    decision = decision_for(cast.qcdc, proposed_pair, cast.qcdc_staff)
    decision = services.decision_render(decision)
    pdf = Path(decision.file.path).read_bytes()
    assert not PdfFileReader(io.BytesIO(pdf)).embedded_signatures
    assert decision.signed_by == "" and len(decision.file_sha256) == 64
