"""The demo's own certificate authority and the issuing authorities' signing keys (R41).

`load_demo` calls `demo_signing_keys` so that Decisions and certificates are signed out of the
box: a CA ("Demo CA — Điểm sáng, không dùng thật"), one PKCS#12 file per authority signed by it,
and the signing configuration (core/signing.py) that names them. Everything is written under one
folder, next to the database in embedded mode; nothing of it is in the database but the key's
name on the authority. These keys protect nothing: production uses the authorities' real
certificates (README, "Signed documents").
"""

import datetime
import json
import re
import unicodedata
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

CA_NAME = "Demo CA - Diem sang (khong dung that)"
PASSPHRASE = "diemsang-demo"  # written into the demo's configuration: a demo key guards nothing


def key_name(authority_name: str) -> str:
    """'ỦY BAN NHÂN DÂN TỈNH NGHỆ AN' → 'uy-ban-nhan-dan-tinh-nghe-an'"""
    folded = unicodedata.normalize("NFKD", authority_name.replace("Đ", "D").replace("đ", "d"))
    plain = "".join(char for char in folded if char.isascii()).lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def _name(common_name: str, organisation: str = "") -> x509.Name:
    attributes = [x509.NameAttribute(NameOID.COUNTRY_NAME, "VN")]
    if organisation:
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation))
    attributes.append(x509.NameAttribute(NameOID.COMMON_NAME, common_name))
    return x509.Name(attributes)


def _usage(*, signs_certificates: bool) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=not signs_certificates, content_commitment=not signs_certificates,
        key_encipherment=False, data_encipherment=False, key_agreement=False,
        key_cert_sign=signs_certificates, crl_sign=signs_certificates,
        encipher_only=False, decipher_only=False,
    )  # fmt: skip


def demo_ca(folder: Path):
    """The demo CA: made once, kept (so files signed earlier still verify)."""
    key_path, cert_path = folder / "demo-ca.key", folder / "demo-ca.pem"
    if key_path.exists() and cert_path.exists():
        key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
        return key, x509.load_pem_x509_certificate(cert_path.read_bytes())
    now = datetime.datetime.now(datetime.UTC)
    key = ec.generate_private_key(ec.SECP256R1())
    certificate = (
        x509.CertificateBuilder()
        .subject_name(_name(CA_NAME))
        .issuer_name(_name(CA_NAME))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=20 * 365))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_usage(signs_certificates=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    folder.mkdir(parents=True, exist_ok=True)
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    key_path.chmod(0o600)
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return key, certificate


def authority_certificate(folder: Path, authority_name: str, parent_name: str = ""):
    """A new EC key and its certificate for an authority, issued by the demo CA kept in `folder`
    (made there if missing): what a token holds in a test of PKCS#11 signing."""
    ca_key, ca = demo_ca(Path(folder))
    now = datetime.datetime.now(datetime.UTC)
    key = ec.generate_private_key(ec.SECP256R1())
    certificate = (
        x509.CertificateBuilder()
        .subject_name(_name(authority_name, parent_name))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=5 * 365))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_usage(signs_certificates=False), critical=True)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    return key, certificate, ca


def _authority_pkcs12(path: Path, authority_name: str, parent_name: str) -> None:
    key, certificate, ca = authority_certificate(path.parent, authority_name, parent_name)
    data = pkcs12.serialize_key_and_certificates(
        key_name(authority_name).encode(), key, certificate, [ca],
        serialization.BestAvailableEncryption(PASSPHRASE.encode()),
    )  # fmt: skip
    path.write_bytes(data)
    path.chmod(0o600)


def demo_signing_keys(keys_file: Path, authorities) -> dict[str, str]:
    """Make (once) the demo CA and a key for each of `authorities` (objects with `name` and
    `parent_name`), and write the signing configuration to `keys_file`. Answers each authority's
    name → its key's name. Safe to run again: existing keys are kept. A configuration that the
    demo did not write is left alone (and nothing is answered)."""
    keys_file = Path(keys_file)
    folder = keys_file.parent
    demo_ca(folder)
    configuration = {"demo": True, "keys": {}, "trust_roots": [str(folder / "demo-ca.pem")]}
    if keys_file.exists():
        configuration = json.loads(keys_file.read_text(encoding="utf-8"))
        if not configuration.get("demo"):
            return {}  # a real configuration: the demo adds no key to it
    names = {}
    for authority in authorities:
        name = key_name(authority.name)
        path = folder / f"{name}.p12"
        if not path.exists():
            _authority_pkcs12(path, authority.name, authority.parent_name)
        configuration["keys"][name] = {"pkcs12": str(path), "passphrase": PASSPHRASE}
        names[authority.name] = name
    keys_file.write_text(json.dumps(configuration, ensure_ascii=False, indent=2), encoding="utf-8")
    keys_file.chmod(0o600)
    return names
