"""The room kept in a PDF for its signature (core.signing): a fixed room spares pyHanko a trial
signature; a signature that does not fit (a long chain, a big timestamp) is measured instead,
and the file still validates."""

import json
from types import SimpleNamespace

import pytest

from core import signing
from core.tests.upload_samples import PDF
from demo.signing import demo_signing_keys


@pytest.fixture
def key(settings, tmp_path):
    settings.SIGNING_KEYS_FILE = tmp_path / "signing" / "keys.json"
    authority = SimpleNamespace(name="ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", parent_name="")
    return demo_signing_keys(settings.SIGNING_KEYS_FILE, [authority])[authority.name]


def room(settings, size: int) -> None:
    path = settings.SIGNING_KEYS_FILE
    configuration = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({**configuration, "signature_bytes": size}), encoding="utf-8")


BOX = signing.SignatureBox(page=0, box=(300, 100, 480, 170))


def test_the_signature_fits_the_fixed_room(key):
    signed = signing.sign_pdf(PDF, key=key, where=BOX)
    assert signing.signature_report(signed).valid
    # the room: 12 KB of DER, written as 24 KB of hex in the /Contents string
    assert len(signed) - len(PDF) > 2 * signing.SIGNATURE_BYTES


def test_a_signature_too_big_for_the_room_is_measured_instead(key, settings, caplog):
    room(settings, 200)  # far too small for a CMS with two certificates
    signed = signing.sign_pdf(PDF, key=key, where=BOX)
    assert signing.signature_report(signed).valid
    assert "did not fit" in caplog.text
    assert len(signed) - len(PDF) < 2 * signing.SIGNATURE_BYTES
