"""A timestamp authority (RFC 3161) served over HTTP on localhost, for tests of signing with a
TSA: pyHanko's DummyTimeStamper answers each request with a token signed by a TSA certificate
that the demo CA issued, so a signed file's timestamp validates against the same trust root.

    with local_tsa(ca_folder) as tsa:
        settings.SIGNING_TSA_URL = tsa.url
        ...
        tsa.requests  # how many timestamps it gave
"""

import contextlib
import dataclasses
import datetime
import http.server
import threading
from pathlib import Path

from asn1crypto import keys as asn1_keys
from asn1crypto import tsp
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper

from demo.signing import demo_ca

TSA_NAME = "Demo TSA - Diem sang (khong dung that)"


def tsa_certificate(ca_folder: Path):
    """An RSA key (pyHanko's dummy TSA signs with RSA only) and a timestamping certificate."""
    ca_key, ca = demo_ca(Path(ca_folder))
    now = datetime.datetime.now(datetime.UTC)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
            x509.NameAttribute(NameOID.COMMON_NAME, TSA_NAME),
        ]
    )
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False
        )
        .sign(ca_key, hashes.SHA256())
    )
    return key, certificate


@dataclasses.dataclass
class LocalTsa:
    url: str
    requests: int = 0


@contextlib.contextmanager
def local_tsa(ca_folder: Path, fixed: datetime.datetime | None = None):
    """A TSA on 127.0.0.1 (a free port) for the length of the block."""
    key, certificate = tsa_certificate(ca_folder)
    stamper = DummyTimeStamper(
        tsa_cert=asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER)),
        tsa_key=asn1_keys.PrivateKeyInfo.load(
            key.private_bytes(
                serialization.Encoding.DER,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        ),
        fixed_dt=fixed,
    )
    state = LocalTsa(url="")

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 (http.server's name)
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            answer = stamper.request_tsa_response(tsp.TimeStampReq.load(body)).dump()
            state.requests += 1
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{server.server_address[1]}/tsa"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
