"""R41: an issuing authority signs through a PKCS#11 token (SoftHSM 2 here, a USB token in an
office): the key never leaves the token, the token is found by its label, the PIN comes from an
environment variable, and the signed Decision and certificate validate with pyHanko's validator
against the CA that issued the token's certificate."""

import json
from datetime import date
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from conftest import skip_unless_required
from core import signing
from core.tests import softhsm
from core.tests.upload_samples import PDF
from demo.signing import authority_certificate
from recognition import services
from recognition.models import Certificate, IssuingAuthority
from recognition.tests.factories import decision_for
from recognition.tests.test_signed_documents import changed_byte, validate

AUTHORITY = "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN"
LABEL, PIN, PIN_ENV = "UBND-NGHE-AN", "246810", "BRIGHTSPOTS_TEST_TOKEN_PIN"


@pytest.fixture(scope="session")
def token(tmp_path_factory):
    """One SoftHSM token for the session (SoftHSM reads its configuration once per process),
    holding the authority's key and a certificate issued by a demo-style CA."""
    if softhsm.module_path() is None:
        skip_unless_required("SoftHSM 2 (softhsm2, opensc) is not installed")
    folder = tmp_path_factory.mktemp("softhsm")
    softhsm.configure(folder)
    key, certificate, ca = authority_certificate(folder / "ca", AUTHORITY, "Tỉnh Nghệ An")
    module = softhsm.softhsm_token(folder, LABEL, PIN, key, certificate)
    ca_pem = folder / "ca" / "demo-ca.pem"
    assert ca_pem.read_bytes() == ca.public_bytes(serialization.Encoding.PEM)
    return {"module": module, "folder": folder, "ca": ca_pem}


@pytest.fixture
def token_key(token, settings, monkeypatch, authority, tmp_path):
    """The authority signs with the token: the configuration names the module, the token's label
    and the variable that holds the PIN; the database holds the key's name only."""
    monkeypatch.setenv(PIN_ENV, PIN)
    keys = tmp_path / "signing" / "keys.json"
    keys.parent.mkdir()
    entry = {"module": token["module"], "token_label": LABEL, "key_label": "sign",
             "cert_label": "sign", "pin_env": PIN_ENV}  # fmt: skip
    keys.write_text(
        json.dumps({"keys": {"ubnd-token": {"pkcs11": entry}}, "trust_roots": [str(token["ca"])]}),
        encoding="utf-8",
    )
    settings.SIGNING_KEYS_FILE = keys
    authority.signing_key = "ubnd-token"
    authority.save(update_fields=["signing_key"])
    return token["ca"]


@pytest.fixture
def decision(cast, proposed_pair, token_key):
    return decision_for(cast.qcdc, proposed_pair, cast.qcdc_staff, day=date(2026, 11, 5))


def test_a_decision_signed_on_the_token_validates(decision, token_key):
    decision = services.decision_render(decision)
    pdf = Path(decision.file.path).read_bytes()
    status = validate(pdf, token_key)
    assert status.intact and status.valid and status.trusted and status.bottom_line
    assert status.signing_cert.subject.native["common_name"] == AUTHORITY
    assert decision.signed_by == AUTHORITY
    assert not validate(changed_byte(pdf), token_key).bottom_line


def test_certificates_signed_on_the_token_validate_one_session_each(decision, token_key, client):
    """Each signature opens and closes its own session: several in a row all validate, and
    /verify/ says the file is valid and who signed it."""
    services.certificates_allocate(decision)
    certificates = list(Certificate.objects.order_by("number"))
    assert len(certificates) == 2
    for certificate in certificates:
        rendered = services.certificate_render(certificate)
        pdf = Path(rendered.file.path).read_bytes()
        assert validate(pdf, token_key).bottom_line
        assert rendered.signed_by == AUTHORITY
    upload = SimpleUploadedFile("giay-chung-nhan.pdf", pdf)
    page = client.post(reverse("recognition:verify-file"), {"file": upload})
    assert 'data-verdict="valid"' in page.text and AUTHORITY in page.text


def test_the_pin_is_read_from_the_environment_only(decision, monkeypatch):
    """Without the variable the token is not opened, and nothing of the PIN is in the database."""
    monkeypatch.delenv(PIN_ENV)
    with pytest.raises(signing.SigningNotConfigured, match=PIN_ENV):
        signing.sign_pdf(PDF, key="ubnd-token", where=signing.SignatureBox(0, (0, 0, 1, 1)))
    authority = IssuingAuthority.objects.get(pk=decision.authority_id)
    assert PIN not in json.dumps(
        {field.name: str(getattr(authority, field.name)) for field in authority._meta.fields}
    )


def test_a_wrong_pin_is_refused_as_not_configured(decision, monkeypatch):
    monkeypatch.setenv(PIN_ENV, "000000")
    with pytest.raises(signing.SigningNotConfigured):
        signing.sign_pdf(PDF, key="ubnd-token", where=signing.SignatureBox(0, (0, 0, 1, 1)))
