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
import contextlib
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


def _entry(key: str) -> dict:
    entry = _configuration().get("keys", {}).get(key)
    if entry is None:
        raise SigningNotConfigured(f"no signing key named {key!r}")
    if "pkcs12" not in entry and "pkcs11" not in entry:
        raise SigningNotConfigured(f"signing key {key!r} names neither pkcs12 nor pkcs11")
    return entry


def _pkcs12_signer(key: str, entry: dict) -> signers.Signer:
    path = entry["pkcs12"]
    stamp_ = Path(path).stat().st_mtime_ns if Path(path).exists() else 0
    return _open_pkcs12(key, json.dumps(entry, sort_keys=True), stamp_)


@lru_cache(maxsize=32)
def _open_pkcs12(key: str, entry_json: str, _mtime: int) -> signers.Signer:
    """Decrypted once per process (the file changes: opened again)."""
    entry = json.loads(entry_json)
    signer = signers.SimpleSigner.load_pkcs12(
        entry["pkcs12"], passphrase=_secret(entry, "passphrase", "passphrase_env")
    )
    if signer is None:
        raise SigningNotConfigured(f"the PKCS#12 file of {key!r} cannot be opened")
    return signer


def _ca_chain(entry: dict) -> list:
    return [cert for path in entry.get("ca_chain", []) for cert in _certificates(Path(path))]


@contextlib.contextmanager
def _pkcs11_signer(key: str, entry: dict):
    """A token session for one signature: opened, logged in with the PIN from the environment
    variable the configuration names (never a PIN in the database or the file), closed after.
    A session is never kept between signatures: a worker process forked after it was opened
    could not use it, and a token unplugged meanwhile would leave it dead.

    Tokens that only offer raw ECDSA (SoftHSM, many USB tokens) sign a digest computed here;
    `"raw_mechanism": true|false` in the token's entry overrides what the token is asked."""
    from pkcs11 import Mechanism, PKCS11Error  # python-pkcs11: the PKCS#11 binding
    from pyhanko.sign import pkcs11
    from pyhanko.sign.pkcs11 import TokenCriteria

    token = entry["pkcs11"]
    if not token.get("pin_env"):
        raise SigningNotConfigured(f"the token of {key!r} names no pin_env")
    pin = _secret(token, "", "pin_env").decode()
    try:
        session = pkcs11.open_pkcs11_session(
            token["module"],
            slot_no=token.get("slot"),
            token_criteria=TokenCriteria(label=token["token_label"])
            if token.get("token_label")
            else None,
            user_pin=pin,
        )
    except (PKCS11Error, OSError, RuntimeError) as error:
        raise SigningNotConfigured(f"the token of {key!r} cannot be opened: {error!r}") from error
    try:
        raw = token.get("raw_mechanism")
        if raw is None:
            raw = Mechanism.ECDSA_SHA256 not in session.token.slot.get_mechanisms()
        yield pkcs11.PKCS11Signer(
            session,
            key_label=token.get("key_label"),
            cert_label=token.get("cert_label"),
            key_id=bytes.fromhex(token["key_id"]) if token.get("key_id") else None,
            cert_id=bytes.fromhex(token["cert_id"]) if token.get("cert_id") else None,
            ca_chain=_ca_chain(token),
            use_raw_mechanism=bool(raw),
        )
    finally:
        session.close()


@contextlib.contextmanager
def _signing(key: str):
    entry = _entry(key)
    if "pkcs12" in entry:
        yield _pkcs12_signer(key, entry)
    else:
        with _pkcs11_signer(key, entry) as signer:
            yield signer


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
    timestamper = _timestamper()
    reserved = _reserved_bytes(timestamper is not None)

    def sign(bytes_reserved):
        with _signing(key) as signer:
            pdf_signer = signers.PdfSigner(
                metadata,
                signer=signer,
                timestamper=timestamper,
                stamp_style=style,
                new_field_spec=spec,
            )
            writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
            return pdf_signer.sign_pdf(writer, bytes_reserved=bytes_reserved).getvalue()

    with _lock:  # one signature at a time in a process (a token serves one session well)
        try:
            return _outside_event_loop(lambda: sign(reserved))
        except SigningError as error:
            if "larger than expected" not in str(error):
                raise
            # A chain or a timestamp bigger than the room kept: pyHanko measures it instead.
            log.warning("signature of %s did not fit in %s bytes; measured instead", key, reserved)
            return _outside_event_loop(lambda: sign(None))


# Room kept in the PDF for the signature, in bytes of DER (written as hex: twice as many
# digits). A fixed room spares pyHanko a trial signature to measure it (and, with a TSA, a trial
# timestamp request): about 40% of the signing step. An ECDSA chain of two certificates takes
# ~1.2 KB, a chain of three RSA-4096 certificates ~6 KB, a timestamp token with its TSA's chain
# ~6 KB more; `"signature_bytes"` in the configuration sets another room.
SIGNATURE_BYTES = 12 * 1024
SIGNATURE_BYTES_WITH_TIMESTAMP = 24 * 1024


def _reserved_bytes(timestamped: bool) -> int:
    """The room as pyHanko counts it: hex digits."""
    configured = _configuration().get("signature_bytes")
    if configured:
        return 2 * int(configured)
    return 2 * (SIGNATURE_BYTES_WITH_TIMESTAMP if timestamped else SIGNATURE_BYTES)


def signer_name(key: str) -> str:
    """The common name of the key's certificate (who the file says signed it)."""
    entry = _entry(key)
    if "pkcs12" in entry:
        return _common_name(_pkcs12_signer(key, entry).signing_cert)
    return _token_signer_name(key, json.dumps(entry, sort_keys=True))


@lru_cache(maxsize=32)
def _token_signer_name(key: str, _entry_json: str) -> str:
    """Read from the token once per process (a certificate is public; the session is closed)."""

    def read():
        with _signing(key) as signer:
            return _common_name(signer.signing_cert)

    with _lock:
        return _outside_event_loop(read)


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
    signed_at: datetime.datetime | None = None  # the timestamp's time if any, else the signer's
    timestamped: bool = False
    timestamp_at: datetime.datetime | None = None  # the time the TSA vouches for
    timestamp_by: str = ""  # the TSA's name
    timestamp_trusted: bool = False  # its token is intact and its TSA chains to a trust root

    @property
    def valid(self) -> bool:
        return self.signed and self.intact and self.whole_file and self.trusted


def _certificates(path: Path) -> list:
    data = path.read_bytes()
    if pem.detect(data):
        return [asn1_x509.Certificate.load(der) for _t, _h, der in pem.unarmor(data, True)]
    return [asn1_x509.Certificate.load(data)]


def _trust_roots() -> list:
    return [
        cert
        for path in _configuration().get("trust_roots", [])
        for cert in _certificates(Path(path))
    ]


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
    stamp_ = status.timestamp_validity
    return SignatureReport(
        signed=True,
        intact=bool(status.intact and status.valid),
        whole_file=status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
        trusted=bool(status.trusted),
        signer=_common_name(status.signing_cert),
        signed_at=stamp_.timestamp if stamp_ else status.signer_reported_dt,
        timestamped=stamp_ is not None,
        timestamp_at=stamp_.timestamp if stamp_ else None,
        timestamp_by=_common_name(stamp_.signing_cert) if stamp_ else "",
        timestamp_trusted=bool(stamp_ and stamp_.intact and stamp_.valid and stamp_.trusted),
    )
