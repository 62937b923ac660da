"""Digital signatures on the PDFs the app issues (PAdES, R41), and checking a signed file.

Keys never live in the database. An issuing authority names a key (`signing_key`); what the name
means is read from the signing configuration, a JSON file outside the database whose path is the
`SIGNING_KEYS_FILE` setting (see README, "Signed documents"):

    {
      "keys": {
        "ubnd-nghe-an": {"pkcs12": "/etc/brightspots/ubnd.p12", "passphrase_env": "UBND_P12_PASS"},
        "so-noi-vu": {"pkcs11": {"module": "/usr/lib/libeToken.so", "token_label": "SNV",
                                  "key_label": "sign", "cert_label": "sign", "pin_env": "SNV_PIN"}}
      },
      "trust_roots": ["/etc/brightspots/ca-root.pem"],
      "tsa_url": "http://tsa.example.vn/tsa"
    }

A passphrase or PIN comes from the named environment variable (the demo's own file may write
`"passphrase"` itself: its keys protect nothing). `trust_roots` are the CA certificates a file
uploaded to /verify/ is checked against; `tsa_url`, when given, adds an RFC 3161 timestamp.

The visible signature is drawn by the document itself (the PDF template prints who signs in the
signer block); the signature field is placed over that block, and its widget shows only the
signing time, in a font every PDF reader has, so that signing costs no font embedding.
"""

import asyncio
import concurrent.futures
import dataclasses
import datetime
import hashlib
import io
import json
import logging
import os
import threading
from functools import lru_cache
from pathlib import Path

from asn1crypto import pem
from asn1crypto import x509 as asn1_x509
from django.conf import settings
from pyhanko import stamp
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers, timestamps
from pyhanko.sign.general import SigningError
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

log = logging.getLogger(__name__)

FIELD_NAME = "ChuKySo"
_lock = threading.Lock()


class SigningNotConfigured(Exception):
    """The key an authority names is not in the signing configuration, or cannot be opened."""


@dataclasses.dataclass(frozen=True)
class SignatureBox:
    """Where the visible signature goes: a page (0-based) and a rectangle in PDF points
    (x1, y1, x2, y2 from the bottom left)."""

    page: int
    box: tuple[float, float, float, float]


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _configuration() -> dict:
    path = settings.SIGNING_KEYS_FILE
    if not path or not Path(path).is_file():
        return {}
    return _read_configuration(str(path), Path(path).stat().st_mtime_ns)


@lru_cache(maxsize=4)
def _read_configuration(path: str, _mtime: int) -> dict:
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def key_names() -> list[str]:
    """The keys the configuration offers, for the administrator's choice."""
    return sorted(_configuration().get("keys", {}))


def is_configured(key: str) -> bool:
    return bool(key) and key in _configuration().get("keys", {})


def _secret(entry: dict, literal: str, env: str) -> bytes | None:
    if entry.get(env):
        value = os.environ.get(entry[env])
        if value is None:
            raise SigningNotConfigured(f"environment variable {entry[env]} is not set")
        return value.encode()
    if entry.get(literal) is not None:
        return str(entry[literal]).encode()
    return None


def _signer(key: str) -> signers.Signer:
    config = _configuration()
    entry = config.get("keys", {}).get(key)
    if entry is None:
        raise SigningNotConfigured(f"no signing key named {key!r}")
    path = entry.get("pkcs12")
    stamp_ = Path(path).stat().st_mtime_ns if path and Path(path).exists() else 0
    return _open_signer(key, json.dumps(entry, sort_keys=True), stamp_)


@lru_cache(maxsize=32)
def _open_signer(key: str, entry_json: str, _mtime: int) -> signers.Signer:
    """Opened once per process (a PKCS#12 file is decrypted, a token session opened)."""
    entry = json.loads(entry_json)
    if "pkcs12" in entry:
        signer = signers.SimpleSigner.load_pkcs12(
            entry["pkcs12"], passphrase=_secret(entry, "passphrase", "passphrase_env")
        )
        if signer is None:
            raise SigningNotConfigured(f"the PKCS#12 file of {key!r} cannot be opened")
        return signer
    if "pkcs11" in entry:
        from pyhanko.sign import pkcs11  # needs python-pkcs11, installed only where a token is used

        token = entry["pkcs11"]
        session = pkcs11.open_pkcs11_session(
            token["module"],
            token_label=token.get("token_label"),
            user_pin=_secret(token, "pin", "pin_env").decode(),
        )
        return pkcs11.PKCS11Signer(
            session, key_label=token.get("key_label"), cert_label=token.get("cert_label")
        )
    raise SigningNotConfigured(f"signing key {key!r} names neither pkcs12 nor pkcs11")


def _outside_event_loop(call):
    """pyHanko's synchronous calls start an asyncio loop of their own, which fails where one is
    already running (an ASGI server, Playwright's sync API in browser tests): run them in a
    thread of their own then."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return call()
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(call).result()


def _timestamper():
    url = _configuration().get("tsa_url") or settings.SIGNING_TSA_URL
    return timestamps.HTTPTimeStamper(url, timeout=10) if url else None


def sign_pdf(
    pdf: bytes, *, key: str, where: SignatureBox, reason: str = "", location: str = ""
) -> bytes:
    """The PDF signed (PAdES baseline, SHA-256) with the named key, with a visible signature
    field at `where`, and a timestamp when a TSA is configured."""
    signer = _signer(key)
    metadata = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason or None,
        location=location or None,
    )
    style = stamp.TextStampStyle(
        stamp_text="%(ts)s", timestamp_format="%d/%m/%Y %H:%M:%S %z", border_width=0
    )
    spec = fields.SigFieldSpec(sig_field_name=FIELD_NAME, on_page=where.page, box=where.box)
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    pdf_signer = signers.PdfSigner(
        metadata, signer=signer, timestamper=_timestamper(), stamp_style=style, new_field_spec=spec
    )
    with _lock:  # a token session serves one signature at a time
        return _outside_event_loop(lambda: pdf_signer.sign_pdf(writer).getvalue())


def signer_name(key: str) -> str:
    """The common name of the key's certificate (who the file says signed it)."""
    return _common_name(_signer(key).signing_cert)


def _common_name(certificate) -> str:
    subject = certificate.subject.native
    return subject.get("common_name") or certificate.subject.human_friendly


@dataclasses.dataclass(frozen=True)
class SignatureReport:
    """What a signed file says about itself."""

    signed: bool
    intact: bool = False  # the signed bytes are unchanged
    whole_file: bool = False  # nothing was added after signing
    trusted: bool = False  # the signer's certificate chains to a configured trust root
    signer: str = ""
    signed_at: datetime.datetime | None = None
    timestamped: bool = False

    @property
    def valid(self) -> bool:
        return self.signed and self.intact and self.whole_file and self.trusted


def _trust_roots() -> list:
    roots = []
    for path in _configuration().get("trust_roots", []):
        data = Path(path).read_bytes()
        if pem.detect(data):
            roots += [asn1_x509.Certificate.load(der) for _t, _h, der in pem.unarmor(data, True)]
        else:
            roots.append(asn1_x509.Certificate.load(data))
    return roots


def signature_report(pdf: bytes) -> SignatureReport:
    """Check the last signature of a PDF against the configured trust roots. A file that is not
    a readable PDF, or carries no signature, answers `signed=False`."""
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        embedded = reader.embedded_signatures
    except (PdfError, ValueError, KeyError, TypeError, IndexError, OSError):
        return SignatureReport(signed=False)
    if not embedded:
        return SignatureReport(signed=False)
    signature = embedded[-1]
    context = ValidationContext(
        trust_roots=_trust_roots(), allow_fetching=False, revocation_mode="soft-fail"
    )
    try:
        status = _outside_event_loop(lambda: validate_pdf_signature(signature, context))
    except (PdfError, SigningError, ValueError, KeyError, TypeError) as error:
        log.info("signature could not be validated: %s", error)
        return SignatureReport(signed=True)
    return SignatureReport(
        signed=True,
        intact=bool(status.intact and status.valid),
        whole_file=status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
        trusted=bool(status.trusted),
        signer=_common_name(status.signing_cert),
        signed_at=status.timestamp_validity.timestamp
        if status.timestamp_validity
        else status.signer_reported_dt,
        timestamped=status.timestamp_validity is not None,
    )
