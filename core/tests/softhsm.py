"""A PKCS#11 token in software (SoftHSM 2) for tests of signing with a key that never leaves it.

`softhsm_token(folder, label, pin, key, certificate)` makes a token in a folder of its own (its
own SOFTHSM2_CONF, set in this process's environment before the PKCS#11 module is first loaded),
imports the private key and its certificate under the label "sign", and answers the module's path.
SoftHSM reads its configuration once per process, so a test session makes one token folder
(a session-scoped fixture) and puts every token it needs there.
"""

import os
import shutil
import subprocess
from pathlib import Path

from cryptography.hazmat.primitives import serialization

MODULES = (
    "/usr/lib/softhsm/libsofthsm2.so",
    "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/local/lib/softhsm/libsofthsm2.so",
)
SO_PIN = "87654321"


def module_path() -> str | None:
    """The SoftHSM module and its tools, or None where they are not installed."""
    if not (shutil.which("softhsm2-util") and shutil.which("pkcs11-tool")):
        return None
    return next((path for path in MODULES if Path(path).exists()), None)


def configure(folder: Path) -> None:
    """SoftHSM's configuration and token store in `folder`, for this process and its tools."""
    tokens = folder / "tokens"
    tokens.mkdir(parents=True, exist_ok=True)
    conf = folder / "softhsm2.conf"
    conf.write_text(
        f"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\n",
        encoding="utf-8",
    )
    os.environ["SOFTHSM2_CONF"] = str(conf)


def _run(*arguments: str) -> None:
    subprocess.run(arguments, check=True, capture_output=True, text=True)  # noqa: S603


def softhsm_token(folder: Path, label: str, pin: str, key, certificate) -> str:
    """A token labelled `label` (user PIN `pin`) holding `key` and `certificate` as "sign"."""
    module = module_path()
    _run("softhsm2-util", "--init-token", "--free", "--label", label,
         "--so-pin", SO_PIN, "--pin", pin)  # fmt: skip
    key_file = folder / f"{label}.key.pem"
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    cert_file = folder / f"{label}.cert.der"
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.DER))
    _run("softhsm2-util", "--import", str(key_file), "--token", label,
         "--label", "sign", "--id", "01", "--pin", pin)  # fmt: skip
    key_file.unlink()  # the key lives in the token only
    _run("pkcs11-tool", "--module", module, "--token-label", label, "--login", "--pin", pin,
         "--write-object", str(cert_file), "--type", "cert", "--label", "sign", "--id", "01")  # fmt: skip
    return module
