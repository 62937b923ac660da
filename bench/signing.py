"""Signed certificates (R41): what signing adds to a certificate's render.

    .venv/bin/python -m bench.signing [--repeat 20]

Goal: signing (PAdES, pyHanko, the demo CA's ECDSA P-256 key from a PKCS#12 file, no TSA) adds
under 50 ms to one certificate, as the median of `repeat` renders of each kind in the same run
and the same warm process, with production settings: unsigned, then signed, interleaved so that
neither gets a quieter machine. The signing step alone (`core.signing.sign_pdf` on the unsigned
PDF) is timed too, since on a loaded machine the difference of two medians of ~250 ms renders is
noisy. A TSA adds its network round trip on top, which this does not measure.
"""

import argparse
import dataclasses
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

from bench.common import django_setup, load, machine, spread


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def row(label: str, figures: dict) -> str:
    return (f"| {label} | {figures['median']:.1f} | {figures['min']:.1f} | {figures['max']:.1f} "
            f"| {figures['runs']} |")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    django_setup()
    from django.conf import settings

    from core import signing
    from core.pdf import layout_template, signature_box, write_pdf
    from demo.signing import demo_signing_keys
    from recognition import certificate as module
    from recognition.certificate import render_certificate, sample_certificate_data

    def with_block_unsigned(data) -> bytes:
        """render_certificate of a signed certificate, but for the signature itself."""
        context = module.certificate_context(data)
        for fit in module._FITS:
            document = layout_template(module.TEMPLATE, {**context, "fit": fit},
                                       stylesheets=[module.STYLESHEET])  # fmt: skip
            if len(document.pages) == 1:
                break
        pdf = write_pdf(document)
        signature_box(document, "signature-box")
        return pdf

    load_before = load()
    with tempfile.TemporaryDirectory() as folder:
        settings.SIGNING_KEYS_FILE = Path(folder) / "keys.json"
        authority = SimpleNamespace(name="ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", parent_name="")
        key = demo_signing_keys(settings.SIGNING_KEYS_FILE, [authority])[authority.name]
        unsigned = dataclasses.replace(sample_certificate_data(), sample=False)
        signed = dataclasses.replace(unsigned, signing_key=key, signed_by=signing.signer_name(key))
        plain_pdf = render_certificate(unsigned)
        box = signing.SignatureBox(page=0, box=(300, 100, 480, 170))
        for _ in range(3):  # warm: fonts, stylesheets, the opened key
            render_certificate(unsigned)
            render_certificate(signed)
            signing.sign_pdf(plain_pdf, key=key, where=box)
        times = {"unsigned": [], "block": [], "signed": [], "step": []}
        for _ in range(args.repeat):
            times["unsigned"].append(timed(lambda: render_certificate(unsigned)))
            times["block"].append(timed(lambda: with_block_unsigned(signed)))
            times["signed"].append(timed(lambda: render_certificate(signed)))
            times["step"].append(timed(lambda: signing.sign_pdf(plain_pdf, key=key, where=box)))
        assert signing.signature_report(render_certificate(signed)).intact
    load_after = load()
    figures = {name: spread(samples) for name, samples in times.items()}
    added = figures["signed"]["median"] - figures["block"]["median"]
    over_plain = figures["signed"]["median"] - figures["unsigned"]["median"]
    step = figures["step"]["median"]
    print(f"machine: {machine()}")
    print(f"load: {load_before} before, {load_after} after")
    print()
    print("| certificate render (ms) | median | min | max | runs |")
    print("|---|---:|---:|---:|---:|")
    print(row("unsigned (no signer block)", figures["unsigned"]))
    print(row("unsigned, with the signer block (the fair baseline)", figures["block"]))
    print(row("signed (PAdES, PKCS#12, no TSA)", figures["signed"]))
    print(row("the signing step alone (sign_pdf)", figures["step"]))
    print()
    print(f"signing adds {added:.1f} ms to a certificate (signed against the same layout "
          f"unsigned, difference of the medians; the step alone: {step:.1f} ms; against the "
          f"plain unsigned certificate: {over_plain:.1f} ms): "
          f"{'within' if max(added, step) < 50 else 'OVER'} the 50 ms goal")  # fmt: skip


if __name__ == "__main__":
    main()
