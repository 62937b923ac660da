"""The PDF engine of the app: certificates, Decisions and reports all go through here (R20, R33, R35).

Three promises, whatever machine renders:
- the same fonts: Noto Serif from the `fontpkg-noto-serif` package, referenced by path. Fontconfig
  is given an empty configuration, so no system font can stand in for a missing glyph;
- no outside fetches: the URL fetcher answers the bundled font files and `data:` URIs only, and
  refuses every other `file://` path and every http(s) address (a template cannot leak a server
  file into a PDF, nor make the worker call out);
- NFC text: the HTML is normalised before rendering, so decomposed input prints as the same letters.

The font configuration and the base stylesheet are built once per process and reused, as are
stylesheets passed by text: rebuilding them copies the 2 MB font files to a fresh temporary folder
and re-parses the CSS for every document (bench/certificates.py measures the difference).
"""

import os
import threading
import unicodedata
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

import fontpkg_noto_serif
import weasyprint
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from core.signing import SignatureBox

FONT_FAMILY = "Noto Serif"
FONT_FILES = {
    "normal": fontpkg_noto_serif.ROOT / "files" / "NotoSerif[wdth,wght].ttf",
    "italic": fontpkg_noto_serif.ROOT / "files" / "NotoSerif-Italic[wdth,wght].ttf",
}
# A fontconfig file that lists no font directory: only the @font-face fonts exist.
_EMPTY_FONTCONFIG = Path(__file__).resolve().parent / "pdf_fonts.conf"


class RefusedURL(ValueError):
    """A document asked for a resource outside the bundled fonts."""


class LocalOnlyURLFetcher(URLFetcher):
    """Answer the bundled font files and inline `data:` URIs; refuse everything else."""

    allowed_files = frozenset(path.resolve() for path in FONT_FILES.values())

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file" and parts.netloc in ("", "localhost"):
            # resolve() folds "..", so a path cannot climb out of the font folder.
            path = Path(url2pathname(parts.path)).resolve()
            if path in self.allowed_files:
                return URLFetcherResponse(
                    url, body=path.read_bytes(), headers={"Content-Type": "font/ttf"}
                )
        raise RefusedURL(f"PDF rendering does not fetch {url[:200]!r}")


def _font_face_css() -> str:
    rules = []
    for style, path in FONT_FILES.items():
        # No font-weight: one variable file carries every weight, bold included.
        rules.append(
            f'@font-face {{ font-family: "{FONT_FAMILY}"; src: url("{path.as_uri()}"); '
            f"font-style: {style}; }}"
        )
    return "\n".join(rules)


# Decree 30 page margins for documents on A4; a template's own stylesheet may set others.
BASE_CSS = f"""
@page {{ size: A4; margin: 20mm 15mm 20mm 30mm; }}
html {{ font-family: "{FONT_FAMILY}"; font-size: 13pt; line-height: 1.35; color: #000; }}
"""


class _Engine:
    """What every render in a process shares: the fonts, the URL fetcher, the base stylesheet."""

    def __init__(self):
        self.url_fetcher = LocalOnlyURLFetcher()
        self.font_config = _isolated_font_configuration()
        self.base_stylesheet = self.parse(_font_face_css() + BASE_CSS)

    def parse(self, css: str) -> weasyprint.CSS:
        return weasyprint.CSS(
            string=css, font_config=self.font_config, url_fetcher=self.url_fetcher
        )


def _isolated_font_configuration() -> FontConfiguration:
    # Fontconfig reads FONTCONFIG_FILE when a configuration is loaded; point it at the empty file
    # for that one moment only, so nothing else in the process is affected.
    previous = os.environ.get("FONTCONFIG_FILE")
    os.environ["FONTCONFIG_FILE"] = str(_EMPTY_FONTCONFIG)
    try:
        return FontConfiguration()
    finally:
        if previous is None:
            del os.environ["FONTCONFIG_FILE"]
        else:
            os.environ["FONTCONFIG_FILE"] = previous


_engine: _Engine | None = None
# Pango and fontconfig objects are shared by every render in the process; one render at a time
# keeps them consistent when a threaded server renders (rendering holds the GIL most of the time).
_lock = threading.RLock()


def _get_engine() -> _Engine:
    global _engine
    with _lock:
        if _engine is None:
            _engine = _Engine()
        return _engine


@lru_cache(maxsize=32)
def _stylesheet(css: str) -> weasyprint.CSS:
    return _get_engine().parse(css)


def layout_pdf(html: str, *, stylesheets=()) -> weasyprint.Document:
    """Lay out an HTML document without writing it: for callers that need to count its pages.

    `stylesheets` are CSS texts added after the base stylesheet; each distinct text is parsed
    once per process. The HTML is normalised to NFC first (R33).
    """
    html = unicodedata.normalize("NFC", html)
    with _lock:
        engine = _get_engine()
        sheets = [engine.base_stylesheet, *(_stylesheet(css) for css in stylesheets)]
        document = weasyprint.HTML(string=html, url_fetcher=engine.url_fetcher)
        return document.render(stylesheets=sheets, font_config=engine.font_config)


def write_pdf(document: weasyprint.Document) -> bytes:
    """The PDF bytes of a document from `layout_pdf`."""
    with _lock:
        return document.write_pdf()


def render_pdf(html: str, *, stylesheets=()) -> bytes:
    """Render an HTML document to PDF bytes (see `layout_pdf` for the arguments)."""
    return write_pdf(layout_pdf(html, stylesheets=stylesheets))


def _render_template(template_name: str, context: dict, stylesheets) -> tuple[str, list[str]]:
    with translation.override("vi"):
        html = render_to_string(template_name, context)
        css = [render_to_string(name) for name in stylesheets]
    return html, css


def layout_template(template_name: str, context: dict, *, stylesheets=()) -> weasyprint.Document:
    """`render_template_pdf` without the writing, for callers that need to count pages."""
    html, css = _render_template(template_name, context, stylesheets)
    return layout_pdf(html, stylesheets=css)


def render_template_pdf(template_name: str, context: dict, *, stylesheets=()) -> bytes:
    """Render a Django template to PDF in Vietnamese, the language of the province's documents.

    `stylesheets` are template names of CSS files kept beside the template (rendered without
    context, so they are plain CSS).
    """
    return write_pdf(layout_template(template_name, context, stylesheets=stylesheets))


CSS_PX_IN_PT = 0.75  # WeasyPrint lays out in CSS pixels (96 per inch); PDF counts points (72)


def signature_box(document: weasyprint.Document, anchor: str) -> SignatureBox | None:
    """Where a template's signer block is, for the visible signature field (R41): the border
    box of the element with id `anchor`, on the page that holds it. None when there is none."""
    for index, page in enumerate(document.pages):
        if anchor in page.anchors:
            x1, y1, x2, y2 = (value * CSS_PX_IN_PT for value in page.anchors[anchor])
            height = page.height * CSS_PX_IN_PT
            return SignatureBox(page=index, box=(x1, height - y2, x2, height - y1))
    return None


def paper_pdf(paper) -> bytes:
    """A unit's paper (core.paper.Paper) as a PDF, with the same words as its Word draft."""
    from core.paper import Heading, Table

    blocks = []
    for block in paper.body:
        if isinstance(block, Table):
            header = list(zip(block.header, block.widths_mm, strict=True))
            blocks.append({"kind": "table", "header": header, "rows": block.rows})
        elif isinstance(block, Heading):
            blocks.append({"kind": "heading", "text": block.text})
        else:
            blocks.append({"kind": "para", "text": block})
    context = {
        "paper": paper,
        "blocks": blocks,
        "addressees": [paper.addressee_line(line) for line in paper.addressees],
    }
    return render_template_pdf("core/pdf/paper.html", context, stylesheets=["core/pdf/paper.css"])
