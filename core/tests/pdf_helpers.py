"""Reading PDFs back in tests: their text, their fonts, a picture of a page."""

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from pypdf import PdfReader

ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts" / "pdf"


def needs(binary: str):
    """Skip a test when a Debian tool it reads PDFs with is not installed."""
    return pytest.mark.skipif(not shutil.which(binary), reason=f"{binary} is not installed")


def pages(pdf: bytes) -> list:
    return PdfReader(io.BytesIO(pdf)).pages


def pdf_text(pdf: bytes) -> str:
    """All text of the PDF with runs of white space as one space (lines wrap anywhere)."""
    return " ".join(" ".join(page.extract_text() for page in pages(pdf)).split())


def embedded_fonts(pdf: bytes, tmp_path: Path) -> list[tuple[str, str]]:
    """(name without subset prefix, "yes"/"no" embedded) for each font `pdffonts` lists."""
    path = tmp_path / "fonts.pdf"
    path.write_bytes(pdf)
    output = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    fonts = []
    for line in output.stdout.splitlines()[2:]:
        # name, type (one or two words), encoding, then emb sub uni object-id generation
        columns = line.split()
        fonts.append((columns[0].split("+", 1)[-1], columns[-5]))
    return fonts


def page_png(pdf: bytes, name: str, *, dpi: int = 150) -> Path:
    """Render the first page as test-artifacts/pdf/<name>.png, for people and for zbarimg."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    source = ARTIFACTS / f"{name}.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            str(dpi),
            "-f",
            "1",
            "-singlefile",
            str(source),
            str(source.with_suffix("")),
        ],
        check=True,
    )
    return source.with_suffix(".png")
