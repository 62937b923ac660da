"""The PDF engine: bundled fonts only, no outside fetches, NFC text (R20, R33, R35)."""

import base64
import http.server
import threading
import unicodedata

import pytest
import segno
from django.utils import translation

from core import pdf
from core.tests.pdf_helpers import embedded_fonts, needs, pages, pdf_text

PNG = segno.make("x").png_data_uri(scale=4)


@pytest.fixture
def png_file(tmp_path):
    path = tmp_path / "seal.png"
    path.write_bytes(base64.b64decode(PNG.split(",", 1)[1]))
    return path


@pytest.fixture
def web_server():
    """A local web server that records every request it gets."""
    requests = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            requests.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", requests
    server.shutdown()
    server.server_close()


def test_decomposed_text_prints_as_composed_letters():
    decomposed = unicodedata.normalize("NFD", "Nghĩa Đồng, Cộng hòa")
    text = pdf_text(pdf.render_pdf(f"<p>{decomposed}</p>"))
    assert "Nghĩa Đồng, Cộng hòa" in text
    assert text == unicodedata.normalize("NFC", text)


def test_inline_data_image_is_drawn(png_file):
    assert len(pages(pdf.render_pdf(f'<img src="{PNG}">'))[0].images) == 1


def test_local_file_is_not_fetched(png_file):
    document = pdf.render_pdf(f'<p>ok</p><img src="{png_file.as_uri()}">')
    assert pdf_text(document) == "ok"
    assert len(pages(document)[0].images) == 0


def test_web_addresses_are_never_called(web_server):
    address, requests = web_server
    html = (
        f'<link rel="stylesheet" href="{address}/style.css">'
        f'<p style="background: url({address}/bg.png)">ok</p><img src="{address}/logo.png">'
    )
    assert pdf_text(pdf.render_pdf(html, stylesheets=[f"@import url({address}/more.css);"])) == "ok"
    assert requests == []


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://example.com/logo.png",
        "https://example.com/logo.png",
        "ftp://example.com/logo.png",
        # A path that walks out of the font folder is refused even though it starts inside it.
        pdf.FONT_FILES["normal"].parent.as_uri() + "/../../../../../../etc/passwd",
        "file://otherhost" + pdf.FONT_FILES["normal"].as_posix(),
    ],
)
def test_fetcher_refuses_everything_but_the_fonts(url):
    with pytest.raises(pdf.RefusedURL):
        pdf.LocalOnlyURLFetcher().fetch(url)


def test_fetcher_answers_the_bundled_fonts():
    for path in pdf.FONT_FILES.values():
        response = pdf.LocalOnlyURLFetcher().fetch(path.as_uri())
        assert response.read()[:4] == b"\x00\x01\x00\x00"  # a TrueType font


@needs("pdffonts")
def test_only_the_bundled_font_is_used_even_for_letters_it_lacks(tmp_path):
    # Chinese and emoji are not in Noto Serif: a system font must not stand in for them.
    document = pdf.render_pdf("<p>Việt <b>Nam</b> <i>中文</i> 😀</p><pre>mono</pre>")
    fonts = embedded_fonts(document, tmp_path)
    assert {name for name, _ in fonts} == {"Noto-Serif", "Noto-Serif-Bold", "Noto-Serif-Italic"}
    assert all(embedded == "yes" for _, embedded in fonts)


def test_fonts_and_base_stylesheet_are_built_once_per_process():
    pdf.render_pdf("<p>một</p>")
    engine = pdf._get_engine()
    pdf.render_pdf("<p>hai</p>", stylesheets=["p { color: red }"])
    pdf.render_pdf("<p>ba</p>", stylesheets=["p { color: red }"])
    assert pdf._get_engine() is engine
    assert pdf._stylesheet("p { color: red }") is pdf._stylesheet("p { color: red }")


def test_templates_render_in_vietnamese_whatever_the_active_language(settings):
    documents = {
        "doc.html": "{% load i18n %}<p>{% translate 'Recognition' %} {{ name }}</p>",
        "doc.css": "p { color: #b01c21 }",
    }
    settings.TEMPLATES = [
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "OPTIONS": {"loaders": [("django.template.loaders.locmem.Loader", documents)]},
        }
    ]
    with translation.override("en"):
        document = pdf.render_template_pdf(
            "doc.html", {"name": "<b>Vinh</b>"}, stylesheets=["doc.css"]
        )
    assert pdf_text(document) == "Công nhận <b>Vinh</b>"
