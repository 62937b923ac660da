"""Signed certificates (R41): what signing adds to a certificate's render.

    .venv/bin/python -m bench.signing [--repeat 20]

Goal: signing (PAdES, pyHanko, the demo CA's ECDSA P-256 key from a PKCS#12 file, no TSA) adds
under 50 ms to one certificate, as the median of `repeat` renders of each kind in the same run
and the same warm process: unsigned, then signed, interleaved so that neither gets a quieter
machine. A TSA adds its network round trip on top, which this does not measure.
"""

import argparse
import dataclasses
import statistics
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

from bench.common import django_setup, machine


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    django_setup()
    from django.conf import settings

    from core import signing
    from demo.signing import demo_signing_keys
    from recognition.certificate import render_certificate, sample_certificate_data

    with tempfile.TemporaryDirectory() as folder:
        settings.SIGNING_KEYS_FILE = Path(folder) / "keys.json"
        authority = SimpleNamespace(name="ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", parent_name="")
        key = demo_signing_keys(settings.SIGNING_KEYS_FILE, [authority])[authority.name]
        unsigned = dataclasses.replace(sample_certificate_data(), sample=False)
        signed = dataclasses.replace(unsigned, signing_key=key, signed_by=signing.signer_name(key))
        for _ in range(3):  # warm: fonts, stylesheets, the opened key
            render_certificate(unsigned)
            render_certificate(signed)
        times = {"unsigned": [], "signed": []}
        for _ in range(args.repeat):
            for name, data in (("unsigned", unsigned), ("signed", signed)):
                started = time.perf_counter()
                render_certificate(data)
                times[name].append((time.perf_counter() - started) * 1000)
        assert signing.signature_report(render_certificate(signed)).intact
    medians = {name: statistics.median(samples) for name, samples in times.items()}
    added = medians["signed"] - medians["unsigned"]
    print(f"machine: {machine()}")
    print(f"certificate, median of {args.repeat}: unsigned {medians['unsigned']:.1f} ms, "
          f"signed {medians['signed']:.1f} ms; signing adds {added:.1f} ms "
          f"({'within' if added < 50 else 'OVER'} the 50 ms goal)")  # fmt: skip


if __name__ == "__main__":
    main()
