"""R32 under attack: what a file's bytes are decides, not its name; Office files are opened with
care (zip bombs, macros, archives that are neither); double extensions are answered clearly."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from core.tests.upload_samples import (
    JPEG,
    PDF,
    PNG,
    POLYGLOT_PDF,
    STUB_PDF,
    archive,
    docx,
    lying_about_size,
    pdf,
    pdf_of_size,
    xlsx,
    zip_bomb,
)
from core.uploads import clean_display_name, validate_upload


def refusal(name: str, data: bytes) -> str:
    with pytest.raises(ValidationError) as refused:
        validate_upload(SimpleUploadedFile(name, data))
    return refused.value.code


def test_real_documents_of_each_kind_are_accepted():
    samples = {
        "ke-hoach.pdf": PDF,
        "ke-hoach.docx": docx(),
        "tien-do.xlsx": xlsx(),
        "anh.png": PNG,
        "anh.jpg": JPEG,
        "ANH.JPEG": JPEG,
    }
    kinds = {
        name: validate_upload(SimpleUploadedFile(name, data)) for name, data in samples.items()
    }
    assert kinds == {
        "ke-hoach.pdf": "pdf",
        "ke-hoach.docx": "docx",
        "tien-do.xlsx": "xlsx",
        "anh.png": "png",
        "anh.jpg": "jpeg",
        "ANH.JPEG": "jpeg",
    }


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("ke-hoach.pdf", b"<html><script>alert(1)</script></html>"),  # HTML dressed as PDF
        ("anh.png", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("ke-hoach.pdf", b"MZ\x90\x00" + b"\x00" * 60),  # a Windows program
        ("ke-hoach.docx", b""),
        ("ke-hoach.pdf", b"%PD"),  # too short to be anything
    ],
)
def test_content_that_is_none_of_the_kinds_is_refused(name, data):
    assert refusal(name, data) == "bad_type"


def test_a_pdf_header_followed_by_a_web_page_is_refused_in_vietnamese():
    """The polyglot of issue 13: `%PDF-` and then HTML. Refused at the field, in the user's
    language, whatever comes after."""
    with translation.override("vi"), pytest.raises(ValidationError) as refused:
        validate_upload(SimpleUploadedFile("ke-hoach.pdf", POLYGLOT_PDF))
    assert refused.value.code == "polyglot"
    assert "mã trang web" in refused.value.messages[0]


def test_a_real_pdf_with_a_web_page_glued_after_its_end_is_refused():
    assert refusal("ke-hoach.pdf", PDF + b"<html><script>alert(1)</script></html>") == "polyglot"
    assert refusal("ke-hoach.pdf", PDF.replace(b"%PDF-1.3", b"%PDF-1.3\n<!DOCTYPE html>")) == (
        "polyglot"
    )


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("ke-hoach.pdf", STUB_PDF),  # a header and a trailer, no page
        ("ke-hoach.pdf", pdf(pages=0)),  # a well-formed PDF of no page at all
        ("ke-hoach.pdf", PDF[: len(PDF) // 2]),  # cut short in transfer
        ("anh.png", PNG[:30]),
        ("anh.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 60),
        ("anh.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 40),
        ("ke-hoach.docx", archive({"word/document.xml": b"<w:document/>"})),  # no relationships
        ("tien-do.xlsx", archive({"xl/workbook.xml": b"<workbook/>"})),
    ],
    ids=["pdf-stub", "pdf-no-page", "pdf-truncated", "png-truncated", "png-stub", "jpeg-stub",
         "docx-stub", "xlsx-stub"],
)  # fmt: skip
def test_a_stub_that_only_starts_like_a_document_is_refused_in_vietnamese(name, data):
    with translation.override("vi"), pytest.raises(ValidationError) as refused:
        validate_upload(SimpleUploadedFile(name, data))
    assert refused.value.code == "damaged"
    assert "không mở được" in refused.value.messages[0]


def test_a_polyglot_image_passes_only_as_the_kind_its_header_declares():
    png_with_zip = PNG + docx()  # an image with an archive glued on (a "GIFAR")
    assert validate_upload(SimpleUploadedFile("anh.png", png_with_zip)) == "png"
    assert refusal("anh.docx", png_with_zip) == "name_mismatch"


@pytest.mark.parametrize(
    "data",
    [
        archive({"notes.txt": b"khong phai van ban"}, content_types=None),  # a plain zip
        archive({"ppt/presentation.xml": b"<p/>"}),  # PowerPoint: an Office file we do not take
        docx()[:200],  # cut short in transfer
        archive({"word/document.xml": b"<w/>"}, content_types=None),  # no content types
    ],
    ids=["plain-zip", "pptx", "truncated", "no-content-types"],
)
def test_a_zip_that_is_neither_docx_nor_xlsx_is_refused(data):
    assert refusal("ke-hoach.docx", data) == "bad_type"


def test_a_zip_bomb_is_refused_without_expanding_it_all(settings):
    settings.UPLOAD_MAX_EXPANDED_BYTES = 8 * 1024 * 1024
    bomb = zip_bomb(64 * 1024 * 1024)
    assert len(bomb) < 200 * 1024  # 64 MB of zeros in under 200 kB
    with pytest.raises(ValidationError) as refused:
        validate_upload(SimpleUploadedFile("ke-hoach.docx", bomb))
    assert refused.value.code == "too_large_expanded"
    assert "8,0\xa0MB" in refused.value.messages[0]  # the limit, in the user's language


def test_a_bomb_that_lies_about_its_size_is_still_refused(settings):
    """Headers claiming a tiny part do not fool the check: bytes are counted as they expand,
    and a part longer than its header says fails its checksum."""
    settings.UPLOAD_MAX_EXPANDED_BYTES = 8 * 1024 * 1024
    liar = lying_about_size(zip_bomb(16 * 1024 * 1024), "word/document.xml", claimed=1000)
    assert refusal("ke-hoach.docx", liar) == "bad_type"


def test_a_macro_enabled_document_renamed_docx_is_refused():
    docm = docx(**{"word/vbaProject.bin": b"\xd0\xcf\x11\xe0 macro"})
    with pytest.raises(ValidationError) as refused:
        validate_upload(SimpleUploadedFile("ke-hoach.docx", docm))
    assert refused.value.code == "macros"
    assert "macro" in refused.value.messages[0]


def test_a_document_declared_macro_enabled_is_refused():
    declared = (
        b'<Types><Override PartName="/word/document.xml" '
        b'ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>'
    )
    data = archive({"word/document.xml": b"<w/>"}, content_types=declared)
    assert refusal("ke-hoach.docx", data) == "macros"


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("ke-hoach.pdf.exe", PDF, "name_mismatch"),
        ("ke-hoach.exe", PDF, "name_mismatch"),
        ("ke-hoach", PDF, "name_mismatch"),
        ("anh.png.pdf", PNG, "name_mismatch"),
        ("bao-cao.xlsx", docx(), "name_mismatch"),
    ],
)
def test_a_name_that_does_not_end_in_the_contents_kind_is_refused(name, data, code):
    assert refusal(name, data) == code


def test_an_inner_extension_does_not_matter_once_the_last_one_matches_the_content():
    assert validate_upload(SimpleUploadedFile("virus.exe.pdf", PDF)) == "pdf"


def test_the_limit_is_20_mb_exactly(settings):
    limit = settings.UPLOAD_MAX_BYTES
    assert limit == 20 * 1024 * 1024
    assert validate_upload(SimpleUploadedFile("a.pdf", pdf_of_size(limit))) == "pdf"
    assert refusal("a.pdf", pdf_of_size(limit + 1)) == "too_large"


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("../../../etc/passwd.pdf", "passwd.pdf"),
        ("..\\..\\Windows\\win.ini.pdf", "win.ini.pdf"),
        ("C:\\Users\\An\\Kế hoạch.pdf", "Kế hoạch.pdf"),
        ("bao\x00cao\r\nSet-Cookie: x.pdf", "baocao Set-Cookie: x.pdf"),
        ("hoso\u202efdp.exe", "hosofdp.exe"),  # right-to-left override hides the real extension
        ("ke\u200bhoach\u2028.pdf", "kehoach .pdf"),
        ("  ..  ", "file"),
        ("Ke\u0302\u0301 hoa\u0323ch.pdf", "Kế hoạch.pdf"),  # decomposed Vietnamese becomes NFC
        ("đ" * 300 + ".docx", "đ" * 195 + ".docx"),
    ],
)
def test_display_names_lose_folders_and_invisible_characters(given, kept):
    assert clean_display_name(given) == kept
